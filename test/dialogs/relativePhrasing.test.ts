import { isAdviserPhrasing, readAsker, speaksOfRelative, speaksOfSelf } from '../../dialogs/eligibility/adviserPhrasing';

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
    expect(readAsker(text)).toMatchObject({ forSomeoneElse: true, relative: true, self: false });
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

describe('the relative the answers name (« votre fille »), read once with the rest', () => {
  it.each([
    ['ma fille a 22 ans et touche le RSA, elle peut avoir un pass iae ?', 'daughter'],
    ['mon mari est au chômage depuis 3 ans, il peut travailler dans un chantier ?', 'husband'],
    ['je cherche un chantier d insertion pour mon fils', 'son'],
    ['ma conjointe touche le RSA, elle peut travailler ?', 'partnerF'],
    ['my son is 30 and gets RSA, can he get a pass iae?', 'son'],
    ['I am asking for my partner', 'partner'],
    ['mon frère touche l AAH', undefined],
    ["je suis seule avec ma petite fille, elle peut avoir un pass ?", undefined],
  ])('« %s »: %s', (text, relation) => {
    expect(readAsker(text).relation).toBe(relation);
  });

  it.each([
    "je suis maman solo, mon fils a 4 ans, je touche le RSA, j'ai droit ?",
    'je suis inscrit depuis 2 ans',
    'conseillère Cap Emploi : monsieur 54 ans',
    undefined,
  ])('« %s »: the same answers as the single questions', (text) => {
    expect(readAsker(text)).toMatchObject({ forSomeoneElse: isAdviserPhrasing(text), relative: speaksOfRelative(text), self: speaksOfSelf(text) });
  });
});
