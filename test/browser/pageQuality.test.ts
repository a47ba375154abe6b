import { mkdirSync, writeFileSync } from 'node:fs';
import AxeBuilder from '@axe-core/playwright';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { translator } from '../../locales/i18n';
import { projectPath } from '../../knowledge/projectFiles';
import { buildWebAssets } from '../../bot/http/webAssets';
import { createFeatures } from '../../dialogs/features';
import type { OpenedStore } from '../../stores/appStore';
import { startApp, type RunningApp } from '../support/appServer';
import { demoDirectory } from '../support/demoDirectory';
import { describeWithBrowser, launchChromium } from '../support/browser';

const fr = translator('fr');
const OUT = projectPath('test-output', 'browser');
/** A pattern matching a text whether its apostrophes are straight or typographic. */
const typographic = (text: string) => new RegExp(text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/'/g, "['’]"));
const FOUND = /J['’]ai trouvé \d+ résultats? \(chantiers d['’]insertion\)/;

/** Records every Content-Security-Policy violation the page reports, and console errors. */
async function watchPolicy(page: Page): Promise<string[]> {
  const problems: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error' && /Content Security Policy|Refused to/i.test(message.text())) problems.push(message.text());
  });
  await page.exposeFunction('__reportViolation', (text: string) => problems.push(text));
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (e) => {
      (window as unknown as { __reportViolation(t: string): void }).__reportViolation(`${e.violatedDirective} ${e.blockedURI}`);
    });
  });
  return problems;
}

/** axe-core's WCAG 2.0/2.1 A and AA rules; returns the serious and critical violations. */
async function audit(page: Page, name: string): Promise<Array<{ id: string; impact?: string | null; nodes: string[] }>> {
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  writeFileSync(`${OUT}/axe-${name}.json`, JSON.stringify(results.violations, null, 2));
  return results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => ({ id: v.id, impact: v.impact, nodes: v.nodes.map((n) => n.target.join(' ')).slice(0, 5) }));
}

async function send(page: Page, text: string): Promise<void> {
  const box = page.getByRole('textbox').first();
  await box.fill(text);
  await box.press('Enter');
}

async function searchAciLamentin(page: Page): Promise<void> {
  await page.getByRole('button', { name: fr('search:menu') }).last().click();
  await page.getByText(fr('search:askKind')).first().waitFor({ timeout: 20_000 });
  await page.getByRole('button', { name: typographic("Chantier d'insertion") }).last().click();
  await page.getByText(fr('search:askPlace')).first().waitFor({ timeout: 20_000 });
  await send(page, 'Le Lamentin (972)');
  await page.getByText(FOUND).first().waitFor({ timeout: 20_000 });
  await page.locator('.ac-adaptiveCard').first().waitFor({ timeout: 20_000 });
}

describeWithBrowser('web page and kiosk in headless Chromium: CSP, phone, accessibility, keyboard', () => {
  let running: RunningApp;
  let browser: Browser;
  let store: OpenedStore;
  let context: BrowserContext;

  beforeAll(async () => {
    mkdirSync(OUT, { recursive: true });
    // The build's compressed copies (kept between runs; the first build takes a while).
    buildWebAssets();
    const demo = await demoDirectory();
    store = demo.store;
    running = await startApp({ features: createFeatures({ directory: demo.directory }) });
    browser = await launchChromium();
  }, 600_000);

  afterAll(async () => {
    await browser?.close();
    await running?.close();
    await store?.close();
  });

  beforeEach(async () => {
    context = await browser.newContext({ viewport: { width: 1000, height: 900 } });
  });
  afterEach(async () => {
    await context?.close();
  });

  it('runs a conversation with cards under the page CSP, with no violation, and no serious or critical axe violation', async () => {
    const page = await context.newPage();
    const problems = await watchPolicy(page);
    await page.goto(`${running.baseUrl}/`);
    await page.getByText(fr('common:menu.prompt')).first().waitFor({ timeout: 20_000 });
    await searchAciLamentin(page);
    await page.screenshot({ path: `${OUT}/page-cards.png`, fullPage: true });
    expect(problems).toEqual([]);
    expect(await audit(page, 'page')).toEqual([]);
  }, 120_000);

  it('on a 390×844 phone: every menu button visible without sideways scrolling, a small header, one demo notice per card', async () => {
    await context.close();
    context = await browser.newContext({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true, deviceScaleFactor: 2 });
    const page = await context.newPage();
    await page.goto(`${running.baseUrl}/`);
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

  it('completes a search with the keyboard only', async () => {
    const page = await context.newPage();
    await page.goto(`${running.baseUrl}/`);
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
});
