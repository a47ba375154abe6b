import { hash } from 'node:crypto';
import pino, { type DestinationStream, type Logger } from 'pino';

export type { Logger };

/**
 * Structured JSON logs. What people type and who they are never reach a log line: callers pass
 * counts, codes and durations only, and identifiers go through `pseudonym()`.
 */
export function createLogger(level: string, destination?: DestinationStream): Logger {
  return pino(
    {
      level,
      base: { service: 'guichet-iae' },
      timestamp: pino.stdTimeFunctions.isoTime,
      formatters: { level: (label) => ({ level: label }) },
    },
    destination,
  );
}

/**
 * A short stable hash to correlate log lines of one conversation without revealing its id (SHA-256,
 * through the one-shot `crypto.hash`: the same digest without a Hash object per log line).
 */
export function pseudonym(id: string | undefined): string | undefined {
  return id ? hash('sha256', id, 'hex').slice(0, 12) : undefined;
}
