import { mkdirSync, writeFileSync } from 'node:fs';
import type { BrowserContext, CDPSession, Page } from 'playwright-core';
import { translator } from '../../locales/i18n';
import { createFeatures } from '../../dialogs/features';
import { startApp, type RunningApp } from '../support/appServer';
import { describeWithBrowser, useWebAppInChromium } from '../support/browser';
import { audit, checkLayout, OUT, searchAciLamentin, type LayoutCheck } from './pageHelpers';

/**
 * WCAG 2.1 1.4.4 (resize text), 1.4.10 (reflow) and 2.3.3 (animation from interactions) on `/` and
 * `/kiosk`, after a conversation that shows cards.
 *
 * Larger text is the browser's own default font size, set through the DevTools protocol
 * (Page.setFontSizes: 16 px → 32 px, fixed 13 → 26), the setting a person changes in Chromium
 * (Settings › Appearance › Font size). Page zoom (Emulation.setPageScaleFactor) would scale pixels
 * too and so prove nothing about text; a root font-size injected by the test would be blocked by
 * the page's CSP and would override the kiosk's own 125 %. With the default size, text sized in
 * pixels stays as it was, which the test catches by comparing each text's size at 100 % and 200 %.
 */
const fr = translator('fr');
const STANDARD_PX = 16;
const FIXED_PX = 13;
/** Short, so that the kiosk shows its countdown at once (it shows for min(30 s, delay)). */
const KIOSK_IDLE_SECONDS = 20;

