import { CONSENT_VERSIONS, consentVersionOn, CURRENT_CONSENT_VERSION } from '../../knowledge/requests/consent';
import { addMonths, ageOn, todayIn } from '../../knowledge/calendar';
import { exportRequest, printableSummary } from '../../knowledge/requests/export';
import {
  FOLLOW_UP_CODE_PATTERN,
  generateFollowUpCode,
  hashFollowUpCode,
  parseFollowUpCode,
  verifyAgainstNothing,
  verifyFollowUpCode,
} from '../../knowledge/requests/followUpCode';
import { passEndDate } from '../../knowledge/requests/pass';
import { generateReference, isReference, parseReference, REFERENCE_ALPHABET, REFERENCE_PATTERN } from '../../knowledge/requests/reference';
import { expiryOf, RETENTION_RULES, retentionRuleFor } from '../../knowledge/requests/retention';
import { looksLikeSocialSecurityNumber, parseDraft, type RequestRecord } from '../../knowledge/requests/schema';
import { REQUEST_STATUSES } from '../../knowledge/requests/statuses';
import { subjectKeyOf } from '../../knowledge/requests/subjectKey';
import { aDraft, adviserOfA, NOW } from './builders';

describe('references', () => {
  it('use an alphabet without look-alikes', () => {
    expect(REFERENCE_ALPHABET).toHaveLength(32);
    expect(new Set(REFERENCE_ALPHABET).size).toBe(32);
    for (const c of '01OI') expect(REFERENCE_ALPHABET).not.toContain(c);
  });

  it('look like GI- and 6 characters, drawn evenly from the alphabet', () => {
    const seen = new Set<string>();
    for (let i = 0; i < 2000; i++) {
      const ref = generateReference();
      expect(ref).toMatch(REFERENCE_PATTERN);
      for (const c of ref.slice(3)) seen.add(c);
    }
    expect(seen.size).toBe(32);
    expect(generateReference(() => Buffer.from([0, 31, 32, 255, 1, 30]))).toBe('GI-2Z2Z3Y');
  });

  test.each([
    ['GI-ABC234', 'GI-ABC234'],
    ['gi-abc234', 'GI-ABC234'],
    [' GI ABC 234 ', 'GI-ABC234'],
    ['abc234', 'GI-ABC234'],
    ['GI.ABC.234', 'GI-ABC234'],
    ['GI-ABC230', undefined],
    ['GI-ABCI34', undefined],
    ['GI-ABC2345', undefined],
    ['', undefined],
  ])('reads %j as %j', (typed, expected) => {
    expect(parseReference(typed)).toBe(expected);
    if (expected) expect(isReference(expected)).toBe(true);
  });
});

describe('follow-up codes', () => {
  it('are 6 digits', () => {
    for (let i = 0; i < 200; i++) expect(generateFollowUpCode()).toMatch(FOLLOW_UP_CODE_PATTERN);
    expect(parseFollowUpCode(' 123 456 ')).toBe('123456');
    expect(parseFollowUpCode('12345')).toBeUndefined();
  });

  it('are stored only as a salted scrypt hash, different for the same code', async () => {
    const a = await hashFollowUpCode('123456');
    const b = await hashFollowUpCode('123456');
    expect(a.algorithm).toBe('scrypt');
    expect(a.salt).not.toBe(b.salt);
    expect(a.hash).not.toBe(b.hash);
    expect(JSON.stringify(a)).not.toContain('123456');
    expect(await verifyFollowUpCode('123456', a)).toBe(true);
    expect(await verifyFollowUpCode('123456', b)).toBe(true);
    expect(await verifyFollowUpCode('123457', a)).toBe(false);
    expect(await verifyFollowUpCode('', a)).toBe(false);
    expect(await verifyFollowUpCode('123456', { ...a, hash: Buffer.from('short').toString('base64') })).toBe(false);
    expect(await verifyAgainstNothing('123456')).toBe(false);
  });

  it('cost about the same to check for a known and an unknown reference', async () => {
    const stored = await hashFollowUpCode('123456');
    const time = async (work: () => Promise<unknown>) => {
      const start = process.hrtime.bigint();
      for (let i = 0; i < 5; i++) await work();
      return Number(process.hrtime.bigint() - start);
    };
    const known = await time(() => verifyFollowUpCode('654321', stored));
    const unknown = await time(() => verifyAgainstNothing('654321'));
    expect(unknown / known).toBeGreaterThan(0.33);
    expect(unknown / known).toBeLessThan(3);
  });
});

