import type { Choice } from 'botbuilder-dialogs';
import type { TFunction } from 'i18next';
import { SIAE_KINDS, type SiaeKind } from '../../knowledge/directory/kinds';
import { commandLexicon } from '../../knowledge/understanding/commands';
import { loadLexicons } from '../../knowledge/understanding/lexicons';

/** The value of the « any kind » choice. */
export const ANY_KIND = 'ALL';

/** Every way to name a kind: its code, its names in both languages' words, the kinds lexicon and the everyday words. */
function wordsFor(kind: SiaeKind, t: TFunction): string[] {
  const lexicon = loadLexicons().kinds.find(([k]) => k === kind)?.[1] ?? [];
  return [
    kind,
    t(`directory:kinds.${kind}.name`),
    t(`directory:kinds.${kind}.short`),
    ...lexicon.filter((p): p is string => typeof p === 'string'),
    ...(commandLexicon().kindWords[kind] ?? []),
  ];
}

const capitalise = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

/** The SIAE kinds as choices (buttons with their short names) that everyday words pick too (« chantier », « entreprise »). */
export function kindChoices(t: TFunction, valuePrefix = ''): Choice[] {
  return SIAE_KINDS.map((kind) => {
    const title = capitalise(t(`directory:kinds.${kind}.short`));
    return { value: `${valuePrefix}${kind}`, action: { type: 'imBack', title, value: title }, synonyms: wordsFor(kind, t) };
  });
}

/** Kind choices made for reading, by translator and value prefix: a translator's texts never change. */
const kindChoicesRead = new WeakMap<TFunction, Map<string, readonly Choice[]>>();

/**
 * kindChoices made once per translator and prefix, frozen, for reading an answer only (readChoice
 * remembers the phrases of frozen choices): the results prompt reads them at every answer, several
 * times a turn. Prompts and cards get kindChoices' own copies.
 */
export function kindChoicesToRead(t: TFunction, valuePrefix = ''): readonly Choice[] {
  let byPrefix = kindChoicesRead.get(t);
  if (!byPrefix) kindChoicesRead.set(t, (byPrefix = new Map()));
  let choices = byPrefix.get(valuePrefix);
  if (!choices) {
    choices = Object.freeze(
      kindChoices(t, valuePrefix).map((choice) => Object.freeze({ ...choice, action: Object.freeze({ ...choice.action! }), synonyms: Object.freeze([...choice.synonyms!]) as string[] })),
    );
    byPrefix.set(valuePrefix, choices);
  }
  return choices;
}

/** « Je ne sais pas » = every kind; « tous », « peu importe », "any" too. */
export function anyKindChoice(t: TFunction): Choice {
  const title = t('common:answers.unknown');
  return { value: ANY_KIND, action: { type: 'imBack', title, value: title }, synonyms: [...commandLexicon().anyKind] };
}
