import { registerEligibilityRoutes } from '../../bot/api/eligibilityRoutes';
import { postJson, startApp, type RunningApp } from '../support/appServer';

const TODAY = '2026-03-15';
let running: RunningApp;
let url: string;

beforeAll(async () => {
  running = await startApp({ apiRoutes: [(server) => registerEligibilityRoutes(server, { today: () => TODAY })] });
  url = `${running.baseUrl}/api/v1/eligibility`;
});
afterAll(async () => {
  await running.close();
});

async function expectProblem(response: Response, code: string, field?: string) {
  expect(response.status).toBe(400);
  const body = (await response.json()) as { error: { code: string; message: string; field?: string } };
  expect(body.error.code).toBe(code);
  expect(typeof body.error.message).toBe('string');
  expect(body.error.message.length).toBeGreaterThan(0);
  if (field !== undefined) expect(body.error.field).toBe(field);
}

describe('POST /api/v1/eligibility', () => {
  it('answers for every SIAE kind, in French by default', async () => {
    const response = await postJson(url, { criteria: ['QPV', 'TH'] });
    expect(response.status).toBe(200);
    const body = await response.json();
    expect(body).toMatchObject({ rulesVersion: '2025-01-06', asOf: TODAY, counted: ['TH', 'QPV'], derived: [], ignored: [] });
    expect(body.results.map((r: { kind: string; eligible: boolean; missing: number }) => [r.kind, r.eligible, r.missing])).toEqual([
      ['EI', false, 1],
      ['AI', true, 0],
      ['ACI', false, 1],
      ['ETTI', true, 0],
      ['EITI', false, 1],
    ]);
    expect(body.results[1].explanation).toMatch(/^Association intermédiaire \(AI\) : oui/);
    expect(body.prescriber).toMatchObject({ canConfirmAllKinds: true, diagnosisMonths: 6 });
    expect(body.prescriber.explanation).toMatch(/prescripteur habilité/);
    expect(body.proofs).toEqual([
      expect.objectContaining({ criterion: 'TH', maxAge: 'valid_at_hiring', text: 'La décision de reconnaissance (RQTH ou équivalent).' }),
      expect.objectContaining({ criterion: 'QPV', maxAge: { months: 6 }, text: 'Un justificatif de domicile.' }),
    ]);
    expect(body.durations).toEqual({ passIaeMonths: 24, prescriberDiagnosisMonths: 6, siaeDiagnosisDays: 92 });
  });

  it('explains in English with Accept-Language', async () => {
    const response = await postJson(url, { criteria: ['QPV'], kind: 'EI' }, { 'Accept-Language': 'en-GB,en;q=0.9,fr;q=0.5' });
    const body = await response.json();
    expect(body.results).toEqual([
      expect.objectContaining({ kind: 'EI', eligible: false, missing: 2, explanation: 'Integration enterprise (EI): not yet. 2 criteria are missing. It needs 3.' }),
    ]);
    expect(body.prescriber.explanation).toMatch(/^In any case, an authorised prescriber/);
  });

  it('explains in English with ?lang=en, which wins over the header', async () => {
    const response = await postJson(`${url}?lang=en`, { criteria: ['RSA'] }, { 'Accept-Language': 'fr-FR' });
    const body = await response.json();
    expect(body.results[0].explanation).toBe('Integration enterprise (EI): yes, this structure can hire you. You have: Receives RSA. One of these is enough.');
  });

  it('filters on one kind', async () => {
    const body = await (await postJson(url, { criteria: ['PI', 'ASE'], kind: 'ETTI' })).json();
    expect(body.results).toHaveLength(1);
    expect(body.results[0]).toMatchObject({ kind: 'ETTI', eligible: true, level1: [], level2: ['PI', 'ASE'] });
  });

  it('derives JEUNE from the birth date', async () => {
    const body = await (await postJson(url, { criteria: ['QPV'], birthDate: '2004-06-01', kind: 'AI' })).json();
    expect(body).toMatchObject({ counted: ['JEUNE', 'QPV'], derived: ['JEUNE'], results: [{ kind: 'AI', eligible: true }] });
  });

  it('ignores FLE before 2021-09-03 and says why', async () => {
    const body = await (await postJson(`${url}?lang=en`, { criteria: ['FLE', 'QPV'], asOf: '2021-09-02', kind: 'ETTI' })).json();
    expect(body.rulesVersion).toBe('2020-12-16');
    expect(body.counted).toEqual(['QPV']);
    expect(body.ignored).toEqual([{ key: 'FLE', reason: 'not_yet_in_force', text: 'Speaks very little French (below A1): this criterion did not count yet on that date.' }]);
    expect(body.results[0]).toMatchObject({ eligible: false, missing: 1 });
  });

  it('counts FLE from 2021-09-03', async () => {
    const body = await (await postJson(url, { criteria: ['FLE', 'QPV'], asOf: '2021-09-03', kind: 'AI' })).json();
    expect(body).toMatchObject({ rulesVersion: '2021-09-03', ignored: [], results: [{ kind: 'AI', eligible: true }] });
  });

  describe('bad input is a 400 naming the field, never a 500', () => {
    it('a body that is not JSON', async () => {
      const response = await postJson(url, '{"criteria": [');
      expect(response.status).toBe(400);
      const body = await response.json();
      expect(typeof body.error.code).toBe('string');
      expect(typeof body.error.message).toBe('string');
    });

    it('a plain-text body is a 415: the API reads JSON only', async () => {
      const response = await fetch(url, { method: 'POST', headers: { 'Content-Type': 'text/plain' }, body: 'RSA' });
      expect(response.status).toBe(415);
      const body = (await response.json()) as { error: { code: string; message: string; field?: string } };
      expect(body.error).toMatchObject({ code: 'unsupported_media_type', field: 'body' });
      expect(body.error.message).toMatch(/JSON/);
    });

    it('no body at all', async () => {
      await expectProblem(await fetch(url, { method: 'POST' }), 'invalid_body', 'body');
    });

    it.each([
      ['an array body', [{ criteria: ['RSA'] }], 'invalid_body', 'body'],
      ['a JSON string body', '"RSA"', 'invalid_body', 'body'],
      ['no criteria', {}, 'missing_field', 'criteria'],
      ['criteria not a list', { criteria: 'RSA' }, 'invalid_type', 'criteria'],
      ['a number among criteria', { criteria: [1] }, 'invalid_type', 'criteria.0'],
      ['a numeric asOf', { criteria: [], asOf: 20250101 }, 'invalid_type', 'asOf'],
      ['an extra field', { criteria: ['RSA'], name: 'Jean' }, 'unknown_field', 'name'],
      ['an unknown criterion', { criteria: ['RSA', 'RICH'] }, 'unknown_criterion', 'criteria.1'],
      ['a duplicated criterion', { criteria: ['QPV', 'QPV'] }, 'duplicate_criterion', 'criteria.1'],
      ['JEUNE and SENIOR', { criteria: ['JEUNE', 'SENIOR'] }, 'contradictory_criteria', 'criteria'],
      ['DELD and DETLD', { criteria: ['DELD', 'DETLD'] }, 'contradictory_criteria', 'criteria'],
      ['SENIOR with a young birth date', { criteria: ['SENIOR'], birthDate: '2000-01-01' }, 'birth_date_contradicts_criteria', 'birthDate'],
      ['an impossible date', { criteria: [], birthDate: '2023-02-30' }, 'invalid_date', 'birthDate'],
      ['an impossible asOf', { criteria: [], asOf: '2024-02-30' }, 'invalid_date', 'asOf'],
      ['a person aged 15', { criteria: [], birthDate: '2011-01-01' }, 'age_out_of_range', 'birthDate'],
      ['a person aged 100', { criteria: [], birthDate: '1926-03-15' }, 'age_out_of_range', 'birthDate'],
      ['asOf before the supported range', { criteria: ['RSA'], asOf: '2019-06-01' }, 'as_of_out_of_range', 'asOf'],
      ['asOf too far ahead', { criteria: ['RSA'], asOf: '2030-01-01' }, 'as_of_out_of_range', 'asOf'],
      ['an unknown kind', { criteria: [], kind: 'XYZ' }, 'unknown_kind', 'kind'],
      ['GEIQ as kind', { criteria: [], kind: 'GEIQ' }, 'kind_not_siae', 'kind'],
    ])('%s', async (_name, body, code, field) => {
      await expectProblem(await postJson(url, body), code, field);
    });
  });
});

