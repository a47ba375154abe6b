import { asksWhatItIs } from '../../knowledge/understanding/definitionQuestion';
import { tellsFactsOnly } from '../../knowledge/understanding/factStatement';
import { understand, warmUnderstanding } from '../../knowledge/understanding/understand';

beforeAll(() => warmUnderstanding());

describe('a message that asks what a thing is', () => {
  it.each(["c'est quoi l'ASS ?", 'c quoi un chantier', "qu'est-ce qu'un prescripteur", 'ça veut dire quoi RQTH', 'et c koi une AI', 'what is the AAH?', 'RQTH ça veut dire quoi'])('« %s » asks', (text) => {
    expect(asksWhatItIs(text)).toBe(true);
  });

  it.each(['ASS', 'je touche l’ASS', 'un chantier au Lamentin', 'oui', 'comment ça marche'])('« %s » does not', (text) => {
    expect(asksWhatItIs(text)).toBe(false);
  });

  it.each(['c quoi un chantier', 'c koi un chantier', "c'est quoi un chantier d'insertion"])('« %s » is a question for the understanding, not a search', (text) => {
    expect(understand(text, 'fr', { territory: '972' }).intent).toBe('question');
  });
});

describe('a message that only tells facts', () => {
  it.each(['je touche le rsa', "j'ai une rqth", 'je suis au RSA depuis 2 ans', 'il a pas de diplome'])('« %s » tells', (text) => {
    expect(tellsFactsOnly(text)).toBe(true);
  });

  it.each(['je touche le rsa, j’ai droit ?', 'suis-je éligible', 'je suis au RSA je peux travailler', 'am I eligible with the RSA'])('« %s » asks', (text) => {
    expect(tellsFactsOnly(text)).toBe(false);
  });
});
