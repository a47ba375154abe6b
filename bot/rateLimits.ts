import type { Db } from 'mongodb';
import { RateLimiterMemory, RateLimiterMongo, RateLimiterRes, RLWrapperTimeouts, type RateLimiterAbstract } from 'rate-limiter-flexible';
import type { Request, Response } from 'restify';
import type { FollowUpCheckOptions, RequestRepository } from '../stores/requests/requestRepository';
import { FollowUpLockedError } from '../stores/requests/errors';
import { clientAddressOf } from './clientAddress';
import type { Config } from './config';
import { sendProblem } from './http/problem';

/** The limits, each counted per key (a client address or a conversation). */
export interface RateLimits {
  /** Every HTTP request, per client address. */
  requests: RateLimiterAbstract;
  /** Direct Line token generation, per client address. */
  tokens: RateLimiterAbstract;
  /** Follow-up code checks, per client address. */
  followUp: RateLimiterAbstract;
  /** Request submissions, per client address. */
  submissions: RateLimiterAbstract;
  /** Turns, per conversation. */
  turns: RateLimiterAbstract;
}

type LimitName = keyof RateLimits;

function allowances(config: Config): Record<LimitName, { points: number; duration: number }> {
  return {
    requests: { points: config.RATE_LIMIT_PER_MINUTE, duration: 60 },
    tokens: { points: config.RATE_LIMIT_TOKENS_PER_MINUTE, duration: 60 },
    followUp: { points: config.RATE_LIMIT_FOLLOW_UP_PER_HOUR, duration: 3600 },
    submissions: { points: config.RATE_LIMIT_SUBMISSIONS_PER_HOUR, duration: 3600 },
    turns: { points: config.TURNS_PER_MINUTE, duration: 60 },
  };
}

/** The collection the shared counters live in (one document per key, TTL index on `expire`). */
export const RATE_LIMITS_COLLECTION = 'rateLimits';

/**
 * The limits. Without `db`, counted in this process (one instance, or the embedded store). With
 * `db` (MongoDB), counted in the database, so that N instances behind a load balancer allow what
 * one would, not N times as much: rate-limiter-flexible's RateLimiterMongo, one atomic upsert per
 * hit. A key over its limit is then refused from memory until its window ends (no database call);
 * a database that fails or does not answer within STORE_TIMEOUT_MS falls back to this instance's own
 * count (the insurance limiter).
 */
export function createRateLimits(config: Config, db?: Db): RateLimits {
  const entries = Object.entries(allowances(config)).map(([name, { points, duration }]) => {
    const memory = new RateLimiterMemory({ points, duration, keyPrefix: name });
    if (!db) return [name, memory] as const;
    const shared = new RateLimiterMongo({
      storeClient: db,
      tableName: RATE_LIMITS_COLLECTION,
      keyPrefix: name,
      points,
      duration,
      // Over the limit: refused from memory until the window ends, without asking the database.
      inMemoryBlockOnConsumed: points + 1,
    });
    return [name, new RLWrapperTimeouts({ limiter: shared, timeoutMs: config.STORE_TIMEOUT_MS, insuranceLimiter: memory })] as const;
  });
  return Object.fromEntries(entries) as unknown as RateLimits;
}

/** 0 when allowed; otherwise the seconds to wait. */
export async function take(limiter: RateLimiterAbstract, key: string): Promise<number> {
  try {
    await limiter.consume(key);
    return 0;
  } catch (refused) {
    if (refused instanceof RateLimiterRes) return Math.max(1, Math.ceil(refused.msBeforeNext / 1000));
    throw refused;
  }
}

export function sendTooMany(res: Response, retryAfterSeconds: number): void {
  res.header('Retry-After', String(retryAfterSeconds));
  sendProblem(res, 429, 'too_many_requests', `too many requests: try again in ${retryAfterSeconds} s`);
}

/** Probes are never limited. */
const UNLIMITED = new Set(['/healthz', '/readyz']);

/**
 * Per-address limit on every endpoint (tighter on token generation). With channel authentication
 * on, /api/messages comes from the Bot Framework service, whose few addresses carry everyone:
 * that route is limited per conversation instead (TURNS_PER_MINUTE).
 */
export function perAddressLimit(limits: RateLimits, config: Config) {
  const check = async (req: Request): Promise<number> => {
    const address = clientAddressOf(req, config.TRUST_PROXY);
    const wait = await take(limits.requests, address);
    if (wait > 0 || req.method !== 'POST' || req.getPath() !== '/directline/tokens/generate') return wait;
    return take(limits.tokens, address);
  };
  // A callback middleware (restify refuses an async one with three parameters).
  return (req: Request, res: Response, next: (err?: unknown) => void): void => {
    const path = req.getPath();
    if (UNLIMITED.has(path) || (path === '/api/messages' && config.MicrosoftAppId)) return next();
    check(req).then(
      (wait) => {
        if (wait === 0) return next();
        sendTooMany(res, wait);
        next(false);
      },
      (error: unknown) => next(error),
    );
  };
}

/**
 * The request repository as the dialogs see it: follow-up checks and submissions are limited per
 * client address (the address of the HTTP request the turn came from, which the dialogs pass as
 * `clientAddress`; without one, not limited: tests, proactive turns).
 */
export function limitedRequests(requests: RequestRepository, limits: RateLimits): RequestRepository {
  return new Proxy(requests, {
    get(target, property, receiver) {
      if (property === 'verifyFollowUp') {
        return async (reference: string, code: string, options?: FollowUpCheckOptions) => {
          const address = options?.clientAddress;
          const wait = address ? await take(limits.followUp, address) : 0;
          if (wait > 0) throw new FollowUpLockedError(wait);
          return target.verifyFollowUp(reference, code);
        };
      }
      if (property === 'submit') {
        return async (...[draft, idempotencyKey, options]: Parameters<RequestRepository['submit']>) => {
          const { clientAddress: address, ...rest } = options ?? {};
          const wait = address ? await take(limits.submissions, address) : 0;
          if (wait > 0) throw Object.assign(new Error('too many submissions from this address'), { name: 'RateLimitedError' });
          return target.submit(draft, idempotencyKey, options ? rest : undefined);
        };
      }
      const value = Reflect.get(target, property, receiver);
      return typeof value === 'function' ? value.bind(target) : value;
    },
  });
}
