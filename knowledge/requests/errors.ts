import type { ZodError } from 'zod';

/**
 * Input refused by a request schema. Names the operation and the field, never the value (which may
 * be personal data); the zod error stays as `cause` for debugging — do not log the cause as is.
 */
export class InvalidRequestError extends Error {
  readonly code = 'INVALID_REQUEST';
  constructor(
    readonly operation: string,
    /** Dotted path of the first failing field ('' for the whole input). */
    readonly field: string,
    readonly reason: string,
    options?: { cause?: unknown },
  ) {
    super(`Requests ${operation}: field "${field || '(input)'}": ${reason}`, options);
    this.name = 'InvalidRequestError';
  }

  /** Every failing field (paths only), for a dialog that wants to re-ask several questions. */
  get fields(): string[] {
    const cause = this.cause as ZodError | undefined;
    return cause?.issues ? [...new Set(cause.issues.map((i) => i.path.join('.')))] : [this.field];
  }
}

/** Turns a zod failure into an InvalidRequestError naming the first field. Zod messages never echo input values. */
export function invalidFrom(operation: string, error: ZodError): InvalidRequestError {
  const first = error.issues[0];
  return new InvalidRequestError(operation, first ? first.path.join('.') : '', first ? safeReason(first.message) : 'invalid', {
    cause: error,
  });
}

// Zod's default messages describe the expectation (“Invalid email address”, “Too big: …”), not the
// input; custom messages here are ours. Cut anyway so nothing long can slip in.
function safeReason(message: string): string {
  return message.length > 160 ? `${message.slice(0, 157)}...` : message;
}
