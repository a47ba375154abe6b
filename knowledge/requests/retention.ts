import { addDays, addMonthsToInstant, startOfDayUtc, addMonths } from '../calendar';
import type { Pass } from './pass';
import type { RequestStatus } from './statuses';

/**
 * How long requests are kept (README.md, "Retention"). One row per situation; `from` says which
 * date the period counts from. Proofs of eligibility are kept 24 months for control (R5132-1-7),
 * so a request that led somewhere is kept as long as its proofs would be.
 */
export interface RetentionRule {
  readonly id: string;
  /** Statuses the row applies to; `draft` is an unsent request (kept in conversation state). */
  readonly appliesTo: readonly (RequestStatus | 'draft')[];
  readonly months: number;
  readonly days: number;
  readonly from: 'lastChange' | 'closedAt' | 'passEnd';
  readonly why: string;
}

export const RETENTION_RULES: readonly RetentionRule[] = [
  {
    id: 'draft',
    appliesTo: ['draft'],
    months: 0,
    days: 30,
    from: 'lastChange',
    why: 'an unsent request lives in the conversation state, forgotten after 30 idle days (STATE_RETENTION_DAYS)',
  },
  {
    id: 'closed',
    appliesTo: ['closed', 'not_eligible'],
    months: 24,
    days: 0,
    from: 'closedAt',
    why: 'decision kept as long as proofs are (control of eligibility, R5132-1-7)',
  },
  {
    id: 'pass',
    appliesTo: ['pass_issued'],
    months: 24,
    days: 0,
    from: 'passEnd',
    why: 'kept 24 months after the PASS IAE ends: control, prolongation and the 2-year wait before a new PASS',
  },
  {
    id: 'open-idle',
    appliesTo: ['received', 'diagnosis_in_progress', 'eligibility_confirmed'],
    months: 24,
    days: 0,
    from: 'lastChange',
    why: 'safety net: an open request nobody touched for 24 months is not kept forever',
  },
];

export function retentionRuleFor(status: RequestStatus | 'draft'): RetentionRule {
  const rule = RETENTION_RULES.find((r) => r.appliesTo.includes(status));
  if (!rule) throw new Error(`Retention: no rule for status ${status}`);
  return rule;
}

/** The facts the expiry depends on. */
export interface RetentionFacts {
  status: RequestStatus;
  updatedAt: Date;
  closedAt?: Date;
  pass?: Pick<Pass, 'endDate'>;
}

/**
 * When a request may be deleted: the start date of its row plus the row's period. A PASS counts
 * from the day after its end date (midnight UTC), so the whole end day is covered.
 */
export function expiryOf(facts: RetentionFacts): Date {
  const rule = retentionRuleFor(facts.status);
  switch (rule.from) {
    case 'passEnd': {
      if (!facts.pass) throw new Error('Retention: pass_issued without PASS dates');
      const day = addDays(addMonths(facts.pass.endDate, rule.months), 1 + rule.days);
      return startOfDayUtc(day);
    }
    case 'closedAt':
      return shift(facts.closedAt ?? facts.updatedAt, rule);
    case 'lastChange':
      return shift(facts.updatedAt, rule);
  }
}

function shift(from: Date, rule: RetentionRule): Date {
  const moved = addMonthsToInstant(from, rule.months);
  return new Date(moved.getTime() + rule.days * 86_400_000);
}

/** True when the request is past its retention period at `now`. */
export function isExpired(facts: RetentionFacts, now: Date): boolean {
  return expiryOf(facts).getTime() <= now.getTime();
}
