import { getHeapSpaceStatistics, setFlagsFromString } from 'node:v8';

/**
 * Gives back, once the bot is idle, the heap V8 grew during a busy spell. Under load V8 lets its
 * old generation grow to about 1.5 times what is live (the turns in flight are promoted to it,
 * then die there) and keeps those pages after the load: a full collection frees the objects but
 * not the pages, each still holding a few long-lived objects (a conversation's state document,
 * compiled code). 10 000 conversations left the old space at 167–177 MB for 93 MB live, RSS 341 →
 * 345 MB 10 s later. A compacting collection (V8's `--compact-on-every-full-gc`, set for that one
 * collection with `v8.setFlagsFromString`, then unset) moves the survivors together and frees the
 * rest: old space 95 MB, RSS back to what it was after start (262 MB).
 *
 * It runs only when the process was started with `--expose-gc` (`npm start` does), after
 * `idleMs` without a request other than the health probes, when the old space holds at least
 * `slackBytes` it does not use or grew by that much since the last compaction (or the first
 * request: what V8 counts as used includes the garbage no collection freed yet, 28 MB of the
 * 155 MB after 4 000 conversations on MongoDB), and not twice within `minIntervalMs`. It blocks the event loop
 * while it runs (300–700 ms of CPU for this heap on the build machine): a request arriving then
 * waits that long, which is why it waits for an idle spell; under load it never runs, so a turn
 * costs what it did.
 */
export interface IdleCompactionOptions {
  idleMs?: number;
  slackBytes?: number;
  minIntervalMs?: number;
  /** The collection to run; V8's `gc` when exposed (tests give their own). */
  collect?: () => void;
  /** Old space committed and used, in bytes. */
  oldSpace?: () => { size: number; used: number };
  now?: () => number;
}

const MB = 1024 * 1024;

function v8OldSpace(): { size: number; used: number } {
  const space = getHeapSpaceStatistics().find((s) => s.space_name === 'old_space');
  return { size: space?.space_size ?? 0, used: space?.space_used_size ?? 0 };
}

/** V8's full collection with compaction of every page, or undefined when `gc` is not exposed. */
function compactingCollection(): (() => void) | undefined {
  const gc = (globalThis as { gc?: () => void }).gc;
  if (typeof gc !== 'function') return undefined;
  return () => {
    setFlagsFromString('--compact-on-every-full-gc');
    try {
      gc();
    } finally {
      setFlagsFromString('--no-compact-on-every-full-gc');
    }
  };
}

export class IdleCompaction {
  private readonly idleMs: number;
  private readonly slackBytes: number;
  private readonly minIntervalMs: number;
  private readonly collect?: () => void;
  private readonly oldSpace: () => { size: number; used: number };
  private readonly now: () => number;
  private lastActivity = 0;
  /** Old space committed after the last compaction, or at the first request. */
  private baseline?: number;
  private lastCompaction = Number.NEGATIVE_INFINITY;
  private timer?: NodeJS.Timeout;
  private stopped = false;
  /** How many compactions ran (for tests and logs). */
  compactions = 0;

  constructor(options: IdleCompactionOptions = {}) {
    this.idleMs = options.idleMs ?? 2_000;
    this.slackBytes = options.slackBytes ?? 32 * MB;
    this.minIntervalMs = options.minIntervalMs ?? 60_000;
    this.collect = options.collect ?? compactingCollection();
    this.oldSpace = options.oldSpace ?? v8OldSpace;
    this.now = options.now ?? Date.now;
  }

  get enabled(): boolean {
    return this.collect !== undefined && !this.stopped;
  }

  /** A request (not a probe) started. */
  busy(): void {
    this.lastActivity = this.now();
    if (this.baseline === undefined && this.enabled) this.baseline = this.oldSpace().size;
    if (this.timer) {
      clearTimeout(this.timer);
      this.timer = undefined;
    }
  }

  /** Nothing is in flight any more: check again once `idleMs` passed without a request. */
  idle(): void {
    if (!this.enabled || this.timer || this.lastActivity === 0) return;
    const sinceCompaction = this.now() - this.lastCompaction;
    this.timer = setTimeout(() => {
      this.timer = undefined;
      this.check();
    }, Math.max(this.idleMs, this.minIntervalMs - sinceCompaction));
    this.timer.unref();
  }

  /** Compacts when idle long enough and worth it; returns whether it did. */
  check(): boolean {
    if (!this.enabled) return false;
    const now = this.now();
    if (now - this.lastActivity < this.idleMs || now - this.lastCompaction < this.minIntervalMs) return false;
    const { size, used } = this.oldSpace();
    if (size - used < this.slackBytes && size - (this.baseline ?? size) < this.slackBytes) return false;
    this.lastCompaction = now;
    this.compactions += 1;
    this.collect!();
    this.baseline = this.oldSpace().size;
    return true;
  }

  stop(): void {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
  }
}
