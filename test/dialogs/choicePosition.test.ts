import { recognizeChoices } from 'botbuilder-dialogs';
import { mayNamePosition } from '../../dialogs/shared/choices';

/**
 * ButtonsPrompt runs the number and ordinal recognizers only on short replies that may name a
 * position: every such reply the recognizers read as a position must pass the gate.
 */
const CHOICES = ['Oui', 'Non', 'Je ne sais pas', 'Chantier d’insertion', 'Autre chose'];

test.each([
  ['2', 'fr-fr'],
  ['le deuxième', 'fr-fr'],
  ['la première', 'fr-fr'],
  ['trois', 'fr-fr'],
  ['numéro 4', 'fr-fr'],
  ['the second one', 'en-us'],
  ['the last one', 'en-us'],
  ['fourth', 'en-us'],
  ['two', 'en-us'],
])('« %s » may name a position, and the recognizers read one', (text, locale) => {
  expect(mayNamePosition(text)).toBe(true);
  expect(recognizeChoices(text, CHOICES, { locale }).length).toBeGreaterThan(0);
});

test.each([
  ['aci près du Lamentin', 'fr-fr'],
  ['combien de structures dans le Sud ?', 'fr-fr'],
  ['je cherche du travail', 'fr-fr'],
  ['bonjour', 'fr-fr'],
  ['help me find a job', 'en-us'],
])('« %s » names no position: skipped, and the recognizers read none either', (text, locale) => {
  expect(mayNamePosition(text)).toBe(false);
  expect(recognizeChoices(text, CHOICES, { locale })).toEqual([]);
});

test.each([
  ['je touche le RSA depuis 2 ans, suis-je éligible ?'],
  ["c'est quoi un chantier d'insertion ?"],
  ['I have been registered for two years now'],
  ['32 ans'],
  ['depuis 2 ans'],
])('a reply with other words than a position is not one, whatever number it holds: « %s »', (text) => {
  expect(mayNamePosition(text)).toBe(false);
});
