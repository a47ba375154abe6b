import { registerUnderstandRoutes } from '../../bot/api/understandRoutes';
import { understand, warmUnderstanding } from '../../knowledge/understanding/understand';
import { postJson, startApp, type RunningApp } from '../support/appServer';

let running: RunningApp;
beforeAll(async () => {
  warmUnderstanding();
  running = await startApp({ apiRoutes: [(s) => registerUnderstandRoutes(s, understand)] });
});
afterAll(() => running.close());

const post = async (body: unknown) => {
  const res = await postJson(`${running.baseUrl}/api/v1/understand`, body);
  return { status: res.status, body: (await res.json()) as Record<string, any> };
};

describe('POST /api/v1/understand', () => {
  it('says what the dialogs understand: intent, slots, confidence', async () => {
    const text = 'bonjour je suis au rsa depuis 2 ans et je cherche du travail vers le lamentin';
    const { status, body } = await post({ text, locale: 'fr-FR', departement: '972' });
    expect(status).toBe(200);
    expect(body).toEqual(JSON.parse(JSON.stringify((({ intent, slots, confidence }) => ({ intent, slots, confidence }))(understand(text, 'fr', { departement: '972' })))));
    expect(body.slots.criteria).toContain('RSA');
    expect(body.slots.place).toMatchObject({ code: '97213' });
    expect(body.confidence).toBeGreaterThanOrEqual(0);
    expect(body.confidence).toBeLessThanOrEqual(1);
  });

  it('reads English', async () => {
    const { body } = await post({ text: 'I need a job near Schoelcher', locale: 'en-US' });
    expect(body.slots.place).toMatchObject({ code: '97229' });
  });

  it.each([
    [{}, 'text'],
    [{ text: 42 }, 'text'],
    [{ text: 'x'.repeat(2001) }, 'text'],
    [{ text: 'bonjour', locale: 'de-DE' }, 'locale'],
    [{ text: 'bonjour', departement: 'nope' }, 'departement'],
    [{ text: 'bonjour', extra: true }, undefined],
    [[], undefined],
  ])('400 for %j', async (body, field) => {
    const { status, body: problem } = await post(body);
    expect(status).toBe(400);
    if (field) expect(problem.error.field).toBe(field);
  });
});
