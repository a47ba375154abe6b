/**
 * The follow-up code's guard against guessing: failed tries are counted per reference in the
 * request store (not in the conversation, which a person can reset), and after a few the
 * reference is locked for a time that doubles with every further failure.
 * With these values one reference allows about a dozen tries a day: the 10⁶ codes are out of reach.
 */
export const FOLLOW_UP_GUARD = {
  /** Wrong codes allowed before the first lock. */
  freeFailures: 5,
  /** First lock; each further failure doubles it. */
  firstLockSeconds: 15 * 60,
  maxLockSeconds: 24 * 60 * 60,
  /** A counter untouched for this long is forgotten by the purge. */
  forgetAfterDays: 30,
} as const;

/** Stored per reference (no personal data: the reference, counts and dates). */
export interface FollowUpGuardState {
  failures: number;
  lockedUntil?: Date;
}

/** How long the reference is locked after this many failures (0: not locked). */
export function lockSecondsAfter(failures: number, guard = FOLLOW_UP_GUARD): number {
  if (failures < guard.freeFailures) return 0;
  const steps = failures - guard.freeFailures;
  return Math.min(guard.maxLockSeconds, guard.firstLockSeconds * 2 ** Math.min(steps, 20));
}
