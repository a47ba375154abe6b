import { needsSaidIn } from '../../knowledge/orientation/needsInText';

test.each([
  ['je cherche du travail', ['job']],
  ['jcherche du taf', ['job']],
  ["j'ai besoin d'un logement", ['housing']],
  ['I need somewhere to live', ['housing']],
  ['je veux me former', ['training']],
  ["j'ai pas de voiture pour aller bosser", ['job', 'mobility']],
  ['problème de santé et de dettes', ['rights', 'health']],
  ['je suis inscrit à France Travail', []],
  ['je suis au RSA', []],
  ['', []],
] as const)('%s → %j', (text, needs) => {
  expect(needsSaidIn(text)).toEqual(needs);
});