describe('GET /api/v1/criteria', () => {
  it('lists the catalogue in French, in force today', async () => {
    const response = await fetch(`${running.baseUrl}/api/v1/criteria`);
    expect(response.status).toBe(200);
    const body = await response.json();
    expect(body.asOf).toBe(TODAY);
    expect(body.criteria).toHaveLength(18);
    expect(body.criteria[0]).toMatchObject({
      key: 'RSA',
      level: 1,
      label: 'Bénéficiaire du RSA',
      question: 'Touchez-vous le RSA ?',
      proof: 'Une attestation RSA de la CAF ou de la MSA.',
      proofAge: { months: 3 },
      validFrom: '2020-12-16',
      inForce: true,
    });
    expect(body.criteria[0].source.reference).toMatch(/arrêté du 1er septembre 2021/);
    expect(body.criteria.every((c: { inForce: boolean }) => c.inForce)).toBe(true);
  });

  it('marks the 2021 criteria not in force before 2021-09-03, in English', async () => {
    const body = await (await fetch(`${running.baseUrl}/api/v1/criteria?asOf=2021-09-02&lang=en`)).json();
    const off = body.criteria.filter((c: { inForce: boolean }) => !c.inForce).map((c: { key: string }) => c.key);
    expect(off).toEqual(['DETENTION_MJ', 'FLE', 'PM']);
    expect(body).toMatchObject({ rulesVersion: '2020-12-16', thresholds: { AI: { level1: 1, level2: 3 } }, notCovered: { kinds: ['GEIQ', 'EA', 'EATT'] } });
    expect(body.criteria.find((c: { key: string }) => c.key === 'PM')).toMatchObject({ label: 'Difficulty getting around', validFrom: '2021-09-03' });
  });

  it.each([
    ['?asOf=2021-02-30', 'invalid_date', 'asOf'],
    ['?asOf=2019-01-01', 'as_of_out_of_range', 'asOf'],
    ['?asOf=yesterday', 'invalid_date', 'asOf'],
    ['?when=today', 'unknown_field', 'when'],
    ['?asOf=2025-01-01&asOf=2025-01-02', 'invalid_type', 'asOf'],
  ])('%s is a 400', async (query, code, field) => {
    await expectProblem(await fetch(`${running.baseUrl}/api/v1/criteria${query}`), code, field);
  });
});

describe('registered as startApp expects a route group', () => {
  it('works with the real clock too', async () => {
    const app = await startApp({ apiRoutes: [registerEligibilityRoutes] });
    try {
      const response = await postJson(`${app.baseUrl}/api/v1/eligibility`, { criteria: ['RSA'] });
      expect(response.status).toBe(200);
      const body = await response.json();
      expect(body.results.every((r: { eligible: boolean }) => r.eligible)).toBe(true);
    } finally {
      await app.close();
    }
  });
});
