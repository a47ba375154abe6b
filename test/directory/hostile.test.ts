import { CsvSyntaxError, parseAspCsv, parseCsv, parseDataInclusionJson, parseEmploisJson, territoryCommuneResolver } from '../../knowledge/directory/import';
import { structureSchema } from '../../knowledge/directory/structure';

const HEADER = 'MESURE;CODE_DEPARTEMENT;LIBELLE_DPT;CODE_POSTAL;COMMUNE;CODE_NAF2;NATURE_JURIDIQUE;SIRET;DENOMINATION_SOCIALE;NUM_RUE;NOM_RUE;CODE_POST_COM;LIB_COM;TELEPHONE;MAIL_SIAE';
const row = (name: string, extra: Partial<{ siret: string; phone: string; mail: string; street: string }> = {}) =>
  ['ACI_DC', '972', 'MARTINIQUE', '97200', 'FORT DE FRANCE', '8130Z', '9220', extra.siret ?? '12345678900011', name, '', extra.street ?? '', '97200', 'FORT DE FRANCE', extra.phone ?? '', extra.mail ?? ''].join(';');
const options = { today: '2026-11-23' };
const asp = (text: string) => parseAspCsv(text, territoryCommuneResolver, options);

describe('parseCsv (RFC 4180)', () => {
  test.each([
    ['a;b\n1;2', [['a', 'b'], ['1', '2']]],
    ['a;b\r\n1;2\r\n', [['a', 'b'], ['1', '2']]],
    ['a;b\r1;2\r', [['a', 'b'], ['1', '2']]],
    ['\uFEFFa;b\n"x;y";"he said ""hi"""', [['a', 'b'], ['x;y', 'he said "hi"']]],
    ['a;b\n\n\n1;2\n', [['a', 'b'], ['1', '2']]],
    ['a;;\n;;', [['a', '', ''], ['', '', '']]],
    ['""', [['']]],
  ])('%j', (text, expected) => {
    expect(parseCsv(text).map((r) => r.fields)).toEqual(expected);
  });

  test('records start lines, even after quoted line breaks', () => {
    expect(parseCsv('a;b\n"1\n2";3\n\n4;5').map((r) => r.line)).toEqual([1, 2, 5]);
  });

  test('an unclosed quote is a syntax error naming its line', () => {
    expect(() => parseCsv('a;b\n1;"open\n2;3')).toThrow(CsvSyntaxError);
    expect(() => parseCsv('a;b\n1;"open\n2;3')).toThrow(/line 2/);
  });

  test('other delimiters', () => {
    expect(parseCsv('a,b\n1,2', { delimiter: ',' }).map((r) => r.fields)).toEqual([['a', 'b'], ['1', '2']]);
    expect(() => parseCsv('a', { delimiter: '"' })).toThrow();
  });
});

