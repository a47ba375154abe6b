import { existsSync } from 'node:fs';
import { chromium, type Browser } from 'playwright-core';
import type { AppStore } from '../../bot/app';
import { buildWebAssets } from '../../bot/http/webAssets';
import { createFeatures } from '../../dialogs/features';
import type { OpenedStore } from '../../stores/appStore';
import type { DirectoryRepository } from '../../stores/directory';
import { startApp, type RunningApp } from './appServer';
import { demoDirectory } from './demoDirectory';

/** Flags that keep Debian's Chromium quiet and offline when run headless as root. */
const FLAGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-dev-shm-usage',
];

export const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const browserAvailable = existsSync(chromiumPath);

/**
 * Browser suites run when Chromium is installed. Without it they fail when REQUIRE_BROWSER=1 (CI)
 * and otherwise say loudly that they were skipped: never a silent pass.
 */
export function describeWithBrowser(name: string, body: () => void): void {
  if (browserAvailable) {
    describe(name, body);
    return;
  }
  if (process.env.REQUIRE_BROWSER === '1') {
    describe(name, () => {
      it('needs Chromium', () => {
        throw new Error(`REQUIRE_BROWSER=1 but no Chromium at ${chromiumPath} (apt-get install chromium)`);
      });
    });
    return;
  }
  console.warn(`\n*** SKIPPED browser suite "${name}": no Chromium at ${chromiumPath} (apt-get install chromium) ***\n`);
  const skipped = describe.skip;
  skipped(name, body);
}

/** Playwright's launch() gives Chromium a fresh, empty profile of its own each time. */
export async function launchChromium(): Promise<Browser> {
  return chromium.launch({ executablePath: chromiumPath, headless: true, args: FLAGS });
}

/** What a browser suite works with: the web app on the demo directory, and a Chromium. */
export interface WebAppInChromium {
  running: RunningApp;
  browser: Browser;
  directory: DirectoryRepository;
}

/**
 * Starts, before the suite's tests, the web app with the bot's features on the Martinique demo
 * directory (embedded store, in memory) and its web assets built, and Chromium; closes them after.
 * The object is filled in by the beforeAll hook: read its fields inside hooks and tests.
 */
export function useWebAppInChromium(options: { env?: NodeJS.ProcessEnv; store?: AppStore } = {}): WebAppInChromium {
  const suite = {} as WebAppInChromium;
  let store: OpenedStore | undefined;
  beforeAll(async () => {
    // The build's compressed copies (kept between runs; the first build takes a while).
    buildWebAssets();
    const demo = await demoDirectory();
    store = demo.store;
    suite.directory = demo.directory;
    suite.running = await startApp({ ...options, features: createFeatures({ directory: demo.directory }) });
    suite.browser = await launchChromium();
  }, 600_000);
  afterAll(async () => {
    await suite.browser?.close();
    await suite.running?.close();
    await store?.close();
  });
  return suite;
}
