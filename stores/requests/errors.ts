/** Errors of the request store. They name the operation, never personal data. */

/** No such request for this organisation (also what another organisation's request looks like). */
export class RequestNotFoundError extends Error {
  readonly code = 'REQUEST_NOT_FOUND';
  constructor(readonly operation: string, options?: { cause?: unknown }) {
    super(`Requests ${operation}: no such request for this organisation`, options);
    this.name = 'RequestNotFoundError';
  }
}

/** The request changed since the caller read it: read it again and retry. */
export class StaleVersionError extends Error {
  readonly code = 'STALE_VERSION';
  constructor(
    readonly operation: string,
    readonly expectedVersion: number,
    readonly actualVersion: number | undefined,
  ) {
    super(
      `Requests ${operation}: the request changed since it was read (expected version ${expectedVersion}` +
        (actualVersion === undefined ? ')' : `, now ${actualVersion})`),
    );
    this.name = 'StaleVersionError';
  }
}

/** An idempotency key already used for another person's submission. */
export class IdempotencyConflictError extends Error {
  readonly code = 'IDEMPOTENCY_CONFLICT';
  constructor() {
    super('Requests submit: this idempotency key was already used by another submission');
    this.name = 'IdempotencyConflictError';
  }
}

/** Every attempt drew a reference already taken (practically impossible unless the generator is broken). */
export class ReferenceExhaustedError extends Error {
  readonly code = 'REFERENCE_EXHAUSTED';
  constructor(readonly attempts: number) {
    super(`Requests submit: no free reference after ${attempts} attempts`);
    this.name = 'ReferenceExhaustedError';
  }
}

/** Too many wrong follow-up codes for this reference: no check until `retryAfterSeconds` have passed. */
export class FollowUpLockedError extends Error {
  readonly code = 'FOLLOW_UP_LOCKED';
  constructor(readonly retryAfterSeconds: number) {
    super(`Requests verifyFollowUp: too many wrong codes for this reference; retry in ${retryAfterSeconds} s`);
    this.name = 'FollowUpLockedError';
  }
}

/** A store operation failed underneath (database error); the original error is the `cause`. */
export class RequestStoreError extends Error {
  readonly code = 'REQUEST_STORE_FAILED';
  constructor(readonly operation: string, options: { cause: unknown }) {
    super(`Requests ${operation}: the store failed (${errorName(options.cause)})`, options);
    this.name = 'RequestStoreError';
  }
}

function errorName(error: unknown): string {
  return error instanceof Error ? error.name : 'unknown error';
}
