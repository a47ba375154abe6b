import { CardFactory, type Activity, type CardAction } from 'botbuilder';
import { forTeams, TEAMS_LIMITS } from '../../bot/channels/teamsRendering';

const imBack = (title: string): CardAction => ({ type: 'imBack', title, value: title });
const actions = (n: number) => Array.from({ length: n }, (_, i) => imBack(`Choix ${i + 1}`));
const suggested = (n: number): Partial<Activity> => ({ type: 'message', text: 'Que voulez-vous faire ?', suggestedActions: { to: [], actions: actions(n) } });

describe('forTeams (what Teams can show)', () => {
  it('keeps up to 3 suggested actions in a personal chat', () => {
    const out = forTeams(suggested(3), true);
    expect(out.suggestedActions?.actions).toHaveLength(3);
    expect(out.attachments).toEqual([]);
  });

  it('turns 4 suggested actions, or any in a channel, into a hero card with the same buttons', () => {
    for (const [activity, personal] of [[suggested(4), true], [suggested(1), false]] as const) {
      const out = forTeams(activity, personal);
      expect(out.suggestedActions).toBeUndefined();
      expect(out.text).toBe('Que voulez-vous faire ?');
      expect(out.attachments).toHaveLength(1);
      expect(out.attachments![0]!.contentType).toBe('application/vnd.microsoft.card.hero');
      expect(out.attachments![0]!.content.buttons).toEqual(activity.suggestedActions!.actions);
    }
  });

  it('turns a hero card of more than 6 buttons into one Adaptive Card 1.5 of imBack buttons, its text into the message', () => {
    const hero = { type: 'message', attachments: [CardFactory.heroCard('', 'Quelle étape ?', undefined, actions(TEAMS_LIMITS.heroCardButtons + 1))] };
    const out = forTeams(hero, true);
    expect(out.text).toBe('Quelle étape ?');
    const card = out.attachments![0]!;
    expect(card.contentType).toBe('application/vnd.microsoft.card.adaptive');
    expect(card.content.version).toBe('1.5');
    const buttons = card.content.body.flatMap((set: { actions: object[] }) => set.actions);
    expect(buttons).toHaveLength(7);
    expect(buttons[6]).toEqual({ type: 'Action.Submit', title: 'Choix 7', data: { msteams: { type: 'imBack', value: 'Choix 7' } } });
  });

  it('keeps a hero card of 6 buttons and any Adaptive Card as they are', () => {
    const hero = CardFactory.heroCard('', 'Texte', undefined, actions(6));
    const adaptive = CardFactory.adaptiveCard({ type: 'AdaptiveCard', version: '1.5', body: [] });
    expect(forTeams({ type: 'message', attachments: [hero, adaptive] }, true).attachments).toEqual([hero, adaptive]);
  });

  it('puts an inline file (a JSON export) into the text, since Teams shows no such attachment from a bot', () => {
    const out = forTeams({ type: 'message', text: 'Voici la demande.', attachments: [{ contentType: 'application/json', name: 'GI-ABC123.json', content: { reference: 'GI-ABC123' } }] }, true);
    expect(out.attachments).toEqual([]);
    expect(out.text).toBe('Voici la demande.\n\nGI-ABC123.json\n```\n{\n  "reference": "GI-ABC123"\n}\n```');
  });

  it('leaves other activities alone', () => {
    const typing = { type: 'typing' };
    expect(forTeams(typing, true)).toBe(typing);
  });
});
