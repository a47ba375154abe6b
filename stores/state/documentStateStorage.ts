import { randomUUID } from 'node:crypto';
import type { Storage, StoreItems } from 'botbuilder';
import type { StateDocuments } from './stateDocuments';

/** Raised when a write carries an eTag that is no longer the stored one. */
export class ETagConflictError extends Error {
  constructor(readonly key: string) {
    super(`Storage: the item "${key}" changed since it was read (eTag conflict).`);
    this.name = 'ETagConflictError';
  }
}

/**
 * The JSON text each item `DocumentStateStorage.read` returned was parsed from (its eTag aside): what
 * the item stringifies to while unchanged, so that a state's change detection needs no stringify at
 * load (jsonChangeState.ts). Weak: an entry goes with its item, at the end of the turn.
 */
const readJson = new WeakMap<object, string>();

/** The JSON an item read by a DocumentStateStorage was parsed from (without its eTag); undefined for any other object. */
export function jsonReadOf(item: object): string | undefined {
  return readJson.get(item);
}

/**
 * A botbuilder `Storage` over a database, with the contract `MemoryStorage` has: reading omits
 * missing keys; writing with no eTag or `*` overwrites; a stale eTag is rejected; every write gets
 * a fresh eTag; deleting is idempotent. Items are stored as JSON, so what is read is always a
 * fresh copy that the caller may change freely.
 */
export class DocumentStateStorage implements Storage {
  constructor(
    private readonly documents: StateDocuments,
    private readonly clock: () => Date = () => new Date(),
  ) {}

  async read(keys: string[]): Promise<StoreItems> {
    if (!keys) throw new ReferenceError('Keys are required when reading.');
    const items: StoreItems = {};
    if (keys.length === 0) return items;
    for (const doc of await this.documents.find(keys)) {
      const item = { ...JSON.parse(doc.json), eTag: doc.eTag };
      readJson.set(item, doc.json);
      items[doc.key] = item;
    }
    return items;
  }

  async write(changes: StoreItems): Promise<void> {
    if (!changes) throw new ReferenceError('Changes are required when writing.');
    // One key after the other: a conflict on one key leaves the keys before it written,
    // as MemoryStorage does.
    for (const [key, item] of Object.entries(changes)) {
      const { eTag: expected, ...value } = (item ?? {}) as { eTag?: unknown; [field: string]: unknown };
      const doc = { key, json: JSON.stringify(value), eTag: randomUUID() };
      const now = this.clock();
      if (typeof expected !== 'string' || expected === '' || expected === '*') {
        await this.documents.put(doc, now);
      } else if (!(await this.documents.putIfMatch(doc, expected, now))) {
        throw new ETagConflictError(key);
      }
    }
  }

  async delete(keys: string[]): Promise<void> {
    if (!keys) throw new ReferenceError('Keys are required when deleting.');
    if (keys.length > 0) await this.documents.remove(keys);
  }

  /** Forgets conversations and users idle since before `date` (retention); returns how many. */
  purgeWrittenBefore(date: Date): Promise<number> {
    return this.documents.removeWrittenBefore(date);
  }
}
