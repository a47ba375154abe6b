import type { Transcript } from '../support/transcripts';

const welcome = ['common:welcome.hello', 'common:welcome.purpose', 'common:welcome.privacy'];

/** The root dialog: welcome, menu, and the global commands, in both languages. */
export const rootTranscripts: Transcript[] = [
  {
    name: 'a new person is welcomed and sees the menu',
    locale: 'fr',
    steps: [{ user: { join: true }, bot: [...welcome, 'common:menu.prompt'], buttons: ['common:menu.help', 'common:menu.language'] }],
  },
  {
    name: 'a first message without a join still gets the welcome once',
    locale: 'fr',
    steps: [
      { user: 'bonjour', bot: [...welcome, 'common:menu.prompt'] },
      { user: 'bonjour', bot: ['common:menu.notUnderstood'], notBot: ['common:welcome.hello'] },
    ],
  },
  {
    name: 'aide lists the commands, then the menu comes back',
    locale: 'fr',
    steps: [
      { user: { join: true }, bot: [...welcome] },
      { user: 'aide', bot: ['common:help.commands', 'common:menu.prompt'] },
      { user: 'Aide', bot: ['common:help.commands'] },
      { user: 'AIDE !', bot: ['common:help.commands'] },
    ],
  },
  {
    name: 'help works as the very first message',
    locale: 'en',
    steps: [{ user: 'help', bot: [...welcome, 'common:help.commands', 'common:menu.prompt'] }],
  },
  {
    name: 'annuler with nothing running says so and shows the menu',
    locale: 'fr',
    steps: [
      { user: { join: true }, bot: [...welcome] },
      { user: 'annuler', bot: ['common:cancel.nothing', 'common:menu.prompt'] },
    ],
  },
  {
    name: 'menu brings the menu back',
    locale: 'fr',
    steps: [
      { user: { join: true }, bot: [...welcome] },
      { user: 'menu', bot: ['common:menu.prompt'], notBot: ['common:welcome.hello'] },
    ],
  },
  {
    name: 'recommencer welcomes again',
    locale: 'fr',
    steps: [
      { user: { join: true }, bot: [...welcome] },
      { user: 'recommencer', bot: ['common:restart.done', ...welcome, 'common:menu.prompt'] },
    ],
  },
  {
    name: 'an English channel gets English from the start',
    locale: 'en',
    steps: [
      { user: { join: true }, bot: [...welcome, 'common:menu.prompt'], buttons: ['common:menu.help', 'common:menu.language'] },
      { user: 'cancel', bot: ['common:cancel.nothing'] },
      { user: 'start over', bot: ['common:restart.done', ...welcome] },
    ],
  },
];