describeWithBrowser('text at 200 %, reflow at 320 px, reduced motion (WCAG 2.1 1.4.4, 1.4.10, 2.3.3) in headless Chromium', () => {
  const web = useWebAppInChromium();
  let quickKiosk: RunningApp;

  beforeAll(async () => {
    mkdirSync(OUT, { recursive: true });
    quickKiosk = await startApp({ env: { KIOSK_IDLE_SECONDS: String(KIOSK_IDLE_SECONDS) }, features: createFeatures({ directory: web.directory }) });
  });
  afterAll(() => quickKiosk?.close());

  const contexts: BrowserContext[] = [];
  afterEach(async () => {
    await Promise.all(contexts.splice(0).map((c) => c.close()));
  });

  /** The browser's default text size, `scale` times Chromium's own (applies to the open page at once). */
  const setTextScale = (cdp: CDPSession, scale: number) =>
    cdp.send('Page.setFontSizes', { fontSizes: { standard: STANDARD_PX * scale, fixed: FIXED_PX * scale } });

  /** Opens `path` with text at `scale`, starts the conversation (a touch on the kiosk) and shows cards. */
  async function conversationWithCards(path: '/' | '/kiosk', viewport: { width: number; height: number }, scale: number): Promise<{ page: Page; cdp: CDPSession }> {
    const context = await web.browser.newContext({ viewport });
    contexts.push(context);
    const page = await context.newPage();
    const cdp = await context.newCDPSession(page);
    await setTextScale(cdp, scale);
    await page.goto(`${web.running.baseUrl}${path}`);
    if (path === '/kiosk') await page.getByRole('button', { name: fr('web:kiosk.newPerson') }).click();
    await page.getByText(fr('common:menu.prompt')).first().waitFor({ timeout: 20_000 });
    await searchAciLamentin(page);
    // The turn ends with what to do next: the layout is read once everything is there.
    await page.getByRole('button', { name: fr('search:next.new') }).last().waitFor({ timeout: 20_000 });
    return { page, cdp };
  }

  const nameOf = (path: string) => (path === '/' ? 'page' : 'kiosk');
  async function record(page: Page, name: string, check: LayoutCheck): Promise<void> {
    writeFileSync(`${OUT}/${name}.json`, `${JSON.stringify(check, null, 2)}\n`);
    await page.screenshot({ path: `${OUT}/${name}.png`, fullPage: true });
  }

  for (const path of ['/', '/kiosk'] as const) {
    it(`${path}: at 200 % text every text is twice as large, none is clipped or overlapping, and the axe audit stays clean`, async () => {
      const { page, cdp } = await conversationWithCards(path, { width: 1280, height: 1024 }, 2);
      const large = await checkLayout(page);
      await record(page, `text-200-${nameOf(path)}`, large);
      expect(large.problems).toEqual([]);
      expect(await audit(page, `text-200-${nameOf(path)}`)).toEqual([]);

      await setTextScale(cdp, 1);
      const usual = await checkLayout(page);
      await record(page, `text-100-${nameOf(path)}`, usual);
      expect(usual.problems).toEqual([]);
      for (const [text, size] of Object.entries(usual.fontSizes)) {
        expect({ text, size: Number.isNaN(size) ? 'missing' : size }).toEqual({ text, size: expect.any(Number) });
        expect({ text, ratio: large.fontSizes[text]! / size }).toEqual({ text, ratio: expect.closeTo(2, 1) });
      }
    }, 150_000);

    it(`${path}: reflows at 320 CSS px, at 100 % and at 200 % text: no sideways scrolling, send box, send button and card buttons on screen`, async () => {
      const { page, cdp } = await conversationWithCards(path, { width: 320, height: 640 }, 2);
      const large = await checkLayout(page);
      await record(page, `reflow-320-text-200-${nameOf(path)}`, large);
      expect(large.problems).toEqual([]);
      await setTextScale(cdp, 1);
      const usual = await checkLayout(page);
      await record(page, `reflow-320-${nameOf(path)}`, usual);
      expect(usual.problems).toEqual([]);
      expect(usual.viewport.width).toBe(320);
    }, 150_000);
  }

  /** Every element (and ::before, ::after) that animates or has a transition, and the running animations. */
  const motion = (page: Page, root = 'body') =>
    page.evaluate((selector) => {
      const moving: string[] = [];
      const seconds = (list: string) => list.split(',').some((d) => parseFloat(d) > 0);
      for (const e of [document.querySelector(selector)!, ...Array.from(document.querySelectorAll(`${selector} *`))]) {
        for (const pseudo of [null, '::before', '::after']) {
          const s = getComputedStyle(e, pseudo);
          const what = `${e.tagName.toLowerCase()}.${String(e.className).split(/\s+/)[0]}${pseudo ?? ''}`;
          if (s.animationName !== 'none' && seconds(s.animationDuration)) moving.push(`${what} animation ${s.animationName} ${s.animationDuration}`);
          if (seconds(s.transitionDuration)) moving.push(`${what} transition ${s.transitionProperty} ${s.transitionDuration}`);
          if (s.scrollBehavior === 'smooth') moving.push(`${what} smooth scrolling`);
        }
      }
      return { moving, running: document.getAnimations().length };
    }, root);

  it('/: with prefers-reduced-motion, nothing animates, transitions or scrolls smoothly after a conversation with cards (some of it does without)', async () => {
    const usual = await conversationWithCards('/', { width: 1000, height: 900 }, 1);
    const withMotion = await motion(usual.page);
    // Web Chat's own transitions (carousel, arrows): without the preference, they are there.
    expect(withMotion.moving.length).toBeGreaterThan(0);

    const context = await web.browser.newContext({ viewport: { width: 1000, height: 900 }, reducedMotion: 'reduce' });
    contexts.push(context);
    const page = await context.newPage();
    await page.goto(`${web.running.baseUrl}/`);
    await page.getByText(fr('common:menu.prompt')).first().waitFor({ timeout: 20_000 });
    await searchAciLamentin(page);
    await page.getByRole('button', { name: fr('search:next.new') }).last().waitFor({ timeout: 20_000 });
    // Pointing at the carousel is what slides its arrows in.
    await page.locator('.webchat__carousel-filmstrip').first().hover();
    expect(await motion(page)).toEqual({ moving: [], running: 0 });
    await page.screenshot({ path: `${OUT}/reduced-motion-page.png` });
  }, 150_000);

  it('/kiosk: with prefers-reduced-motion, the idle countdown counts down without moving or animating', async () => {
    const context = await web.browser.newContext({ viewport: { width: 1280, height: 1024 }, reducedMotion: 'reduce' });
    contexts.push(context);
    const page = await context.newPage();
    await page.goto(`${quickKiosk.baseUrl}/kiosk`);
    await page.getByRole('button', { name: fr('web:kiosk.newPerson') }).click();
    await page.getByText(fr('common:welcome.hello')).first().waitFor({ timeout: 20_000 });
    const countdown = page.locator('#idle-warning');
    await countdown.waitFor({ state: 'visible', timeout: 20_000 });
    const first = { text: await countdown.textContent(), box: await countdown.boundingBox(), motion: await motion(page, '#idle-warning') };
    // The next second's text: the number changes, nothing else does.
    await page.waitForFunction((before) => document.getElementById('idle-warning')?.textContent !== before, first.text, { timeout: 5_000 });
    const next = { text: await countdown.textContent(), box: await countdown.boundingBox(), motion: await motion(page, '#idle-warning') };
    expect(next.text).not.toBe(first.text);
    expect(next.box).toEqual(first.box);
    expect(first.motion).toEqual({ moving: [], running: 0 });
    expect(next.motion).toEqual({ moving: [], running: 0 });
    expect(await motion(page)).toEqual({ moving: [], running: 0 });
    await page.screenshot({ path: `${OUT}/reduced-motion-kiosk-countdown.png` });
  }, 120_000);
});
