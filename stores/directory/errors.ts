/** A record refused by `structureSchema` (or given twice in one batch). Names the record and the field, never its values. */
export class InvalidStructureError extends Error {
  readonly code = 'INVALID_STRUCTURE';
  constructor(
    /** Position of the record in the batch. */
    readonly index: number,
    /** The record's id when it has a usable one. */
    readonly structureId: string | undefined,
    /** Dotted path of the first failing field ('' for the record itself). */
    readonly field: string,
    reason: string,
    options?: { cause?: unknown },
  ) {
    super(`Directory: structure ${structureId ? `"${structureId}"` : `#${index}`} is invalid: field "${field || '(record)'}": ${reason}`, options);
    this.name = 'InvalidStructureError';
  }
}

/** A query that does not fit the query types (wrong type, unknown kind, out-of-range number…). */
export class InvalidDirectoryQueryError extends Error {
  readonly code = 'INVALID_DIRECTORY_QUERY';
  constructor(
    readonly operation: string,
    readonly field: string,
    reason: string,
    options?: { cause?: unknown },
  ) {
    super(`Directory ${operation}: field "${field || '(query)'}": ${reason}`, options);
    this.name = 'InvalidDirectoryQueryError';
  }
}
