import { writerOf } from '../../knowledge/understanding/writer';

describe('what a message says of its writer', () => {
  it.each([
    ['Bonjour, je suis conseiller France Travail, pouvez-vous me lister les ACI du Marin ?', ['FT']],
    ['Je suis conseillère Cap Emploi : monsieur 54 ans, RQTH, AAH. Il peut être recruté en ACI ?', ['CAP_EMPLOI']],
    ['Je suis conseillère à la mission locale de Sainte-Marie', ['ML']],
    ['Bonjour, je suis CIP au PLIE, je recherche des EITI sur la Martinique', ['PLIE']],
    ['Je suis CIP dans un ACI : un salarié arrive en fin de parcours', ['ACI']],
    ["I'm an adviser at France Travail and I want to request a PASS IAE for a candidate", ['FT']],
  ])('« %s »: a professional working at %j', (text, workplace) => {
    expect(writerOf(text)).toEqual({ professional: true, workplace });
  });

  it.each([
    ['je suis CIP dans un ACI, je cherche un ACI au Marin'],
    ["social worker here, I'd like to refer a 22-year-old mum to an AI"],
    ['je suis éducatrice spécialisée, un jeune de 17 ans peut-il aller en chantier ?'],
  ])('« %s »: a professional, no workplace kept apart (named again, or none)', (text) => {
    expect(writerOf(text)).toEqual({ professional: true, workplace: [] });
  });

  it.each([
    ["je suis agent d'entretien au chômage, suis-je éligible ?"],
    ['je suis conseiller de vente, au RSA, je cherche un ACI'],
    ['je suis au RSA depuis 2 ans'],
    ['je cherche la mission locale du Robert'],
    [''],
  ])('« %s »: no professional introduction', (text) => {
    expect(writerOf(text)).toEqual({ professional: false, workplace: [] });
  });
});
