import { existsSync } from 'node:fs';
import { MemoryStorage } from 'botbuilder';
import { createFeatures } from '../dialogs/features';
import { createApp } from './app';
import { ConfigError, loadConfig, type Config } from './config';
import { createLogger } from './logger';

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
  const store = { kind: 'memory' as const, stateStorage: new MemoryStorage(), ping: async () => true };
  const app = createApp({ config, logger, store, features: createFeatures() });
  app.server.listen(config.PORT, config.HOST, () => {
    const address = app.server.address();
    logger.info({ event: 'listening', port: address.port, store: store.kind }, `Guichet IAE on http://localhost:${address.port}/`);
  });
  const stop = (signal: string) => {
    logger.info({ event: 'stopping', signal });
    app.server.close(() => process.exit(0));
    setTimeout(() => process.exit(0), 5000).unref();
  };
  process.on('SIGTERM', () => stop('SIGTERM'));
  process.on('SIGINT', () => stop('SIGINT'));
}

main().catch((error) => {
  console.error('Guichet IAE could not start:', error instanceof Error ? error.message : error);
  process.exit(1);
});
