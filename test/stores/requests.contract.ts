import { REFERENCE_PATTERN } from '../../knowledge/requests/reference';
import type { RequestRecord } from '../../knowledge/requests/schema';
import { InvalidTransitionError } from '../../knowledge/requests/statuses';
import { InvalidRequestError } from '../../knowledge/requests/errors';
import type { AdviserRegistry } from '../../stores/requests/adviserRegistry';
import { FollowUpLockedError, IdempotencyConflictError, RequestNotFoundError, StaleVersionError } from '../../stores/requests/errors';
import { FOLLOW_UP_GUARD } from '../../stores/requests/followUpGuard';
import type { RequestRepository } from '../../stores/requests/requestRepository';
import { aDraft, aDraftFor, adviserOfA, aSubjectKey, NOW, ORG_A, ORG_B } from '../requests/builders';

export interface RequestFixture {
  requests: RequestRepository;
  advisers: AdviserRegistry;
  /** Moves the repository's clock. */
  setNow(date: Date): void;
  /** Another repository on the same documents (another conversation, process or instance). */
  sameStore(options?: { onFollowUpLocked?: (event: { failures: number; lockedForSeconds: number }) => void }): RequestRepository;
}

/**
 * The budget of the tests that submit many requests at once. Every submission stores a salted scrypt
 * hash of its follow-up code (N = 2^14, 16 MiB: tens of milliseconds by design, so that codes cannot
 * be guessed offline), and Node computes at most four at a time (libuv's thread pool). 200
 * submissions are 200 hashes, 50 of one key are 50 hashes and up to 49 checks: on this project's
 * two-core machine at a load average of 15-18 they took 29-30 s and 13-15 s (the 30 s default
 * failed them). The work cannot shrink without weakening the hash or the concurrency the tests are
 * about, so they get a budget of their own. Nothing here asserts a duration.
 */
const HASHING_TESTS_TIMEOUT_MS = 120_000;

let keyCounter = 0;
const aKey = () => `idem-${Date.now().toString(36)}-${++keyCounter}`;

/**
 * The request store contract: every adapter runs it. `fresh()` returns empty stores for each test.
 */
