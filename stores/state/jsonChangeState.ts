import { ConversationState, UserState, calculateChangeHash, type BotState, type CachedBotState, type Storage, type StorageKeyFactory, type StoreItems, type TurnContext } from 'botbuilder';
import { jsonReadOf } from './documentStateStorage';

/**
 * What tells a state changed during the turn: its JSON without the eTag, as DocumentStateStorage
 * writes it. botbuilder's `calculateChangeHash` stringifies through a replacer function and hashes
 * with SHA-256, at load, before saving and again after writing (3 % of a turn's CPU); comparing the
 * JSON texts tells the same changes. A state JSON cannot write (circular) gets botbuilder's hash,
 * which handles it.
 */
function changeKey(state: Record<string, unknown>): string {
  const { eTag: _eTag, ...rest } = state;
  try {
    return JSON.stringify(rest);
  } catch {
    return calculateChangeHash(state);
  }
}

/** What the overrides need of a state: botbuilder's storage, its key of the turn and its key of the cached state in turn state (private in its typings). */
interface StateParts {
  storage: Storage;
  storageKey: StorageKeyFactory;
  cacheKey: symbol;
}

function cacheKeyOf(state: BotState): symbol {
  const key = (state as unknown as { stateKey?: unknown }).stateKey;
  if (typeof key !== 'symbol') throw new Error('botbuilder BotState keeps its cached state under another key than stateKey: see stores/state/jsonChangeState.ts');
  return key;
}

/** The state read for `key` (none: an empty one) cached in turn state as BotState.load does, its hash being the change key (the storage's JSON when it has it). */
function cache(context: TurnContext, cacheKey: symbol, items: StoreItems, key: string): Record<string, unknown> {
  const state = (items[key] as Record<string, unknown> | undefined) ?? {};
  context.turnState.set(cacheKey, { state, hash: jsonReadOf(state) ?? changeKey(state) } satisfies CachedBotState);
  return state;
}

/** BotState.load. */
async function load({ storage, storageKey, cacheKey }: StateParts, context: TurnContext, force: boolean): Promise<Record<string, unknown>> {
  const cached = context.turnState.get<CachedBotState | undefined>(cacheKey);
  if (!force && cached?.state) return cached.state;
  const key = await storageKey(context);
  return cache(context, cacheKey, await storage.read([key]), key);
}

/** BotState.saveChanges: written when forced or when its change key differs from the cached one, which is then that key. */
async function saveChanges({ storage, storageKey, cacheKey }: StateParts, context: TurnContext, force: boolean): Promise<void> {
  let cached = context.turnState.get<CachedBotState | undefined>(cacheKey);
  const now = cached ? changeKey(cached.state) : undefined;
  if (!force && (!cached || cached.hash === now)) return;
  const key = await storageKey(context);
  cached ??= { state: {}, hash: '' };
  cached.state.eTag = '*';
  await storage.write({ [key]: cached.state });
  cached.hash = now ?? changeKey(cached.state);
  context.turnState.set(cacheKey, cached);
}

/*
 * botbuilder's ConversationState and UserState whose change detection compares JSON texts
 * (`changeKey`) instead of SHA-256 hashes: `load` takes the text the storage read (no stringify when
 * the storage is a DocumentStateStorage), `saveChanges` stringifies once and, after writing, keeps
 * that text. Everything else (the cached `{ state, hash }` entry under botbuilder's key in turn
 * state, `clear`'s forced write, `delete`, the property accessors) is botbuilder's.
 */

/** A botbuilder state class with JSON change detection instead of its hashes. */
function withJsonChange<Base extends new (...args: any[]) => BotState>(State: Base) {
  return class extends State {
    /** @internal What `loadTogether` needs of the state. */
    parts(): StateParts {
      return { storage: this.storage, storageKey: this.storageKey, cacheKey: cacheKeyOf(this) };
    }
    override load(context: TurnContext, force = false): Promise<Record<string, unknown>> {
      return load(this.parts(), context, force);
    }
    override saveChanges(context: TurnContext, force = false): Promise<void> {
      return saveChanges(this.parts(), context, force);
    }
  };
}

/** ConversationState with JSON change detection. */
export class JsonChangeConversationState extends withJsonChange(ConversationState) {}

/** UserState with JSON change detection. */
export class JsonChangeUserState extends withJsonChange(UserState) {}

/**
 * Loads the states of a turn not loaded yet, as their `load` would, with one read of their storage
 * when they share it (a conversation's state and its user's: one database round trip instead of
 * two). States on different storages, under one key, or not made by `withJsonChange` are loaded one
 * by one.
 */
export async function loadTogether(context: TurnContext, states: readonly BotState[]): Promise<void> {
  const parts = states.map((state) => (state as BotState & { parts?: () => StateParts }).parts?.());
  if (parts.some((p) => !p)) {
    for (const state of states) await state.load(context);
    return;
  }
  const pending = (parts as StateParts[]).filter(({ cacheKey }) => !context.turnState.get<CachedBotState | undefined>(cacheKey)?.state);
  if (pending.length === 0) return;
  const keys = await Promise.all(pending.map(({ storageKey }) => storageKey(context)));
  const storage = pending[0]!.storage;
  if (pending.some((p) => p.storage !== storage) || new Set(keys).size < keys.length) {
    for (const p of pending) await load(p, context, false);
    return;
  }
  const items = await storage.read(keys);
  pending.forEach(({ cacheKey }, i) => cache(context, cacheKey, items, keys[i]!));
}
