import { z } from 'zod';
import { deepCopy } from './copy';
import { invalidFrom, InvalidRequestError } from './errors';
import { issuePass, passIssueSchema } from './pass';
import { expiryOf } from './retention';
import { CLOSE_REASONS, freeNoteSchema, type Actor, type HistoryEntry, type RequestRecord } from './schema';
import { assertTransition, isRequestStatus, type RequestStatus } from './statuses';

/** What an adviser gives with a move. `pass` goes with pass_issued only, `reason` with closed only. */
export const transitionDetailsSchema = z
  .object({
    /** The version the adviser saw (optimistic concurrency). */
    expectedVersion: z.number().int().min(1),
    pass: passIssueSchema.optional(),
    reason: z.enum(CLOSE_REASONS).optional(),
    note: freeNoteSchema.optional(),
  })
  .strict();

export type TransitionDetails = z.input<typeof transitionDetailsSchema>;

export const actorSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('person') }).strict(),
  z.object({ kind: z.literal('adviser'), adviserId: z.string().min(3).max(200) }).strict(),
  z.object({ kind: z.literal('system') }).strict(),
]);

export function parseActor(actor: unknown, operation: string): Actor {
  const parsed = actorSchema.safeParse(actor);
  if (!parsed.success) throw invalidFrom(operation, parsed.error);
  return parsed.data;
}

/**
 * The request after a move (a new object; the input is not changed): status, version + 1, dates,
 * PASS, expiry, and a history entry saying who and when. Throws InvalidTransitionError for a move
 * the table refuses, InvalidRequestError for missing or misplaced details. The version check against
 * the stored document is the store's job.
 */
export function applyTransition(
  record: RequestRecord,
  to: RequestStatus,
  actor: Actor,
  details: TransitionDetails,
  now: Date,
): RequestRecord {
  const operation = 'transition';
  if (!isRequestStatus(to)) throw new InvalidRequestError(operation, 'to', 'unknown status');
  const parsed = transitionDetailsSchema.safeParse(details);
  if (!parsed.success) throw invalidFrom(operation, parsed.error);
  const { pass: passInput, reason, note } = parsed.data;
  assertTransition(record.status, to);
  if (to === 'pass_issued' && !passInput) throw new InvalidRequestError(operation, 'pass', 'required to record the hire (PASS IAE number)');
  if (to !== 'pass_issued' && passInput) throw new InvalidRequestError(operation, 'pass', `only with pass_issued`);
  if (to !== 'closed' && reason) throw new InvalidRequestError(operation, 'reason', 'only with closed');

  const pass = passInput ? issuePass(passInput) : undefined;
  const entry: HistoryEntry = {
    at: new Date(now),
    actor,
    action: 'status',
    from: record.status,
    to,
    ...(reason ? { reason } : {}),
    ...(note ? { note } : {}),
    ...(pass ? { pass: { ...pass } } : {}),
  };
  const closedAt = to === 'closed' || to === 'not_eligible' ? new Date(now) : record.closedAt;
  const next: RequestRecord = {
    ...deepCopy(record),
    status: to,
    version: record.version + 1,
    updatedAt: new Date(now),
    ...(closedAt ? { closedAt } : {}),
    ...(pass ? { pass } : {}),
  };
  next.history.push(entry);
  next.expiresAt = expiryOf(next);
  return next;
}

/** The request with an export recorded (a new object). */
export function withExportRecorded(record: RequestRecord, actor: Actor, format: 'json' | 'text', now: Date): RequestRecord {
  const next = deepCopy(record);
  next.history.push({ at: new Date(now), actor, action: 'export', format });
  next.version = record.version + 1;
  next.updatedAt = new Date(now);
  next.expiresAt = expiryOf(next);
  return next;
}