describe('hostile ASP files', () => {
  test('empty file, blank file, header only', () => {
    expect(asp('')).toEqual({ structures: [], rejected: [{ line: 1, reason: 'file: empty' }], warnings: [] });
    expect(asp('\n\n').rejected).toEqual([{ line: 1, reason: 'file: empty' }]);
    expect(asp(`${HEADER}\n`)).toEqual({ structures: [], rejected: [], warnings: [] });
  });

  test('wrong delimiter: the header says what is wrong', () => {
    const r = asp(`${HEADER.replace(/;/g, ',')}\n${row('X').replace(/;/g, ',')}`);
    expect(r.structures).toEqual([]);
    expect(r.rejected).toEqual([{ line: 1, reason: expect.stringMatching(/^header: missing column MESURE.*separated by ";", found ","/) }]);
    expect(asp(`${HEADER.replace(/;/g, '\t')}`).rejected[0]!.reason).toMatch(/found "tab"/);
  });

  test('not a SIAE file at all', () => {
    expect(asp('nom;prenom\nDupont;Jean').rejected).toEqual([{ line: 1, reason: 'header: missing column MESURE, SIRET, DENOMINATION_SOCIALE' }]);
  });

  test('an unclosed quote rejects the file with its line', () => {
    expect(asp(`${HEADER}\n${row('"OPEN')}`).rejected).toEqual([{ line: 2, reason: 'CSV: quote opened and never closed' }]);
  });

  test('a row with too many or too few fields', () => {
    const r = asp(`${HEADER}\n${row('OK')}\nACI;972\n${row('OK2', { siret: '12345678900029' })};extra`);
    expect(r.structures).toHaveLength(1);
    expect(r.rejected).toEqual([
      { line: 3, reason: 'row: 2 fields where the header has 15' },
      { line: 4, reason: 'row: 16 fields where the header has 15' },
    ]);
  });

  test('formula injection is neutralised in names and streets, with a warning', () => {
    const r = asp(`${HEADER}\n${row('=cmd|\' /C calc\'!A0', { street: '+SUM(A1)' })}\n${row('@HYPERLINK("x")', { siret: '12345678900029' })}`);
    expect(r.structures.map((s) => s.name)).toEqual(["cmd|' /C calc'!A0", 'HYPERLINK("x")']);
    expect(r.structures[0]!.address.line1).toBe('SUM(A1)');
    for (const s of r.structures) expect(s.name).not.toMatch(/^[=+\-@]/);
    expect(r.warnings.filter((w) => /formula/.test(w.message))).toHaveLength(3);
  });

  test('a name made only of formula signs is rejected', () => {
    expect(asp(`${HEADER}\n${row('==')}`).rejected).toEqual([{ line: 2, reason: 'DENOMINATION_SOCIALE: empty' }]);
  });

  test('huge fields are cut to the schema limits, huge files refused', () => {
    const r = asp(`${HEADER}\n${row('A'.repeat(100_000), { street: 'B'.repeat(50_000) })}`);
    expect(r.structures[0]!.name).toHaveLength(200);
    expect(r.structures[0]!.address.line1).toHaveLength(200);
    expect(r.warnings.map((w) => w.field)).toEqual(['DENOMINATION_SOCIALE', 'NOM_RUE']);
    expect(asp('x'.repeat(50_000_001)).rejected).toEqual([{ line: 1, reason: expect.stringMatching(/^file: larger than/) }]);
  });

  test('odd unicode: NFC, invisible and bidi characters removed, accents kept', () => {
    const decomposed = 'Ate\u0301lier\u200B \u202Eévil\u202C Schœlcher\u0000';
    const r = asp(`${HEADER}\n${row(decomposed)}`);
    expect(r.structures[0]!.name).toBe('Atélier évil Schœlcher');
    expect(r.structures[0]!.name).toBe(r.structures[0]!.name.normalize('NFC'));
  });

  test('bad contact fields are dropped, never reject the row', () => {
    const r = asp(`${HEADER}\n${row('OK', { phone: '=1+1', mail: 'javascript:alert(1)@' })}`);
    expect(r.structures).toHaveLength(1);
    expect(r.structures[0]!.phone).toBeUndefined();
    expect(r.structures[0]!.email).toBeUndefined();
    expect(r.warnings.map((w) => w.field).sort()).toEqual(['MAIL_SIAE', 'TELEPHONE']);
  });

  test('every record stays valid whatever the input', () => {
    const r = asp(`${HEADER}\n${row('\t\r\n')}\n${row('ok\u0007', { siret: '12345678900029' })}`);
    for (const s of r.structures) expect(structureSchema.safeParse(s).success).toBe(true);
  });
});

describe('hostile JSON files', () => {
  const parsers = [
    ['emplois', (json: unknown) => parseEmploisJson(json, territoryCommuneResolver, options)],
    ['data-inclusion', (json: unknown) => parseDataInclusionJson(json, territoryCommuneResolver, options)],
  ] as const;

  test.each(parsers)('%s: empty, broken, wrong shapes', (_name, parse) => {
    expect(parse('').rejected).toEqual([{ line: 1, reason: 'file: empty' }]);
    expect(parse('{"results": [').rejected).toEqual([{ line: 1, reason: 'file: not valid JSON' }]);
    expect(parse('42').rejected).toEqual([{ line: 1, reason: 'file: expected an array or an object' }]);
    expect(parse('{"foo": []}').rejected[0]!.reason).toMatch(/^file: no record list/);
    expect(parse('[]')).toEqual({ structures: [], rejected: [], warnings: [] });
    expect(parse([null, 1, 'x', []]).rejected.map((r) => r.line)).toEqual([1, 2, 3, 4]);
  });

  test('emplois: formula, huge description, prototype keys', () => {
    const record = JSON.parse(
      JSON.stringify({ id: 5, type: 'EI', raison_sociale: '=HYPERLINK("http://x")', description: 'D'.repeat(10_000), code_postal: '97200', ville: 'FORT DE FRANCE', __proto__: { polluted: true } }),
    );
    const r = parseEmploisJson([record], territoryCommuneResolver, options);
    expect(r.structures[0]!.name).toBe('HYPERLINK("http://x")');
    expect(r.structures[0]!.description).toHaveLength(2000);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  test('data-inclusion: ids with odd characters stay valid and stable', () => {
    const rec = { source: 'src', id: 'a/b c:é', nom: 'Structure', code_insee: '97209', typologie: 'ACI', date_maj: '2024-01-01' };
    const long = { ...rec, id: 'x'.repeat(500) };
    const first = parseDataInclusionJson([rec, long], territoryCommuneResolver, options);
    expect(first.structures.map((s) => s.id)).toEqual(['data-inclusion:src--a_b_c_', expect.stringMatching(/^data-inclusion:h[0-9a-f]{40}$/)]);
    expect(parseDataInclusionJson([rec, long], territoryCommuneResolver, options)).toEqual(first);
  });
});
