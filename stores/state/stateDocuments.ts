/**
 * What a state storage needs from a database: documents keyed by the botbuilder storage key,
 * holding the item as a JSON string (so any key or field name is safe) and its eTag.
 * Each adapter (embedded, MongoDB) implements these few operations atomically per document.
 */
export interface StateDocument {
  readonly key: string;
  readonly json: string;
  readonly eTag: string;
}

export interface StateDocuments {
  find(keys: readonly string[]): Promise<StateDocument[]>;
  /** Writes whatever is there (last writer wins). */
  put(doc: StateDocument, now: Date): Promise<void>;
  /**
   * Writes only if the stored eTag is `expectedETag`, or if nothing is stored under the key.
   * Returns false, changing nothing, when another eTag is stored (a conflict).
   */
  putIfMatch(doc: StateDocument, expectedETag: string, now: Date): Promise<boolean>;
  remove(keys: readonly string[]): Promise<void>;
  /** Removes documents last written before `date`; returns how many. */
  removeWrittenBefore(date: Date): Promise<number>;
}
