import type { Request, Response, Server } from 'restify';
import { sendProblem } from './http/problem';
import { IdleCompaction } from './idleCompaction';
import type { Logger } from './logger';

const PROBES = new Set(['/healthz', '/readyz']);

/**
 * The server's life: requests in flight are counted; once draining, /readyz answers 503 and every
 * new request (on a kept-alive connection) gets a 503 with `Connection: close`.
 */
export class Lifecycle {
  private drainingSince?: number;
  private inFlight = 0;
  private readonly idleWaiters = new Set<() => void>();

  /** `compaction`: what gives the heap back once no request came for a while (idleCompaction.ts). */
  constructor(readonly compaction: IdleCompaction = new IdleCompaction()) {}

  get draining(): boolean {
    return this.drainingSince !== undefined;
  }

  get requestsInFlight(): number {
    return this.inFlight;
  }

  /** restify middleware. */
  readonly track = (req: Request, res: Response, next: (err?: unknown) => void): void => {
    if (this.draining && !PROBES.has(req.getPath())) {
      res.header('Connection', 'close');
      res.header('Retry-After', '5');
      sendProblem(res, 503, 'shutting_down', 'this instance is stopping: try again');
      return next(false);
    }
    this.inFlight += 1;
    if (!PROBES.has(req.getPath())) this.compaction.busy();
    let done = false;
    const finish = () => {
      if (done) return;
      done = true;
      this.inFlight -= 1;
      if (this.inFlight === 0) {
        for (const wake of this.idleWaiters) wake();
        if (!this.draining) this.compaction.idle();
      }
    };
    res.once('finish', finish);
    res.once('close', finish);
    next();
  };

  startDraining(): void {
    this.drainingSince ??= Date.now();
    this.compaction.stop();
  }

  /** Resolves true once nothing is in flight, false if `ms` pass first. */
  waitIdle(ms: number): Promise<boolean> {
    if (this.inFlight === 0) return Promise.resolve(true);
    return new Promise((resolve) => {
      const wake = () => {
        clearTimeout(timer);
        this.idleWaiters.delete(wake);
        resolve(true);
      };
      const timer = setTimeout(() => {
        this.idleWaiters.delete(wake);
        resolve(false);
      }, ms);
      this.idleWaiters.add(wake);
    });
  }
}

/**
 * SIGTERM: /readyz goes 503 and new requests get a 503 (the load balancer moves on), turns in
 * flight get `graceMs` to finish, then the listening socket and the connections close, the timers
 * stop and the store closes. Resolves when done.
 */
export async function shutDown(deps: {
  lifecycle: Lifecycle;
  server: Server;
  graceMs: number;
  logger: Logger;
  closeStore: () => Promise<void>;
  stopTimers?: () => void;
}): Promise<{ finished: boolean }> {
  const { lifecycle, server, logger } = deps;
  lifecycle.startDraining();
  logger.info({ event: 'draining', inFlight: lifecycle.requestsInFlight, graceMs: deps.graceMs });
  const finished = await lifecycle.waitIdle(deps.graceMs);
  if (!finished) logger.warn({ event: 'shutdown_grace_over', inFlight: lifecycle.requestsInFlight });
  server.server.close();
  server.server.closeAllConnections?.();
  deps.stopTimers?.();
  await deps.closeStore().catch((error: unknown) => logger.warn({ event: 'store_close_failed', errorName: (error as Error)?.name }));
  logger.info({ event: 'stopped', finished });
  return { finished };
}
