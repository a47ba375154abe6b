import { existsSync } from 'node:fs';
import { chromium, type Browser } from 'playwright-core';

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
