import { deepCopy } from '../../knowledge/requests/copy';
import { InvalidRequestError } from '../../knowledge/requests/errors';
import type { RequestRecord } from '../../knowledge/requests/schema';
import { canTransition, FINAL_STATUSES, InvalidTransitionError, REQUEST_STATUSES, TRANSITIONS, type RequestStatus } from '../../knowledge/requests/statuses';
import { applyTransition, withExportRecorded } from '../../knowledge/requests/workflow';
import { adviserOfA, NOW, ORG_A } from './builders';

const PASS = { number: 'XXXXX2612345', startDate: '2026-12-07' };

function aRecord(status: RequestStatus): RequestRecord {
  return {
    id: '00000000-0000-4000-8000-000000000000',
    reference: 'GI-ABC234',
    status,
    version: 3,
    organisationId: ORG_A,
    subjectKey: 'subject_test_0123456789',
    submittedBy: 'person',
    createdAt: NOW,
    updatedAt: NOW,
    expiresAt: NOW,
    consent: { version: 'request-v1', givenAt: NOW },
    person: { firstName: 'A', lastName: 'B', birthDate: '1990-01-01', contact: { kind: 'phone', value: '0696000000' }, communeInsee: '97209' },
    criteria: ['RSA'],
    routing: { ruleId: 'default', kind: 'FT' },
    history: [],
  };
}

/** The table, read as a list of allowed moves: what the workflow mirrors from the real process. */
const ALLOWED: Array<[RequestStatus, RequestStatus]> = [
  ['received', 'diagnosis_in_progress'],
  ['received', 'closed'],
  ['diagnosis_in_progress', 'eligibility_confirmed'],
  ['diagnosis_in_progress', 'not_eligible'],
  ['diagnosis_in_progress', 'closed'],
  ['eligibility_confirmed', 'pass_issued'],
  ['eligibility_confirmed', 'closed'],
];
const isAllowed = (from: RequestStatus, to: RequestStatus) => ALLOWED.some(([f, t]) => f === from && t === to);
const ALL_PAIRS = REQUEST_STATUSES.flatMap((from) => REQUEST_STATUSES.map((to) => [from, to] as [RequestStatus, RequestStatus]));

describe('request workflow (transition table)', () => {
  it('is exactly the documented list of moves', () => {
    const fromTable = REQUEST_STATUSES.flatMap((from) => TRANSITIONS[from].map((to) => [from, to]));
    expect(fromTable).toEqual(ALLOWED);
    expect(FINAL_STATUSES).toEqual(['not_eligible', 'pass_issued', 'closed']);
  });

  const details = (to: RequestStatus) => ({ expectedVersion: 3, ...(to === 'pass_issued' ? { pass: PASS } : {}) });

  test.each(ALL_PAIRS.filter(([f, t]) => isAllowed(f, t)))('allows %s → %s, recording who and when', (from, to) => {
    expect(canTransition(from, to)).toBe(true);
    const later = new Date('2026-12-01T08:00:00.000Z');
    const before = aRecord(from);
    const after = applyTransition(before, to, adviserOfA, details(to), later);
    expect(after).toMatchObject({ status: to, version: 4, updatedAt: later });
    expect(after.history.at(-1)).toMatchObject({ at: later, actor: adviserOfA, action: 'status', from, to });
    expect(before.status).toBe(from);
    expect(before.history).toEqual([]);
    if (to === 'closed' || to === 'not_eligible') expect(after.closedAt).toEqual(later);
    else expect(after.closedAt).toBeUndefined();
  });

  test.each(ALL_PAIRS.filter(([f, t]) => !isAllowed(f, t)))('refuses %s → %s with InvalidTransitionError', (from, to) => {
    expect(canTransition(from, to)).toBe(false);
    const error = (() => {
      try {
        applyTransition(aRecord(from), to, adviserOfA, details(to), NOW);
      } catch (e) {
        return e;
      }
    })();
    expect(error).toBeInstanceOf(InvalidTransitionError);
    expect(error).toMatchObject({ from, to, code: 'INVALID_TRANSITION' });
    expect((error as Error).message).toContain(`${from} → ${to}`);
  });

  it('needs the PASS details with pass_issued, and only there; a reason only when closing', () => {
    expect(() => applyTransition(aRecord('eligibility_confirmed'), 'pass_issued', adviserOfA, { expectedVersion: 3 }, NOW)).toThrow(InvalidRequestError);
    expect(() => applyTransition(aRecord('received'), 'diagnosis_in_progress', adviserOfA, { expectedVersion: 3, pass: PASS }, NOW)).toThrow(/pass/);
    expect(() => applyTransition(aRecord('diagnosis_in_progress'), 'not_eligible', adviserOfA, { expectedVersion: 3, reason: 'withdrawn' }, NOW)).toThrow(/reason/);
    expect(() => applyTransition(aRecord('received'), 'closed', adviserOfA, { expectedVersion: 3, pass: { number: 'short', startDate: '2026-12-07' } }, NOW)).toThrow(/pass.number/);
    const closed = applyTransition(aRecord('received'), 'closed', adviserOfA, { expectedVersion: 3, reason: 'unreachable', note: 'Trois appels sans réponse' }, NOW);
    expect(closed.history.at(-1)).toMatchObject({ reason: 'unreachable', note: 'Trois appels sans réponse' });
    expect(() => applyTransition(aRecord('received'), 'closed', adviserOfA, { expectedVersion: 3, note: 'NIR 2 84 05 97 209 123 45' }, NOW)).toThrow(/note/);
  });

  it('issues a PASS IAE for 24 months, end day included', () => {
    const issued = applyTransition(aRecord('eligibility_confirmed'), 'pass_issued', adviserOfA, { expectedVersion: 3, pass: PASS }, NOW);
    expect(issued.pass).toEqual({ number: 'XXXXX2612345', startDate: '2026-12-07', endDate: '2028-12-06' });
    expect(issued.history.at(-1)).toMatchObject({ pass: issued.pass });
  });

  it('records an export as a new version without changing the status', () => {
    const exported = withExportRecorded(aRecord('received'), adviserOfA, 'text', NOW);
    expect(exported).toMatchObject({ status: 'received', version: 4 });
    expect(exported.history).toEqual([{ at: NOW, actor: adviserOfA, action: 'export', format: 'text' }]);
  });

  it('copies deeply, dates included, and drops undefined fields', () => {
    const source = { a: NOW, b: [{ c: 1, d: undefined }], e: undefined };
    const copy = deepCopy(source);
    expect(copy).toEqual({ a: NOW, b: [{ c: 1 }] });
    expect('e' in copy).toBe(false);
    expect(copy.a).not.toBe(source.a);
  });
});
