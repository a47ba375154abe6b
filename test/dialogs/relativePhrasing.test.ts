import { isAdviserPhrasing, speaksOfRelative } from '../../dialogs/eligibility/adviserPhrasing';

describe('a relative the message asks for (third person) or the writer speaking of themselves', () => {
  it.each([
    'ma fille a 22 ans et touche le RSA, elle peut avoir un pass iae ?',
    'mon mari est au chômage depuis 3 ans, il peut travailler dans un chantier ?',
    'je cherche un chantier d insertion pour mon fils',
    "ma mère a 58 ans, est-ce qu'elle pourrait être embauchée ? peut-elle avoir le pass ?",
    'mon frère touche l AAH',
    'my son is 30 and gets RSA, can he get a pass iae?',
    'I am asking for my daughter',
  ])('« %s » is about the relative', (text) => {
    expect(speaksOfRelative(text)).toBe(true);
    expect(isAdviserPhrasing(text)).toBe(true);
  });

  it.each([
    "je suis maman solo, mon fils a 4 ans, je touche le RSA, j'ai droit ?",
    "j'ai 30 ans et mon enfant a 3 ans, je peux avoir le pass ?",
    "mon mari a perdu son travail, moi je touche l'ASS, je suis éligible ?",
    "je vis avec ma mère qui est malade, j'ai 52 ans",
    "je suis seule avec mon fils, j'ai 35 ans et je touche le RSA, suis-je éligible ?",
    'I am a single mum, my son is 5, can I get a job in IAE?',
  ])('« %s » stays about the writer', (text) => {
    expect(speaksOfRelative(text)).toBe(false);
    expect(isAdviserPhrasing(text)).toBe(false);
  });
});
