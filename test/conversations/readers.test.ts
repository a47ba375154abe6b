import { ChoiceFactory } from 'botbuilder-dialogs';
import { kindChoices, kindChoicesToRead, anyKindChoice } from '../../dialogs/search/kindChoices';
import { readChoice } from '../../dialogs/shared/prompts/readChoice';
import { recognizeGlobalCommand } from '../../dialogs/globalCommands';
import { peopleToContact } from '../../knowledge/orientation/peopleToContact';
import { labelLanguage } from '../../dialogs/shared/labelLanguage';
import { writtenLanguage } from '../../knowledge/text/language';
import { parseAgeOrBirthDate } from '../../knowledge/understanding/ageOrBirthDate';
import { commandLexicon } from '../../knowledge/understanding/commands';
import { readPlaceAnswer } from '../../knowledge/understanding/placeAnswer';
import { translator } from '../../locales/i18n';

/** The readers every prompt uses to take its answer from free words (issue 12 §1). */
describe('a kind in everyday words', () => {
  const choices = [...kindChoices(translator('fr')), anyKindChoice(translator('fr'))];
  it.each([
    ['chantier', 'ACI'],
    ['un chantier d insertion svp', 'ACI'],
    ['entreprise', 'EI'],
    ['c pa des chantier ça c des entreprise', 'EI'],
    ['asso', 'AI'],
    ['intérim', 'ETTI'],
    ['peu importe', 'ALL'],
    ['Je ne sais pas', 'ALL'],
    ['work integration company', 'EI'],
  ])('"%s" → %s', (text, kind) => {
    expect(readChoice(text, choices)?.value).toBe(kind);
  });

  it.each(['tu es un robot ?', 'bonjour', 'un', 'des chantiers ou des entreprises'])('"%s" picks nothing', (text) => {
    expect(readChoice(text, choices)).toBeUndefined();
  });
});

describe('the kinds made once for reading (the results prompt reads them at every answer)', () => {
  const texts = [
    'chantier', 'un chantier d insertion svp', 'entreprise', 'c pa des chantier ça c des entreprise', 'asso', 'intérim', 'ACI', 'aci',
    'pas des chantiers, des entreprises', "j'ai 23 ans", 'ai', 'des entreprises d insertion', 'chantiers', 'tu es un robot ?', 'bonjour', '2',
    'je touche le RSA depuis 2 ans, suis-je éligible ?', 'ETTI ou EI', 'work integration company', 'temp agency',
  ];
  it.each([['fr'], ['en']] as const)('are kindChoices, frozen, the same array each time, and read every answer alike (%s)', (locale) => {
    const t = translator(locale);
    const fresh = kindChoices(t, 'kind:');
    const toRead = kindChoicesToRead(t, 'kind:');
    expect(kindChoicesToRead(t, 'kind:')).toBe(toRead);
    expect(toRead).toEqual(fresh);
    expect(Object.isFrozen(toRead) && toRead.every((c) => Object.isFrozen(c) && Object.isFrozen(c.synonyms) && Object.isFrozen(c.action))).toBe(true);
    expect(kindChoicesToRead(t)).toEqual(kindChoices(t));
    for (const text of texts) {
      // Twice: the second read takes the phrases remembered for the frozen choices.
      expect(readChoice(text, toRead)).toEqual(readChoice(text, fresh));
      expect(readChoice(text, [...toRead, anyKindChoice(t)])).toEqual(readChoice(text, [...fresh, anyKindChoice(t)]));
    }
  });
});

describe('a choice among buttons', () => {
  const needs = ChoiceFactory.toChoices(['Un emploi', "De l'argent, mes droits", 'Une formation', 'Un logement']);
  it.each([
    ['tu es un robot ?', undefined],
    ['un emploi', 'Un emploi'],
    ['je cherche une formation', 'Une formation'],
    ['2', "De l'argent, mes droits"],
    ['pas un logement, une formation', 'Une formation'],
  ])('"%s" → %s', (text, value) => {
    expect(readChoice(text, needs)?.value).toBe(value);
  });
});