describe('dates and PASS IAE', () => {
  test.each([
    ['2026-12-07', '2028-12-06'],
    ['2026-01-01', '2027-12-31'],
    ['2026-01-31', '2028-01-30'],
    ['2024-02-29', '2026-02-27'],
    ['2026-03-01', '2028-02-29'],
  ])('a PASS starting %s ends %s (24 months − 1 day)', (start, end) => {
    expect(passEndDate(start)).toBe(end);
  });

  it('adds months clamped to the month end, counts ages from the birthday, and reads today in Paris', () => {
    expect(addMonths('2026-01-31', 1)).toBe('2026-02-28');
    expect(addMonths('2026-05-15', -6)).toBe('2025-11-15');
    expect(ageOn('2000-11-16', '2026-11-15')).toBe(25);
    expect(ageOn('2000-11-16', '2026-11-16')).toBe(26);
    expect(todayIn(new Date('2026-11-15T23:30:00Z'))).toBe('2026-11-16');
    expect(() => addMonths('2026-02-30', 1)).toThrow(RangeError);
  });
});

describe('retention', () => {
  it('has one rule for every status, and one for drafts', () => {
    for (const status of REQUEST_STATUSES) expect(retentionRuleFor(status)).toBeDefined();
    expect(retentionRuleFor('draft')).toMatchObject({ days: 30 });
    expect(RETENTION_RULES.flatMap((r) => r.appliesTo).sort()).toEqual([...REQUEST_STATUSES, 'draft'].sort());
  });

  test.each([
    ['closed 24 months after closing', { status: 'closed', updatedAt: new Date('2026-05-10T12:00:00Z'), closedAt: new Date('2026-05-10T12:00:00Z') }, '2028-05-10T12:00:00.000Z'],
    ['not eligible 24 months after the decision', { status: 'not_eligible', updatedAt: new Date('2026-05-10T12:00:00Z'), closedAt: new Date('2026-03-31T08:00:00Z') }, '2028-03-31T08:00:00.000Z'],
    ['PASS 24 months after its end day', { status: 'pass_issued', updatedAt: NOW, pass: { endDate: '2028-12-06' } }, '2030-12-07T00:00:00.000Z'],
    ['an idle open request after 24 months', { status: 'received', updatedAt: new Date('2024-02-29T10:00:00Z') }, '2026-02-28T10:00:00.000Z'],
  ] as const)('keeps %s', (_name, facts, expected) => {
    expect(expiryOf(facts).toISOString()).toBe(expected);
  });
});

describe('drafts', () => {
  it('accept the minimal data and normalise contact details', () => {
    const draft = parseDraft(aDraft({ person: { ...aDraft().person, contact: { kind: 'email', value: ' Marie@Example.ORG ' } } }), '2026-11-16');
    expect(draft.person.contact).toEqual({ kind: 'email', value: 'marie@example.org' });
    expect(draft.submittedBy).toBe('person');
    expect(draft.consent.givenAt).toEqual(new Date('2026-11-16T09:29:00.000Z'));
  });

  test.each([
    ['an unknown field', { ...aDraft(), nir: '1' }, ''],
    ['an unknown consent version', aDraft({ consent: { version: 'request-v0' as never, givenAt: NOW } }), 'consent.version'],
    ['a bad phone', aDraft({ person: { ...aDraft().person, contact: { kind: 'phone', value: '12' } } }), 'person.contact.value'],
    ['a bad commune', aDraft({ person: { ...aDraft().person, communeInsee: '9720' } }), 'person.communeInsee'],
    ['an unknown criterion', aDraft({ criteria: ['RSA', 'XYZ' as never] }), 'criteria.1'],
    ['JEUNE with SENIOR', aDraft({ criteria: ['JEUNE', 'SENIOR'] }), 'criteria'],
    ['a criterion twice', aDraft({ criteria: ['RSA', 'RSA'] }), 'criteria'],
    ['someone under 16', aDraft({ person: { ...aDraft().person, birthDate: '2011-01-01' } }), 'person.birthDate'],
    ['a social security number in the note', aDraft({ note: 'NIR: 190059720912345' }), 'note'],
    ['an unknown routing kind', aDraft({ routing: { ruleId: 'default', kind: 'XYZ' as never } }), 'routing.kind'],
  ])('refuse %s', (_name, input, field) => {
    expect(() => parseDraft(input, '2026-11-16')).toThrow(expect.objectContaining({ field }));
  });

  it('recognise social security numbers in free text, not ordinary numbers', () => {
    expect(looksLikeSocialSecurityNumber('2 84 05 97 209 123 45')).toBe(true);
    expect(looksLikeSocialSecurityNumber('1900597209123')).toBe(true);
    expect(looksLikeSocialSecurityNumber('appelez le 0696 12 34 56')).toBe(false);
    expect(looksLikeSocialSecurityNumber('disponible à partir du 12/01')).toBe(false);
  });
});

