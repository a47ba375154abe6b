import { DialogTurnStatus, WaterfallDialog, ComponentDialog } from 'botbuilder-dialogs';
import { translator } from '../../locales/i18n';
import { AgeOrBirthDatePrompt } from '../../dialogs/shared/prompts/ageOrBirthDatePrompt';
import { YesNoUnknownPrompt } from '../../dialogs/shared/prompts/yesNoUnknownPrompt';
import { warmRecognizers } from '../../knowledge/understanding/ageOrBirthDate';
import { DialogHarness, suggestedOf, textsOf } from '../support/dialogHarness';

/** A dialog that asks one prompt and ends with its value. */
class Asking extends ComponentDialog {
  constructor(promptId: string, prompt: YesNoUnknownPrompt | AgeOrBirthDatePrompt) {
    super('asking');
    this.addDialog(prompt);
    this.addDialog(
      new WaterfallDialog('steps', [
        async (step) => step.prompt(promptId, { prompt: 'QUESTION?' }),
        async (step) => step.endDialog(step.result),
      ]),
    );
    this.initialDialogId = 'steps';
  }
}
const asking = (promptId: string, prompt: YesNoUnknownPrompt | AgeOrBirthDatePrompt) => new Asking(promptId, prompt);

beforeAll(() => warmRecognizers());

describe('YesNoUnknownPrompt', () => {
  it.each([
    ['fr-FR', 'Oui', 'yes'],
    ['fr-FR', 'ouais je touche le rsa', 'yes'],
    ['fr-FR', 'non', 'no'],
    ['fr-FR', 'Je ne sais pas', 'unknown'],
    ['fr-FR', 'jsp', 'unknown'],
    ['en-US', "I don't know", 'unknown'],
    ['en-US', 'yes', 'yes'],
  ])('%s: "%s" → %s', async (locale, text, expected) => {
    const harness = new DialogHarness(asking('yn', new YesNoUnknownPrompt('yn')), { locale });
    const first = await harness.say('start');
    expect(textsOf(first)).toContain('QUESTION?');
    const lng = locale.startsWith('fr') ? 'fr' : 'en';
    expect(suggestedOf(first)).toEqual(['yes', 'no', 'unknown'].map((k) => translator(lng)(`common:answers.${k}`)));
    await harness.say(text);
    expect(harness.result).toMatchObject({ status: DialogTurnStatus.complete, result: expected });
  });

  it('asks again with the answers explained, then takes "I don\'t know" on the third unreadable answer', async () => {
    const harness = new DialogHarness(asking('yn', new YesNoUnknownPrompt('yn')));
    await harness.say('start');
    const retry = await harness.say('bof');
    expect(textsOf(retry)).toContain(translator('fr')('common:answers.retry'));
    expect(harness.result?.status).toBe(DialogTurnStatus.waiting);
    await harness.say('euh');
    expect(harness.result?.status).toBe(DialogTurnStatus.waiting);
    await harness.say('hmm');
    expect(harness.result).toMatchObject({ status: DialogTurnStatus.complete, result: 'unknown' });
  });
});

describe('AgeOrBirthDatePrompt', () => {
  const today = () => '2026-11-22';
  it.each([
    ['fr-FR', '32 ans', { kind: 'age', years: 32 }],
    ['fr-FR', 'née le 3 mars 1990', { kind: 'birthDate', date: '1990-03-03' }],
    ['fr-FR', '03/03/1990', { kind: 'birthDate', date: '1990-03-03' }],
    ['fr-FR', 'Passer', { kind: 'skipped' }],
    ['fr-FR', 'je sais pas', { kind: 'skipped' }],
    ['en-US', 'I am 54', { kind: 'age', years: 54 }],
    ['en-US', 'Skip', { kind: 'skipped' }],
  ])('%s: "%s"', async (locale, text, expected) => {
    const harness = new DialogHarness(asking('age', new AgeOrBirthDatePrompt('age', today)), { locale });
    await harness.say('start');
    await harness.say(text);
    expect(harness.result).toMatchObject({ status: DialogTurnStatus.complete, result: expected });
  });

  it.each(['12 ans', '120 ans', 'né le 3 mars 2015', 'bleu'])('does not take "%s" and asks again', async (text) => {
    const harness = new DialogHarness(asking('age', new AgeOrBirthDatePrompt('age', today)));
    await harness.say('start');
    const retry = await harness.say(text);
    expect(harness.result?.status).toBe(DialogTurnStatus.waiting);
    expect(textsOf(retry)).toContain('QUESTION?');
  });
});
