import { existsSync } from 'node:fs';
import { createFeatures, quarterHourToday, territoryTimeZone } from '../dialogs/features';
import { openStore } from '../stores/appStore';
import { redactUri } from '../stores/mongoConnection';
import { getFaqEntry, searchFaq } from '../knowledge/faq';
import { openDirectory } from '../stores/directory';
import { openRequestStores } from '../stores/requests/openRequests';
import { registerDirectoryRoutes } from './api/directoryRoutes';
import { registerEligibilityRoutes } from './api/eligibilityRoutes';
import { registerUnderstandRoutes } from './api/understandRoutes';
import { understand } from '../knowledge/understanding/understand';
import { registerOpenApiRoute } from './api/openapiRoute';
import { ApplicantNotifier } from './channels/applicantNotifier';
import { createApp } from './app';
import { ConfigError, DEVELOPMENT_SUBJECT_KEY_SECRET, isOpenWithoutAuthentication, listenHost, loadConfig, servedTerritoryOf, type Config } from './config';
import { shutDown } from './lifecycle';
import { limitedRequests } from './rateLimits';
import { openSharedState } from './sharedState';
import { withTimeout } from '../stores/timeouts';
import { createLogger } from './logger';
import { scheduleRequestsPurge, scheduleStatePurge, seedDemoDirectory, warmRecognizers, warmUp } from './startup';

/** Exit code for a bad configuration (EX_CONFIG in sysexits.h). */
const EXIT_BAD_CONFIG = 78;

function readConfig(): Config {
  if (existsSync('.env')) process.loadEnvFile('.env');
  try {
    return loadConfig();
  } catch (error) {
    if (error instanceof ConfigError) {
      console.error(error.message);
      process.exit(EXIT_BAD_CONFIG);
    }
    throw error;
  }
}

async function main(): Promise<void> {
  const config = readConfig();
  const logger = createLogger(config.LOG_LEVEL);
  const store = await openStore({ mongodbUri: config.MONGODB_URI, mongodbDb: config.MONGODB_DB, dataDir: config.DATA_DIR });
  logger.info({
    event: 'store_opened',
    store: store.kind,
    where: store.kind === 'mongodb' ? redactUri(config.MONGODB_URI ?? '') : config.DATA_DIR,
  });
  const stopPurge = scheduleStatePurge(store, config.STATE_RETENTION_DAYS, logger);
  warmUp(logger);

  const opened = await openDirectory(store.backend);
  await seedDemoDirectory(opened, config.DEMO_DATA, logger);
  const stores = await openRequestStores(store.backend, {
    onFollowUpLocked: (event) => logger.warn({ event: 'follow_up_locked', ...event }, 'a request reference is locked after wrong follow-up codes'),
  });
  const stopRequestsPurge = scheduleRequestsPurge(stores.requests, logger);
  // What a turn asks of the store fails fast when the store does not answer (STORE_TIMEOUT_MS).
  const timeout = config.STORE_TIMEOUT_MS;
  // On MongoDB, web chat conversations, turn order and rate limits are shared by every instance.
  const shared = await openSharedState(store.backend, config);
  const rateLimits = shared.rateLimits;
  const directory = withTimeout(opened, timeout, 'directory');
  const requests = limitedRequests(withTimeout(stores.requests, timeout, 'requests'), rateLimits);
  const advisers = withTimeout(stores.advisers, timeout, 'advisers');
  if (!config.SUBJECT_KEY_SECRET) logger.warn({ event: 'development_subject_key_secret' }, 'SUBJECT_KEY_SECRET is not set: using the development value');
  const notifier = new ApplicantNotifier(withTimeout(store.stateStorage, timeout, 'notices'));
  const territory = servedTerritoryOf(config);
  logger.info({ event: 'territory', territory: territory ?? 'FR' });
  const understandHere: typeof understand = (text, locale, context) => understand(text, locale, { territory, ...context });
  const app = createApp({
    notifier,
    understand: understandHere,
    territory,
    config,
    logger,
    store,
    rateLimits,
    shared,
    features: createFeatures({
      directory,
      requests,
      advisers,
      notifier,
      subjectSecret: config.SUBJECT_KEY_SECRET ?? DEVELOPMENT_SUBJECT_KEY_SECRET,
      territory,
      faq: { searchFaq, getFaqEntry },
    }),
    apiRoutes: [
      (server) => registerEligibilityRoutes(server, { today: quarterHourToday(Date.now, territoryTimeZone(territory)) }),
      (server) => registerDirectoryRoutes(server, directory, { territory }),
      (server) => registerUnderstandRoutes(server, understand, { territory }),
      registerOpenApiRoute,
    ],
  });
  if (isOpenWithoutAuthentication(config)) {
    logger.warn({ event: 'unauthenticated_network', host: listenHost(config) }, 'no MicrosoftAppId and not on loopback: anyone who reaches this port can talk to the bot as anyone');
  }
  // Last before listening: readiness means that no message waits for the recognizers.
  warmRecognizers(logger);
  app.server.listen(config.PORT, listenHost(config), () => {
    const address = app.server.address();
    const cpu = process.cpuUsage();
    // Time since the process started and the CPU it used to get here (the start-up cost, whatever else runs on the machine).
    // codeCache: whether the built bot started from V8's code cache of its bundle (bot/launcher.ts).
    const startup = { uptimeMs: Math.round(process.uptime() * 1000), cpuMs: Math.round((cpu.user + cpu.system) / 1000), codeCache: process.env.CODE_CACHE_STATUS };
    logger.info({ event: 'listening', port: address.port, store: store.kind, ...startup }, `Guichet IAE on http://localhost:${address.port}/`);
  });

  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info({ event: 'stopping', signal });
    void shutDown({
      lifecycle: app.lifecycle,
      server: app.server,
      graceMs: config.SHUTDOWN_GRACE_SECONDS * 1000,
      logger,
      closeStore: () => store.close(),
      stopTimers: () => {
        stopPurge();
        stopRequestsPurge();
      },
    }).finally(() => process.exit(0));
  };
  process.on('SIGTERM', () => stop('SIGTERM'));
  process.on('SIGINT', () => stop('SIGINT'));
}

main().catch((error) => {
  console.error('Guichet IAE could not start:', error instanceof Error ? error.message : error);
  process.exit(1);
});
