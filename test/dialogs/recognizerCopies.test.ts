import { dirname } from 'node:path';
import { ConversationState, MemoryStorage, TestAdapter, type TurnContext } from 'botbuilder';
import { ConfirmPrompt, DateTimePrompt, DialogSet, DialogTurnStatus, NumberPrompt, type DateTimeResolution } from 'botbuilder-dialogs';

/**
 * package.json `overrides`: botbuilder-dialogs 4.23.3 asks for its own @microsoft/recognizers-text-date-time
 * 1.1.4 (4.7 MB of heap once loaded, for its DateTimePrompt) beside the 1.3.2 this project uses; it
 * gets ours instead. Its prompts still read what people write.
 */

const dialogsDir = dirname(require.resolve('botbuilder-dialogs/package.json'));

test('botbuilder-dialogs loads the date and time recognizers this project loads (one copy)', () => {
  expect(require.resolve('@microsoft/recognizers-text-date-time', { paths: [dialogsDir] })).toBe(require.resolve('@microsoft/recognizers-text-date-time'));
  expect(require.resolve('@microsoft/recognizers-text-number', { paths: [dialogsDir] })).toBe(require.resolve('@microsoft/recognizers-text-number'));
});

/** Runs one prompt of botbuilder-dialogs: the question, then `reply`; resolves with what the prompt recognized. */
async function prompted(prompt: DateTimePrompt | NumberPrompt | ConfirmPrompt, locale: string, reply: string): Promise<unknown> {
  const state = new ConversationState(new MemoryStorage());
  const dialogs = new DialogSet(state.createProperty('dialogState'));
  dialogs.add(prompt);
  let result: unknown = 'not recognized';
  const adapter = new TestAdapter(async (context: TurnContext) => {
    const dc = await dialogs.createContext(context);
    const turn = await dc.continueDialog();
    if (turn.status === DialogTurnStatus.empty) await dc.prompt(prompt.id, { prompt: 'question', retryPrompt: 'again' });
    else if (turn.status === DialogTurnStatus.complete) result = turn.result;
    await state.saveChanges(context);
  });
  await adapter.send({ text: 'hello', locale }).assertReply((activity) => expect(activity.text).toMatch(/^question/)).send({ text: reply, locale }).startTest();
  return result;
}

test.each([
  ['fr-fr', 'le 3 mars 2027 à 10 heures', '2027-03-03T10'],
  ['en-us', 'March 3rd 2027 at 10am', '2027-03-03T10'],
])('DateTimePrompt (%s) reads « %s »', async (locale, reply, timex) => {
  const result = (await prompted(new DateTimePrompt('when'), locale, reply)) as DateTimeResolution[];
  expect(result.map((r) => r.timex)).toContain(timex);
});

test.each([
  ['fr-fr', 'vingt-deux', 22],
  ['en-us', 'twenty two', 22],
])('NumberPrompt (%s) reads « %s »', async (locale, reply, value) => {
  expect(await prompted(new NumberPrompt('howMany'), locale, reply)).toBe(value);
});

test.each([
  ['fr-fr', 'oui', true],
  ['fr-fr', 'non', false],
  ['en-us', 'yes', true],
])('ConfirmPrompt (%s) reads « %s »', async (locale, reply, value) => {
  expect(await prompted(new ConfirmPrompt('sure'), locale, reply)).toBe(value);
});
