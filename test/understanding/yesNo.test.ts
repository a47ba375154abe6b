import { recognizeYesNo } from '../../knowledge/understanding/yesNo';

describe('recognizeYesNo', () => {
  it.each([
    ['oui', 'yes'], ['Oui !', 'yes'], ['OUI', 'yes'], ['ouais', 'yes'], ['oui je touche le RSA', 'yes'], ['bien sûr', 'yes'],
    ["d'accord", 'yes'], ['yes', 'yes'], ['Yeah', 'yes'], ['si', 'yes'], ['tout à fait', 'yes'],
    ['non', 'no'], ['Non.', 'no'], ['nan', 'no'], ['non merci', 'no'], ['pas du tout', 'no'], ['no', 'no'], ['never', 'no'],
    ['je ne sais pas', 'unknown'], ['Je sais pas', 'unknown'], ['jsp', 'unknown'], ['chais pas', 'unknown'],
    ['aucune idée', 'unknown'], ['pas sûr', 'unknown'], ["I don't know", 'unknown'], ['idk', 'unknown'], ['?', 'unknown'],
    ['peut-être', 'unknown'],
    ["c'est bon", 'yes'], ['c bon', 'yes'], ['tout est juste', 'yes'], ["c'est correct", 'yes'], ["that's right", 'yes'], ['all good', 'yes'],
  ])('%s → %s', (text, expected) => {
    expect(recognizeYesNo(text)).toBe(expected);
  });

  it.each(['', '   ', 'le lamentin', 'nonante', 'ouistiti', 'sinon', 'combien ?', 'noix'])('%j is not an answer', (text) => {
    expect(recognizeYesNo(text)).toBeUndefined();
  });
});