describe('a place inside a sentence', () => {
  const ctx = { departement: '972' };
  it.each([
    ['jhabite o lamantin', 'Le Lamentin'],
    ['je suis du côté de Schœlcher svp', 'Schœlcher'],
    ['au François', 'Le François'],
    ['dans le sud', 'Martinique Sud (Espace Sud)'],
    ['97232', 'Le Lamentin'],
    // A correction mid-answer: the place after it.
    ['au lamentin non plutot a ducos', 'Ducos'],
    ['Le Marin, pardon Sainte-Anne', 'Sainte-Anne'],
    ['schoelcher enfin fort de france', 'Fort-de-France'],
    ['Le Robert... I mean Le François', 'Le François'],
    // A correction word with no place after it changes nothing.
    ['au Lamentin non', 'Le Lamentin'],
  ])('"%s" → %s', (text, label) => {
    const result = readPlaceAnswer(text, ctx);
    const place = result.status === 'found' ? result.place : result.status === 'not_found' ? undefined : result.candidates[0];
    expect(place?.label).toBe(label);
  });

  it.each(["je veux parler à quelqu'un", 'tu es un robot ?', 'oui', 'le premier', 'le dernier', 'the first one'])('"%s" is no place', (text) => {
    expect(readPlaceAnswer(text, ctx).status).toBe('not_found');
  });
});

describe('a birth date as people write it', () => {
  it.each([
    ['12 mars 92', '1992-03-12'],
    ['12/03/92', '1992-03-12'],
    ['12/03/05', '2005-03-12'],
    ['née le 1er mai 05', '2005-05-01'],
    ['12/03/1992', '1992-03-12'],
  ])('"%s" → %s', (text, date) => {
    expect(parseAgeOrBirthDate(text, 'fr', '2026-11-22')).toEqual({ kind: 'birthDate', date });
  });

  it('a two-digit year that would make the person younger than 16 is in the previous century', () => {
    expect(parseAgeOrBirthDate('01/01/20', 'fr', '2026-11-22')).toEqual({ kind: 'birthDate', date: '1920-01-01' });
  });
});

describe('commands and words are data', () => {
  it.each([
    ["parler à quelqu'un", 'person'],
    ['un humain', 'person'],
    ['conseiller', 'person'],
    ['Talk to someone', 'person'],
    ['aide svp', 'help'],
    ['english', 'language'],
  ])('"%s" is the %s command', (text, kind) => {
    expect(recognizeGlobalCommand(text)?.kind).toBe(kind);
  });

  it('the person button of every language is the person command', () => {
    for (const lng of ['fr', 'en'] as const) expect(recognizeGlobalCommand(translator(lng)('conversation:person.button'))).toEqual({ kind: 'person' });
  });

  it('no phrase is both a command and a menu synonym', () => {
    const { commands, menuSynonyms } = commandLexicon();
    const commandPhrases = new Set(Object.values(commands).flat());
    expect(Object.values(menuSynonyms).flat().filter((p) => commandPhrases.has(p))).toEqual([]);
  });
});

describe('the language a message is written in', () => {
  it.each([
    ['hello, I am looking for a job', 'en'],
    ['where can I find a job', 'en'],
    ['je cherche un chantier', 'fr'],
    ['c pa des chantier ça c des entreprise', 'fr'],
    ['oui', undefined],
    ['Le Lamentin', undefined],
    ['12/03/92', undefined],
    // Short requests tinyld cannot tell: the words only one language uses.
    ['I want to check my eligibility', 'en'],
    ['erase my data', 'en'],
    ['I live in Le Lamentin', 'en'],
    ['je veux mon éligibilité', 'fr'],
    ['Sainte-Luce in Martinique', undefined],
    // A button that names a request: its reference and initial are no language.
    ['GI-FXP57M · Marie D. · Reçue', undefined],
    ['GI-WLS6DU · Lucie D. · Reçue', undefined],
  ])('"%s" → %s', (text, locale) => {
    expect(writtenLanguage(text)).toBe(locale);
  });

  it.each([
    ['Find a structure', 'en'],
    ['Understand IAE', 'en'],
    ['Get directions', 'en'],
    ['Talk to someone', 'en'],
    ["Comprendre l'IAE", 'fr'],
    ['Trouver une structure', 'fr'],
    ['Menu', undefined],
    ['stats', undefined],
    ['contact', undefined],
    ['Le Lamentin', undefined],
    ['je cherche un chantier', undefined],
  ])('a button label of one language only: "%s" → %s', (text, locale) => {
    expect(labelLanguage(text)).toBe(locale);
  });
});

describe('who a person can reach', () => {
  it.each([
    [{}, ['FT', 'ML?', 'CAP_EMPLOI?', 'DEPT?']],
    [{ under26: false }, ['FT', 'CAP_EMPLOI?', 'DEPT?']],
    [{ under26: true, rqth: false, minima: false }, ['FT', 'ML']],
    [{ under26: false, rqth: true, minima: true }, ['FT', 'CAP_EMPLOI', 'DEPT']],
  ])('%j → %j', (facts, expected) => {
    expect(peopleToContact(facts).map((c) => `${c.kind}${c.ifFact ? '?' : ''}`)).toEqual(expected);
    expect(peopleToContact(facts)[0]).toMatchObject({ kind: 'FT', phone: '3949' });
  });
});
