import type { FollowUpGuardState } from './followUpGuard';
import type { FollowUpHash } from '../../knowledge/requests/followUpCode';
import type { RequestRecord } from '../../knowledge/requests/schema';
import type { RequestStatus } from '../../knowledge/requests/statuses';

/**
 * A request as stored: the record plus what never leaves the store (idempotency key, follow-up
 * hash). Same shape in every adapter; dates are Date values; no field is ever `undefined`.
 */
export type RequestDocument = Omit<RequestRecord, 'id'> & {
  _id: string;
  idempotencyKey: string;
  followUp: FollowUpHash;
};

/** Equality lookups only: values are plain strings checked by the repository (never operators). */
export type RequestLookup =
  | { by: 'id'; id: string; organisationId?: string }
  | { by: 'reference'; reference: string; organisationId?: string }
  | { by: 'idempotencyKey'; idempotencyKey: string };

/**
 * What the request repository needs from a database. Each adapter (embedded, MongoDB) does these
 * few operations atomically per document, with unique indexes on `reference` and `idempotencyKey`.
 */
export interface RequestDocuments {
  /** Survives a restart. */
  readonly persistent: boolean;
  /** Resolves once durably written; 'duplicate' when a unique index refused it (nothing written). */
  insert(doc: RequestDocument): Promise<'inserted' | 'duplicate'>;
  findOne(lookup: RequestLookup): Promise<RequestDocument | null>;
  /** Newest first. */
  findBySubject(subjectKey: string): Promise<RequestDocument[]>;
  /** Newest first (createdAt, then reference); `total` counts every match. */
  listByOrganisation(
    organisationId: string,
    status: RequestStatus | undefined,
    limit: number,
    offset: number,
  ): Promise<{ total: number; items: RequestDocument[] }>;
  /** Replaces the document only if its stored version is `expectedVersion`; false otherwise. */
  replaceIfVersion(doc: RequestDocument, expectedVersion: number): Promise<boolean>;
  removeBySubject(subjectKey: string): Promise<number>;
  /** Removes the one document with this reference; 1 when it was there, 0 otherwise. */
  removeByReference(reference: string): Promise<number>;
  /** Counts documents of this status whose `expiresAt` is at or before `now` (dry runs). */
  countExpired(status: RequestStatus, now: Date): Promise<number>;
  /** Removes documents of this status whose `expiresAt` is at or before `now`. */
  removeExpired(status: RequestStatus, now: Date): Promise<number>;
  /** The wrong-code counter of a reference (null when it has none). */
  followUpGuard(reference: string): Promise<FollowUpGuardState | null>;
  /** Adds one wrong code to the reference's counter (atomically) and returns the new count. */
  countFollowUpFailure(reference: string, now: Date): Promise<number>;
  /** Locks the reference until `until`; a later lock already set stays. */
  lockFollowUp(reference: string, until: Date): Promise<void>;
  /** Forgets the reference's counter (after a right code). */
  clearFollowUpFailures(reference: string): Promise<void>;
  /** Forgets counters untouched since `before`; returns how many. */
  removeFollowUpGuardsBefore(before: Date): Promise<number>;
}
