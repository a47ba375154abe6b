import { foldText } from '../../knowledge/text/fold';

/** foldText's definition (its slow path): folding Latin text character by character must give the same. */
function reference(text: string): string {
  return text
    .toLowerCase()
    .replace(/œ/g, 'oe')
    .replace(/æ/g, 'ae')
    .normalize('NFD')
    .replace(/\p{M}+/gu, '')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

test('examples', () => {
  expect(foldText('  Français ! ')).toBe('francais');
  expect(foldText('Schœlcher')).toBe('schoelcher');
  expect(foldText("je touche le RSA depuis 2 ans, suis-je éligible ?")).toBe('je touche le rsa depuis 2 ans suis je eligible');
  expect(foldText('Ǆ İstanbul ½')).toBe('ǆ istanbul ½');
  expect(foldText('')).toBe('');
  expect(foldText(' , ; ')).toBe('');
});

test('every character below U+0250 alone, between letters and between separators, folds as the definition', () => {
  for (let c = 0; c < 0x250; c++) {
    const ch = String.fromCharCode(c);
    for (const text of [ch, `a${ch}b`, ` ${ch} `, `${ch}${ch}`, `É${ch}-`]) expect(foldText(text)).toBe(reference(text));
  }
});

test('random texts of Latin, combining marks, Greek, emoji and separators fold as the definition', () => {
  const alphabet = [...'aeiouyAEIOUYéÉèàçÇœŒæÆ ,;.!?\'’-_()\n\t0123456789ÿŸİıǄǅßẞ½²ªº', '\u0301', '\u0327', 'Σ', 'σ', '😀', '\u00a0', '\u2019', 'ﬁ', 'Å'];
  let seed = 42;
  const next = () => (seed = (seed * 1103515245 + 12345) % 2147483648);
  for (let n = 0; n < 5000; n++) {
    let text = '';
    const length = next() % 25;
    for (let i = 0; i < length; i++) text += alphabet[next() % alphabet.length];
    expect(foldText(text)).toBe(reference(text));
  }
});
