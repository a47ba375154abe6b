import { recognizeChoices } from 'botbuilder-dialogs';
import { warmUpFaq } from '../knowledge/faq';
import { warmUnderstanding } from '../knowledge/understanding/understand';
import { warmUpTerritory } from '../knowledge/territory/resolve';
import { modelWarmSteps } from '../knowledge/understanding/recognizers';
import { recognizerPatternCounts } from '../knowledge/understanding/recognizerPatterns';
import { loadMartiniqueDemo } from '../knowledge/directory/demo';
import type { OpenedStore } from '../stores/appStore';
import type { DirectoryRepository } from '../stores/directory';
import type { RequestRepository } from '../stores/requests/requestRepository';
import type { Logger } from './logger';

/**
 * Puts the bundled demo structures in the directory (upsert: unchanged ones are not rewritten),
 * or takes them out when demo data is turned off.
 */
export async function seedDemoDirectory(directory: DirectoryRepository, enabled: boolean, logger: Logger): Promise<void> {
  const demo = loadMartiniqueDemo();
  if (enabled) {
    const counts = await directory.upsertMany(demo);
    logger.info({ event: 'demo_directory', ...counts });
  } else {
    const removed = await directory.removeByIds(demo.map((s) => s.id));
    logger.info({ event: 'demo_directory_removed', removed });
  }
}

const DAY_MS = 24 * 60 * 60 * 1000;

/** Loads the geography, the FAQ and the understanding now, so the first person does not wait. */
export function warmUp(logger: Logger): void {
  const started = Date.now();
  warmUpTerritory();
  const territoryMs = Date.now() - started;
  warmUpFaq();
  const faqMs = Date.now() - started - territoryMs;
  warmUnderstanding({ numbers: false });
  logger.info({ event: 'warmed_up', territoryMs, faqMs, understandingMs: Date.now() - started - territoryMs - faqMs });
}

/** The recognizers' warm-up, one step per model family and language (each compiles its regular expressions once). */
export function recognizerWarmSteps(): Array<() => void> {
  // botbuilder-dialogs' choice positions read with the same number module (warmed above); what they add is warmed too.
  const choices = (locale: string) => () => void recognizeChoices('le deuxième, 2', ['a', 'b'], { locale });
  return [...modelWarmSteps(), choices('fr-fr'), choices('en-us')];
}

/**
 * Compiles the recognizers' regular expressions (dates, ages, numbers, choice positions: about a
 * second of CPU once made light) before the server listens: readiness means that no message waits
 * for them.
 */
export function warmRecognizers(logger: Logger): void {
  const started = Date.now();
  for (const step of recognizerWarmSteps()) step();
  const cpu = process.cpuUsage();
  // patterns: the recognizers' expressions built from the build's saved translations, and those XRegExp translated (none in the built bot).
  logger.info({ event: 'recognizers_warmed', ms: Date.now() - started, cpuMs: Math.round((cpu.user + cpu.system) / 1000), patterns: recognizerPatternCounts() });
}

/**
 * Forgets conversation and user state idle for longer than the retention period, now and then
 * every six hours. Returns a function that stops the timer.
 */
export function scheduleStatePurge(store: OpenedStore, retentionDays: number, logger: Logger): () => void {
  const purge = async () => {
    try {
      const removed = await store.stateStorage.purgeWrittenBefore(new Date(Date.now() - retentionDays * DAY_MS));
      if (removed > 0) logger.info({ event: 'state_purged', removed, retentionDays });
    } catch (error) {
      logger.warn({ event: 'state_purge_failed', error: error instanceof Error ? error.name : 'unknown' });
    }
  };
  void purge();
  const timer = setInterval(purge, 6 * 60 * 60 * 1000);
  timer.unref();
  return () => clearInterval(timer);
}

/**
 * Deletes the requests past their retention period (as `npm run purge` does), now and then every
 * day. Counts only in the log. Returns a function that stops the timer.
 */
export function scheduleRequestsPurge(requests: RequestRepository, logger: Logger, everyMs = DAY_MS): () => void {
  const purge = async () => {
    try {
      const { total, byStatus } = await requests.purgeExpired();
      if (total > 0) logger.info({ event: 'requests_purged', total, byStatus });
    } catch (error) {
      logger.warn({ event: 'requests_purge_failed', error: error instanceof Error ? error.name : 'unknown' });
    }
  };
  void purge();
  const timer = setInterval(purge, everyMs);
  timer.unref();
  return () => clearInterval(timer);
}
