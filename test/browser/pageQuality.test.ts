import { mkdirSync, writeFileSync } from 'node:fs';
import type { BrowserContext } from 'playwright-core';
import { translator } from '../../locales/i18n';
import { describeWithBrowser, useWebAppInChromium } from '../support/browser';
import { audit, FOUND, OUT, searchAciLamentin, send, typographic, watchPolicy } from './pageHelpers';

const fr = translator('fr');
describeWithBrowser('web page and kiosk in headless Chromium: CSP, phone, accessibility, keyboard', () => {
  const web = useWebAppInChromium();
  let context: BrowserContext;

  beforeAll(() => mkdirSync(OUT, { recursive: true }));

  beforeEach(async () => {
    context = await web.browser.newContext({ viewport: { width: 1000, height: 900 } });
  });
  afterEach(async () => {
    await context?.close();
  });

  it('runs a conversation with cards under the page CSP, with no violation, and no serious or critical axe violation', async () => {
    const page = await context.newPage();
    const problems = await watchPolicy(page);
    await page.goto(`${web.running.baseUrl}/`);
    await page.getByText(fr('common:menu.prompt')).first().waitFor({ timeout: 20_000 });
    await searchAciLamentin(page);
    await page.screenshot({ path: `${OUT}/page-cards.png`, fullPage: true });
    expect(problems).toEqual([]);
    expect(await audit(page, 'page')).toEqual([]);
  }, 120_000);

  it('on a 390×844 phone: every menu button visible without sideways scrolling, a small header, one demo notice per card', async () => {
    await context.close();
    context = await web.browser.newContext({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true, deviceScaleFactor: 2 });
    const page = await context.newPage();
    await page.goto(`${web.running.baseUrl}/`);
    await page.getByText(fr('common:menu.prompt')).first().waitFor({ timeout: 20_000 });
    const buttons = page.locator('.webchat__suggested-actions button');
    await buttons.first().waitFor();
    const boxes = await buttons.evaluateAll((elements) => elements.map((e) => e.getBoundingClientRect()).map((r) => ({ left: r.left, right: r.right, width: r.width })));
    expect(boxes.length).toBeGreaterThanOrEqual(5);
    for (const box of boxes) {
      expect(box.left).toBeGreaterThanOrEqual(0);
      expect(box.right).toBeLessThanOrEqual(390);
    }
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    const header = await page.locator('body > header').boundingBox();
    expect(header?.height ?? 999).toBeLessThanOrEqual(844 / 8);
    await page.screenshot({ path: `${OUT}/phone-menu.png` });

    await searchAciLamentin(page);
    const cards = page.locator('.ac-adaptiveCard');
    const texts = await cards.evaluateAll((elements) => elements.map((e) => e.textContent ?? ''));
    expect(texts.length).toBeGreaterThan(0);
    for (const text of texts) expect(text.match(/fictif|fictive/gi) ?? []).toHaveLength(1);
    await page.screenshot({ path: `${OUT}/phone-cards.png` });
  }, 120_000);

  it('the « Français facile » switch asks for easy wording, and says it is on', async () => {
    const page = await context.newPage();
    await page.goto(`${web.running.baseUrl}/`);
    await page.getByText(fr('common:menu.prompt')).first().waitFor({ timeout: 20_000 });
    const toggle = page.getByRole('button', { name: fr('web:easy.label') });
    expect(await toggle.getAttribute('aria-pressed')).toBe('false');
    await toggle.click();
    expect(await toggle.getAttribute('aria-pressed')).toBe('true');
    await page.getByText(typographic(translator('fr', 'easy')('common:menu.prompt'))).first().waitFor({ timeout: 20_000 });
    await page.getByText(typographic(fr('common:wording.easy').split('.')[0]!)).first().waitFor();
    await toggle.click();
    await page.getByText(typographic(fr('common:wording.standard'))).first().waitFor({ timeout: 20_000 });
  }, 60_000);

  it('completes a search with the keyboard only', async () => {
    const page = await context.newPage();
    await page.goto(`${web.running.baseUrl}/`);
    await page.getByText(fr('common:menu.prompt')).first().waitFor({ timeout: 20_000 });
    const focusedButton = () =>
      page.evaluate(() => {
        const e = document.activeElement as HTMLElement | null;
        return e?.tagName === 'BUTTON' ? (e.innerText ?? '') : '';
      });
    /**
     * Tabs to the suggested actions (one tab stop, as a toolbar), then moves with the arrow keys to
     * the button whose text matches and presses Enter.
     */
    const tabTo = async (pattern: RegExp) => {
      for (let i = 0; i < 30; i += 1) {
        await page.keyboard.press('Tab');
        if (await page.evaluate(() => document.activeElement?.classList.contains('webchat__suggested-action'))) break;
      }
      for (let i = 0; i < 20; i += 1) {
        if (pattern.test(await focusedButton())) {
          await page.keyboard.press('Enter');
          return;
        }
        await page.keyboard.press('ArrowRight');
      }
      throw new Error(`no suggested action matching ${pattern} reached with the keyboard`);
    };
    await tabTo(new RegExp(fr('search:menu')));
    await page.getByText(fr('search:askKind')).first().waitFor({ timeout: 20_000 });
    await tabTo(typographic("Chantier d'insertion"));
    await page.getByText(fr('search:askPlace')).first().waitFor({ timeout: 20_000 });
    // The send box: typed into, sent with Enter.
    for (let i = 0; i < 60; i += 1) {
      if (await page.evaluate(() => document.activeElement?.tagName === 'INPUT' || document.activeElement?.tagName === 'TEXTAREA')) break;
      await page.keyboard.press('Tab');
    }
    await page.keyboard.type('Le Lamentin (972)');
    await page.keyboard.press('Enter');
    await page.getByText(FOUND).first().waitFor({ timeout: 20_000 });
    await page.screenshot({ path: `${OUT}/keyboard-search.png`, fullPage: true });
  }, 120_000);

  /**
   * Time to the first bot message on a throttled 4G phone (9 Mbit/s down, 1.5 Mbit/s up, 170 ms
   * round trip, through Chromium's own network emulation), from a cold cache. Measured and written
   * to test-output/browser/first-message-4g.json; never asserted (timings belong to benchmarks).
   */
  it('measures the first bot message under throttled 4G (reported, not asserted)', async () => {
    const measure = async (acceptEncoding?: string) => {
      const cold = await web.browser.newContext({ viewport: { width: 390, height: 844 }, isMobile: true });
      const page = await cold.newPage();
      const cdp = await cold.newCDPSession(page);
      await cdp.send('Network.enable');
      await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
      await cdp.send('Network.emulateNetworkConditions', { offline: false, latency: 170, downloadThroughput: (9_000_000 / 8), uploadThroughput: (1_500_000 / 8) });
      if (acceptEncoding) await cdp.send('Network.setExtraHTTPHeaders', { headers: { 'Accept-Encoding': acceptEncoding } });
      const hello = fr('common:welcome.hello');
      await page.addInitScript((text: string) => {
        const w = window as unknown as { __firstMessageAt?: number };
        new MutationObserver((_m, observer) => {
          if (document.body?.innerText.includes(text)) {
            w.__firstMessageAt = performance.now();
            observer.disconnect();
          }
        }).observe(document, { subtree: true, childList: true, characterData: true });
      }, hello);
      await page.goto(`${web.running.baseUrl}/`);
      await page.getByText(hello).first().waitFor({ timeout: 60_000 });
      const figures = await page.evaluate(() => {
        const resources = performance.getEntriesByType('resource') as PerformanceResourceTiming[];
        const webchat = resources.find((r) => r.name.endsWith('/webchat.js'));
        const navigation = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming | undefined;
        return {
          firstBotMessageMs: Math.round((window as unknown as { __firstMessageAt: number }).__firstMessageAt),
          webchatJsReceivedMs: webchat ? Math.round(webchat.responseEnd) : undefined,
          scriptsRunMs: navigation ? Math.round(navigation.domContentLoadedEventEnd) : undefined,
          webchatJsTransferBytes: webchat?.transferSize,
          webchatJsDecodedBytes: webchat?.decodedBodySize,
          totalTransferBytes: resources.reduce((sum, r) => sum + r.transferSize, 0),
        };
      });
      await cold.close();
      return figures;
    };
    const compressed = await measure();
    const identity = await measure('identity');
    const report = { profile: '9 Mbit/s down, 1.5 Mbit/s up, 170 ms RTT (CDP Network.emulateNetworkConditions), cold cache, 390x844', compressed, uncompressed: identity };
    writeFileSync(`${OUT}/first-message-4g.json`, `${JSON.stringify(report, null, 2)}\n`);
    console.log(`first bot message under throttled 4G: ${JSON.stringify(report)}`);
    expect(compressed.webchatJsDecodedBytes).toBeGreaterThan(compressed.webchatJsTransferBytes ?? Infinity);
  }, 180_000);
});
