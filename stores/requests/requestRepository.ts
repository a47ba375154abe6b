import type { RequestDraftInput, Actor, ExportFormat, FollowUpView, RequestRecord } from '../../knowledge/requests/schema';
import type { RequestStatus } from '../../knowledge/requests/statuses';
import type { TransitionDetails } from '../../knowledge/requests/workflow';

export interface SubmitOptions {
  /**
   * The follow-up code to give the person. Generate it with the idempotency key (both kept in the
   * dialog state) so that a retried submission can show the same code; when absent, one is drawn.
   */
  followUpCode?: string;
  /** Who submits, for the history: the person (default) or the adviser filling it in for them. */
  actor?: Actor;
  /**
   * The address of the HTTP request the submission came from, for the bot's per-address limit
   * (bot/rateLimits.ts `limitedRequests`). Never stored.
   */
  clientAddress?: string;
}

/** What `verifyFollowUp` may be told besides the reference and code. */
export interface FollowUpCheckOptions {
  /** The address of the HTTP request the check came from, for the bot's per-address limit. Never stored. */
  clientAddress?: string;
}

export interface SubmitResult {
  request: RequestRecord;
  /** False when the idempotency key had already been submitted: `request` is that same request. */
  created: boolean;
  /**
   * The code to show: the new one when created; on a replay, the caller's code if it matches the
   * stored hash (otherwise undefined: the code cannot be recovered).
   */
  followUpCode?: string;
}

export interface ListQuery {
  status?: RequestStatus;
  /** 1–100. */
  limit: number;
  offset: number;
}

export interface PurgeCounts {
  total: number;
  byStatus: Record<RequestStatus, number>;
}

/**
 * Agrément / PASS IAE requests. Every value going in is validated (zod) and copied; every value
 * coming out is a fresh copy. Organisation-scoped operations answer null / RequestNotFoundError for
 * a request of another organisation, exactly as for an unknown one.
 */
export interface RequestRepository {
  readonly capabilities: { readonly persistent: boolean };
  /**
   * Stores a new request, acknowledged only once durably written. The same idempotency key always
   * yields the same request (unique index, not check-then-insert): double clicks, retries and other
   * instances create exactly one.
   */
  submit(draft: RequestDraftInput, idempotencyKey: string, options?: SubmitOptions): Promise<SubmitResult>;
  /** A request of this organisation by its reference (as typed: case and spaces ignored). */
  findByReference(reference: string, organisationId: string): Promise<RequestRecord | null>;
  /** The status for `suivre ma demande`, or null when reference or code is wrong (same cost either way). */
  verifyFollowUp(reference: string, code: string, options?: FollowUpCheckOptions): Promise<FollowUpView | null>;
  /** Newest first, optionally one status; `total` counts every match. */
  listForOrganisation(organisationId: string, query: ListQuery): Promise<{ total: number; items: RequestRecord[] }>;
  get(id: string, organisationId: string): Promise<RequestRecord | null>;
  /**
   * Moves a request (transition table), appending to its history. Throws InvalidTransitionError,
   * StaleVersionError (details.expectedVersion is not the stored version), RequestNotFoundError.
   */
  transition(id: string, organisationId: string, to: RequestStatus, actor: Actor, details: TransitionDetails): Promise<RequestRecord>;
  /** Records an export in the history (the content comes from knowledge/requests/export.ts). */
  recordExport(id: string, organisationId: string, actor: Actor, format: ExportFormat): Promise<RequestRecord>;
  /** Every request kept for this person (`mes données`), newest first. */
  listBySubject(subjectKey: string): Promise<RequestRecord[]>;
  /** Deletes every request of this person (`effacer mes données`); returns how many. */
  eraseBySubject(subjectKey: string): Promise<number>;
  /**
   * Deletes one request by its reference (as typed); returns 1, or 0 when there is none. Only for a
   * request the person proved with its reference and code (`suivre ma demande`) in this conversation.
   */
  eraseByReference(reference: string): Promise<number>;
  /** Deletes requests past their retention period (retention.ts); returns counts only. `dryRun` only counts. */
  purgeExpired(now?: Date, options?: { dryRun?: boolean }): Promise<PurgeCounts>;
}