describe('consent and subject keys', () => {
  it('name the consent version in force', () => {
    expect(CONSENT_VERSIONS.map((v) => v.id)).toContain(CURRENT_CONSENT_VERSION);
    expect(consentVersionOn('2026-11-16')?.id).toBe('request-v1');
    expect(consentVersionOn('2020-01-01')).toBeUndefined();
  });

  it('derive a stable pseudonymous key that does not contain the id', () => {
    const key = subjectKeyOf('webchat', 'user-42', 'a-secret-of-sixteen+');
    expect(key).toBe(subjectKeyOf('webchat', 'user-42', 'a-secret-of-sixteen+'));
    expect(key).not.toBe(subjectKeyOf('msteams', 'user-42', 'a-secret-of-sixteen+'));
    expect(key).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(key).not.toContain('user-42');
    expect(() => subjectKeyOf('webchat', 'user-42', 'short')).toThrow(/secret/);
  });
});

describe('exports', () => {
  const record: RequestRecord = {
    id: '00000000-0000-4000-8000-000000000000',
    reference: 'GI-ABC234',
    status: 'pass_issued',
    version: 5,
    organisationId: 'demo:972-ft-01',
    subjectKey: 'subject_test_0123456789',
    submittedBy: 'person',
    createdAt: NOW,
    updatedAt: NOW,
    expiresAt: NOW,
    consent: { version: 'request-v1', givenAt: NOW },
    person: { firstName: 'Marie', lastName: 'Durand', birthDate: '1990-05-12', contact: { kind: 'email', value: 'marie@example.org' }, communeInsee: '97209' },
    criteria: ['QPV', 'RSA'],
    structureId: 'demo:972-aci-01',
    routing: { ruleId: 'default', kind: 'FT' },
    pass: { number: 'XXXXX2612345', startDate: '2026-12-07', endDate: '2028-12-06' },
    history: [
      { at: NOW, actor: { kind: 'person' }, action: 'submitted', to: 'received' },
      { at: NOW, actor: adviserOfA, action: 'status', from: 'received', to: 'closed', reason: 'withdrawn' },
      { at: NOW, actor: adviserOfA, action: 'export', format: 'json' },
    ],
  };

  it('give the national platform a JSON document with its criterion keys, without internal fields', () => {
    const json = exportRequest(record);
    expect(json).toMatchObject({
      format: 'guichet-iae.request/1',
      reference: 'GI-ABC234',
      person: { email: 'marie@example.org', communeInsee: '97209' },
      criteria: ['RSA', 'QPV'],
      wantedStructureId: 'demo:972-aci-01',
      pass: record.pass,
    });
    expect(JSON.parse(JSON.stringify(json))).toEqual(json);
    expect(JSON.stringify(json)).not.toMatch(/subjectKey|subject_test|followUp/);
    expect(json.history[1]).toEqual({ at: NOW.toISOString(), action: 'status', actor: `adviser:${adviserOfA.adviserId}`, from: 'received', to: 'closed', reason: 'withdrawn' });
  });

  it('print a plain-text summary', () => {
    const text = printableSummary(record);
    expect(text).toContain('Référence: GI-ABC234');
    expect(text).toContain('Nom, prénom: DURAND, Marie');
    expect(text).toContain('Embauche en SIAE (PASS IAE): XXXXX2612345 (2026-12-07 → 2028-12-06)');
    expect(text).toContain('Statut: embauche en SIAE (PASS IAE) (pass_issued)');
    expect(text).toContain('Type de demande: diagnostic et orientation par un prescripteur');
    expect(text).toContain('Critères déclarés: RSA, QPV');
    expect(text.split('\n').filter((l) => l.startsWith('- '))).toHaveLength(3);
  });
});