export function requestsContract(fresh: () => Promise<RequestFixture>): void {
  let f: RequestFixture;
  beforeEach(async () => {
    f = await fresh();
    f.setNow(NOW);
  });

  describe('submit and read back', () => {
    it('stores a request with a reference and a follow-up code, and gives it back unchanged', async () => {
      const { request, created, followUpCode } = await f.requests.submit(aDraft(), aKey());
      expect(created).toBe(true);
      expect(request.reference).toMatch(REFERENCE_PATTERN);
      expect(followUpCode).toMatch(/^\d{6}$/);
      expect(request).toMatchObject({
        status: 'received',
        version: 1,
        organisationId: ORG_A,
        consent: { version: 'request-v1', givenAt: new Date('2026-11-16T09:29:00.000Z') },
        person: { firstName: 'Marie-Josée', lastName: "N'Guyen", contact: { kind: 'phone', value: '0696123456' } },
        criteria: ['RSA', 'QPV'],
        submittedBy: 'person',
        createdAt: NOW,
      });
      expect(request.history).toEqual([{ at: NOW, actor: { kind: 'person' }, action: 'submitted', to: 'received' }]);
      expect(request.expiresAt).toEqual(new Date('2028-11-16T09:30:00.000Z'));
      const read = await f.requests.get(request.id, ORG_A);
      expect(read).toEqual(request);
      expect(JSON.stringify(read)).not.toMatch(/followUp|idempotency|salt|hash/i);
      expect(await f.requests.findByReference(request.reference.toLowerCase().replace('-', ' '), ORG_A)).toEqual(request);
    });

    it('gives copies: changing what was returned changes nothing stored', async () => {
      const { request } = await f.requests.submit(aDraft(), aKey());
      request.person.firstName = 'Changed';
      request.history.push({ at: NOW, actor: { kind: 'system' }, action: 'export', format: 'json' });
      const read = (await f.requests.get(request.id, ORG_A))!;
      expect(read.person.firstName).toBe('Marie-Josée');
      expect(read.history).toHaveLength(1);
    });

    it('refuses an invalid draft naming the field, never the value', async () => {
      const bad = aDraft({ person: { ...aDraft().person, contact: { kind: 'email', value: 'not-an-email-secret' } } });
      const error = await f.requests.submit(bad, aKey()).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(InvalidRequestError);
      expect((error as InvalidRequestError).field).toBe('person.contact.value');
      expect((error as Error).message).not.toContain('secret');
      await expect(f.requests.submit(aDraft({ note: 'mon numéro 1 90 05 97 209 123 45' }), aKey())).rejects.toThrow(/note/);
      await expect(f.requests.submit(aDraft(), 'short')).rejects.toThrow(/idempotencyKey/);
      await expect(f.requests.submit({ ...aDraft(), nir: '190059720912345' } as never, aKey())).rejects.toThrow(InvalidRequestError);
      expect(await f.requests.listBySubject(aSubjectKey('marie'))).toEqual([]);
    });
  });

  describe('idempotency', () => {
    it('returns the same request for the same key, and the code only when the caller holds it', async () => {
      const key = aKey();
      const first = await f.requests.submit(aDraft(), key, { followUpCode: '123456' });
      const again = await f.requests.submit(aDraft(), key, { followUpCode: '123456' });
      expect(again.created).toBe(false);
      expect(again.request).toEqual(first.request);
      expect(again.followUpCode).toBe('123456');
      const blind = await f.requests.submit(aDraft(), key);
      expect(blind.created).toBe(false);
      expect(blind.followUpCode).toBeUndefined();
      expect(await f.requests.listBySubject(aSubjectKey('marie'))).toHaveLength(1);
    });

    it('creates exactly one request from 50 concurrent submissions of the same key', async () => {
      const key = aKey();
      const results = await Promise.all(Array.from({ length: 50 }, () => f.requests.submit(aDraft(), key, { followUpCode: '654321' })));
      expect(results.filter((r) => r.created)).toHaveLength(1);
      expect(new Set(results.map((r) => r.request.id)).size).toBe(1);
      expect(results.every((r) => r.followUpCode === '654321')).toBe(true);
      expect(await f.requests.listBySubject(aSubjectKey('marie'))).toHaveLength(1);
      expect((await f.requests.listForOrganisation(ORG_A, { limit: 100, offset: 0 })).total).toBe(1);
    }, HASHING_TESTS_TIMEOUT_MS);

    it("refuses a key already used for another person's submission", async () => {
      const key = aKey();
      await f.requests.submit(aDraft(), key);
      await expect(f.requests.submit(aDraft({ subjectKey: aSubjectKey('other') }), key)).rejects.toThrow(IdempotencyConflictError);
    });
  });

  describe('references', () => {
    it('gives 200 concurrent submissions 200 distinct references', async () => {
      const results = await Promise.all(
        Array.from({ length: 200 }, (_, i) => f.requests.submit(aDraft({ subjectKey: aSubjectKey(`many${i}`) }), aKey())),
      );
      expect(results.every((r) => r.created)).toBe(true);
      expect(new Set(results.map((r) => r.request.reference)).size).toBe(200);
      expect((await f.requests.listForOrganisation(ORG_A, { limit: 1, offset: 0 })).total).toBe(200);
    }, HASHING_TESTS_TIMEOUT_MS);
  });

  describe('follow-up', () => {
    it('shows the status with reference and code, and nothing with a wrong one', async () => {
      const { request, followUpCode } = await f.requests.submit(aDraft(), aKey());
      const view = await f.requests.verifyFollowUp(` ${request.reference.toLowerCase()} `, followUpCode!.replace(/(\d{3})/, '$1 '));
      expect(view).toEqual({ reference: request.reference, status: 'received', submittedAt: NOW, updatedAt: NOW, organisationId: ORG_A });
      const wrong = followUpCode === '000000' ? '000001' : '000000';
      expect(await f.requests.verifyFollowUp(request.reference, wrong)).toBeNull();
      expect(await f.requests.verifyFollowUp('GI-ZZZZZZ', followUpCode!)).toBeNull();
      expect(await f.requests.verifyFollowUp('nonsense', 'abc')).toBeNull();
    });

    it('counts wrong codes per reference in the store and locks the reference, longer each time', async () => {
      const { request, followUpCode } = await f.requests.submit(aDraft(), aKey());
      const other = await f.requests.submit(aDraft({ subjectKey: aSubjectKey('other') }), aKey());
      const wrong = followUpCode === '000000' ? '000001' : '000000';
      const events: Array<{ failures: number; lockedForSeconds: number }> = [];
      // Each guess through a fresh repository: a new conversation or process changes nothing.
      for (let i = 0; i < FOLLOW_UP_GUARD.freeFailures; i++) {
        expect(await f.sameStore({ onFollowUpLocked: (e) => events.push(e) }).verifyFollowUp(request.reference, wrong)).toBeNull();
      }
      expect(events).toEqual([{ failures: FOLLOW_UP_GUARD.freeFailures, lockedForSeconds: FOLLOW_UP_GUARD.firstLockSeconds }]);
      expect(JSON.stringify(events)).not.toContain(request.reference);
      // Locked: even the right code is not checked; another reference is not affected.
      await expect(f.sameStore().verifyFollowUp(request.reference, followUpCode!)).rejects.toThrow(FollowUpLockedError);
      expect((await f.requests.verifyFollowUp(other.request.reference, other.followUpCode!))?.status).toBe('received');

      // After the lock, one more wrong code locks for twice as long.
      f.setNow(new Date(NOW.getTime() + (FOLLOW_UP_GUARD.firstLockSeconds + 1) * 1000));
      expect(await f.requests.verifyFollowUp(request.reference, wrong)).toBeNull();
      const locked = await f.requests.verifyFollowUp(request.reference, followUpCode!).catch((e: unknown) => e);
      expect(locked).toBeInstanceOf(FollowUpLockedError);
      expect((locked as FollowUpLockedError).retryAfterSeconds).toBe(2 * FOLLOW_UP_GUARD.firstLockSeconds);

      // The right code once the lock is over shows the status and clears the counter.
      f.setNow(new Date(NOW.getTime() + (4 * FOLLOW_UP_GUARD.firstLockSeconds) * 1000));
      expect((await f.requests.verifyFollowUp(request.reference, followUpCode!))?.status).toBe('received');
      for (let i = 0; i < FOLLOW_UP_GUARD.freeFailures - 1; i++) expect(await f.requests.verifyFollowUp(request.reference, wrong)).toBeNull();
      expect((await f.requests.verifyFollowUp(request.reference, followUpCode!))?.status).toBe('received');
    });

    it('counts parallel wrong guesses exactly (no lost update)', async () => {
      const { request, followUpCode } = await f.requests.submit(aDraft(), aKey());
      const wrong = followUpCode === '000000' ? '000001' : '000000';
      const outcomes = await Promise.allSettled(
        Array.from({ length: 12 }, () => f.sameStore().verifyFollowUp(request.reference, wrong)),
      );
      expect(outcomes.filter((o) => o.status === 'fulfilled')).toHaveLength(outcomes.length - outcomes.filter((o) => o.status === 'rejected').length);
      await expect(f.requests.verifyFollowUp(request.reference, followUpCode!)).rejects.toThrow(FollowUpLockedError);
    });
  });

  describe('organisations', () => {
    it("lists an organisation's requests newest first, by status, and never another organisation's", async () => {
      const made: RequestRecord[] = [];
      for (let i = 0; i < 5; i++) {
        f.setNow(new Date(NOW.getTime() + i * 60_000));
        made.push((await f.requests.submit(aDraft({ subjectKey: aSubjectKey(`list${i}`) }), aKey())).request);
      }
      const young = (await f.requests.submit(aDraftFor.youngPerson(), aKey())).request;
      const all = await f.requests.listForOrganisation(ORG_A, { limit: 3, offset: 0 });
      expect(all.total).toBe(5);
      expect(all.items.map((r) => r.reference)).toEqual([made[4], made[3], made[2]].map((r) => r.reference));
      const next = await f.requests.listForOrganisation(ORG_A, { limit: 3, offset: 3 });
      expect(next.items.map((r) => r.reference)).toEqual([made[1], made[0]].map((r) => r.reference));

      await f.requests.transition(made[1].id, ORG_A, 'diagnosis_in_progress', adviserOfA, { expectedVersion: 1 });
      const inDiagnosis = await f.requests.listForOrganisation(ORG_A, { status: 'diagnosis_in_progress', limit: 10, offset: 0 });
      expect(inDiagnosis.items.map((r) => r.id)).toEqual([made[1].id]);

      expect((await f.requests.listForOrganisation(ORG_B, { limit: 10, offset: 0 })).items.map((r) => r.id)).toEqual([young.id]);
      expect(await f.requests.get(young.id, ORG_A)).toBeNull();
      expect(await f.requests.findByReference(young.reference, ORG_A)).toBeNull();
      await expect(f.requests.transition(young.id, ORG_A, 'diagnosis_in_progress', adviserOfA, { expectedVersion: 1 })).rejects.toThrow(
        RequestNotFoundError,
      );
      await expect(f.requests.recordExport(young.id, ORG_A, adviserOfA, 'json')).rejects.toThrow(RequestNotFoundError);
      expect((await f.requests.get(young.id, ORG_B))!.version).toBe(1);
    });

    it('refuses bad list queries and operator-looking ids', async () => {
      await expect(f.requests.listForOrganisation(ORG_A, { limit: 0, offset: 0 })).rejects.toThrow(/limit/);
      await expect(f.requests.listForOrganisation(ORG_A, { limit: 10, offset: -1 })).rejects.toThrow(/offset/);
      await expect(f.requests.listForOrganisation({ $ne: '' } as never, { limit: 10, offset: 0 })).rejects.toThrow(/organisationId/);
      await expect(f.requests.listForOrganisation(ORG_A, { status: 'done' as never, limit: 10, offset: 0 })).rejects.toThrow(/status/);
      expect(await f.requests.get({ $ne: '' } as never, ORG_A)).toBeNull();
    });
  });

  describe('workflow', () => {
    it('follows the real process to a PASS IAE, recording who and when', async () => {
      const { request } = await f.requests.submit(aDraft(), aKey());
      f.setNow(new Date('2026-11-20T10:00:00.000Z'));
      const r2 = await f.requests.transition(request.id, ORG_A, 'diagnosis_in_progress', adviserOfA, { expectedVersion: 1 });
      const r3 = await f.requests.transition(request.id, ORG_A, 'eligibility_confirmed', adviserOfA, { expectedVersion: r2.version });
      f.setNow(new Date('2026-12-01T08:00:00.000Z'));
      const r4 = await f.requests.transition(request.id, ORG_A, 'pass_issued', adviserOfA, {
        expectedVersion: r3.version,
        pass: { number: 'xxxxx 2612345', startDate: '2026-12-07' },
      });
      expect(r4.status).toBe('pass_issued');
      expect(r4.version).toBe(4);
      expect(r4.pass).toEqual({ number: 'XXXXX2612345', startDate: '2026-12-07', endDate: '2028-12-06' });
      expect(r4.expiresAt).toEqual(new Date('2030-12-07T00:00:00.000Z'));
      expect(r4.history.map((h) => [h.action, 'to' in h ? h.to : undefined])).toEqual([
        ['submitted', 'received'],
        ['status', 'diagnosis_in_progress'],
        ['status', 'eligibility_confirmed'],
        ['status', 'pass_issued'],
      ]);
      expect(r4.history[3]).toMatchObject({ at: new Date('2026-12-01T08:00:00.000Z'), actor: adviserOfA, from: 'eligibility_confirmed' });
      expect(await f.requests.get(request.id, ORG_A)).toEqual(r4);
      const view = await f.requests.verifyFollowUp(request.reference, (await f.requests.submit(aDraft(), aKey())).followUpCode!);
      expect(view).toBeNull();
    });

    it('refuses impossible moves and leaves the request as it was', async () => {
      const { request } = await f.requests.submit(aDraft(), aKey());
      const error = await f.requests.transition(request.id, ORG_A, 'pass_issued', adviserOfA, { expectedVersion: 1, pass: { number: 'XXXXX2612345', startDate: '2026-12-07' } }).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(InvalidTransitionError);
      expect(error).toMatchObject({ from: 'received', to: 'pass_issued' });
      await expect(f.requests.transition(request.id, ORG_A, 'closed', adviserOfA, { expectedVersion: 1, pass: { number: 'XXXXX2612345', startDate: '2026-12-07' } })).rejects.toThrow(/pass/);
      expect(await f.requests.get(request.id, ORG_A)).toEqual(request);
    });

    it('rejects a stale version, including two advisers moving at once', async () => {
      const { request } = await f.requests.submit(aDraft(), aKey());
      await f.requests.transition(request.id, ORG_A, 'diagnosis_in_progress', adviserOfA, { expectedVersion: 1 });
      await expect(f.requests.transition(request.id, ORG_A, 'closed', adviserOfA, { expectedVersion: 1 })).rejects.toThrow(StaleVersionError);
      const both = await Promise.allSettled([
        f.requests.transition(request.id, ORG_A, 'eligibility_confirmed', adviserOfA, { expectedVersion: 2 }),
        f.requests.transition(request.id, ORG_A, 'not_eligible', adviserOfA, { expectedVersion: 2 }),
      ]);
      expect(both.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
      const rejected = both.find((r) => r.status === 'rejected') as PromiseRejectedResult;
      expect(rejected.reason).toBeInstanceOf(StaleVersionError);
      const stored = (await f.requests.get(request.id, ORG_A))!;
      expect(stored.version).toBe(3);
      expect(stored.history).toHaveLength(3);
    });

    it('records each export in the history', async () => {
      const { request } = await f.requests.submit(aDraft(), aKey());
      f.setNow(new Date('2026-11-17T10:00:00.000Z'));
      await f.requests.recordExport(request.id, ORG_A, adviserOfA, 'json');
      const after = await f.requests.recordExport(request.id, ORG_A, adviserOfA, 'text');
      expect(after.history.slice(1)).toEqual([
        { at: new Date('2026-11-17T10:00:00.000Z'), actor: adviserOfA, action: 'export', format: 'json' },
        { at: new Date('2026-11-17T10:00:00.000Z'), actor: adviserOfA, action: 'export', format: 'text' },
      ]);
      expect((await f.requests.get(request.id, ORG_A))!.history).toHaveLength(3);
    });
  });

  describe('the person\u2019s data', () => {
    it('lists and erases every request of a person, and only theirs', async () => {
      const me = aSubjectKey('erase-me');
      await f.requests.submit(aDraft({ subjectKey: me }), aKey());
      f.setNow(new Date(NOW.getTime() + 1000));
      await f.requests.submit(aDraft({ subjectKey: me, organisationId: ORG_B }), aKey());
      const other = (await f.requests.submit(aDraft({ subjectKey: aSubjectKey('keep-me') }), aKey())).request;
      const mine = await f.requests.listBySubject(me);
      expect(mine.map((r) => r.organisationId)).toEqual([ORG_B, ORG_A]);
      expect(await f.requests.eraseBySubject(me)).toBe(2);
      expect(await f.requests.listBySubject(me)).toEqual([]);
      expect(await f.requests.eraseBySubject(me)).toBe(0);
      expect(await f.requests.get(other.id, ORG_A)).not.toBeNull();
      await expect(f.requests.eraseBySubject({ $exists: true } as never)).rejects.toThrow(/subjectKey/);
    });

    it('erases one request by its reference (as typed), and nothing else', async () => {
      const me = aSubjectKey('proved-elsewhere');
      const first = (await f.requests.submit(aDraft({ subjectKey: me }), aKey())).request;
      const second = (await f.requests.submit(aDraft({ subjectKey: me }), aKey())).request;
      expect(await f.requests.eraseByReference(` ${first.reference.toLowerCase()} `)).toBe(1);
      expect(await f.requests.eraseByReference(first.reference)).toBe(0);
      expect((await f.requests.listBySubject(me)).map((r) => r.id)).toEqual([second.id]);
      await expect(f.requests.eraseByReference({ $ne: null } as never)).rejects.toThrow(/reference/);
      await expect(f.requests.eraseByReference('nope')).rejects.toThrow(/reference/);
    });
  });

  describe('retention', () => {
    it('purges what is past its retention and keeps the rest', async () => {
      const closeIt = async (at: string) => {
        f.setNow(new Date(at));
        const { request } = await f.requests.submit(aDraft({ subjectKey: aSubjectKey() }), aKey());
        return f.requests.transition(request.id, ORG_A, 'closed', adviserOfA, { expectedVersion: 1, reason: 'withdrawn' });
      };
      const oldClosed = await closeIt('2024-01-10T10:00:00.000Z');
      const recentClosed = await closeIt('2025-06-10T10:00:00.000Z');
      f.setNow(new Date('2024-01-10T10:00:00.000Z'));
      const staleOpen = (await f.requests.submit(aDraft({ subjectKey: aSubjectKey('stale-open') }), aKey())).request;
      f.setNow(NOW);
      const fresh = (await f.requests.submit(aDraft({ subjectKey: aSubjectKey('fresh') }), aKey())).request;

      const counts = await f.requests.purgeExpired(new Date('2026-03-01T00:00:00.000Z'));
      expect(counts.total).toBe(2);
      expect(counts.byStatus).toMatchObject({ closed: 1, received: 1, pass_issued: 0, not_eligible: 0 });
      expect(await f.requests.get(oldClosed.id, ORG_A)).toBeNull();
      expect(await f.requests.get(staleOpen.id, ORG_A)).toBeNull();
      expect(await f.requests.get(recentClosed.id, ORG_A)).not.toBeNull();
      expect(await f.requests.get(fresh.id, ORG_A)).not.toBeNull();
      expect((await f.requests.purgeExpired(new Date('2026-03-01T00:00:00.000Z'))).total).toBe(0);
    });
  });

  describe('advisers', () => {
    const tenant = 'AAAAAAAA-0000-4000-8000-000000000001';
    const object = 'bbbbbbbb-0000-4000-8000-000000000002';

    it('adds, finds, moves, lists and removes advisers by Teams identity', async () => {
      const added = await f.advisers.add({ tenantId: tenant, aadObjectId: object, organisationId: ORG_A, name: 'Conseillère test' });
      expect(added.created).toBe(true);
      expect(added.adviser).toMatchObject({ id: `${tenant.toLowerCase()}:${object}`, organisationId: ORG_A, name: 'Conseillère test' });
      expect(await f.advisers.find(tenant.toLowerCase(), object.toUpperCase())).toEqual(added.adviser);
      const moved = await f.advisers.add({ tenantId: tenant, aadObjectId: object, organisationId: ORG_B });
      expect(moved.created).toBe(false);
      expect(moved.adviser.organisationId).toBe(ORG_B);
      expect(moved.adviser.name).toBeUndefined();
      await f.advisers.add({ tenantId: tenant, aadObjectId: 'cccccccc-0000-4000-8000-000000000003', organisationId: ORG_A });
      expect((await f.advisers.list()).map((a) => a.organisationId)).toEqual([ORG_A, ORG_B]);
      expect(await f.advisers.list({ organisationId: ORG_B })).toHaveLength(1);
      expect(await f.advisers.remove(tenant, object)).toBe(true);
      expect(await f.advisers.remove(tenant, object)).toBe(false);
      expect(await f.advisers.find(tenant, object)).toBeNull();
    });

    it('refuses identities that are not GUIDs and organisations that are not directory ids', async () => {
      await expect(f.advisers.add({ tenantId: 'x', aadObjectId: object, organisationId: ORG_A })).rejects.toThrow(/tenantId/);
      await expect(f.advisers.add({ tenantId: tenant, aadObjectId: object, organisationId: 'France Travail' })).rejects.toThrow(/organisationId/);
      expect(await f.advisers.find({ $ne: '' } as never, object)).toBeNull();
      const both = await Promise.all(Array.from({ length: 10 }, () => f.advisers.add({ tenantId: tenant, aadObjectId: object, organisationId: ORG_A })));
      expect(both.filter((r) => r.created)).toHaveLength(1);
      expect(await f.advisers.list()).toHaveLength(1);
    });
  });
}
