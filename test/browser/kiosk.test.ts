import { mkdirSync } from 'node:fs';
import { MemoryStorage } from 'botbuilder';
import type { Page } from 'playwright-core';
import { translator } from '../../locales/i18n';
import { describeWithBrowser, useWebAppInChromium } from '../support/browser';
import { audit, OUT, searchAciLamentin, send, typographic, until, watchPolicy } from './pageHelpers';

const fr = translator('fr');
/** Short enough for a test; the countdown then shows for the whole delay (min(30 s, delay)). */
const IDLE_SECONDS = 20;

describeWithBrowser('kiosk (/kiosk) in headless Chromium', () => {
  /** The bot's conversation and user state, readable by the test. */
  const memory: Record<string, string> = {};
  const web = useWebAppInChromium({
    env: { KIOSK_IDLE_SECONDS: String(IDLE_SECONDS) },
    store: { kind: 'memory', stateStorage: new MemoryStorage(memory), ping: async () => true },
  });

  beforeAll(() => mkdirSync(OUT, { recursive: true }));

  /** Opens the kiosk and records the conversation ids it is given. */
  async function openKiosk(): Promise<{ page: Page; conversations: string[]; problems: string[] }> {
    // A context of its own: axe opens a page beside it to gather its results.
    const context = await web.browser.newContext({ viewport: { width: 1280, height: 1024 } });
    const page = await context.newPage();
    // Closing the page closes its context; what was still pending on them may fail late, harmlessly.
    page.on('close', () => {
      context.close().catch(() => undefined);
    });
    const problems = await watchPolicy(page);
    const conversations: string[] = [];
    page.on('response', (response) => {
      if (!response.url().endsWith('/directline/tokens/generate')) return;
      // The body may be read after the test closed the page: that late read is not a failure.
      response
        .json()
        .then((body: { conversationId: string }) => conversations.push(body.conversationId))
        .catch(() => undefined);
    });
    await page.goto(`${web.running.baseUrl}/kiosk`);
    return { page, conversations, problems };
  }

  /** The stored state of a conversation (MemoryStorage leaves a deleted key set to undefined). */
  const stateOf = (conversationId: string) => Object.keys(memory).filter((key) => key.includes(conversationId) && memory[key] !== undefined);

  it('starts on a touch, shows eligibility and structures, prints a summary of them; passes axe with no CSP violation', async () => {
    const { page, conversations, problems } = await openKiosk();
    await page.getByText(fr('web:kiosk.intro')).waitFor();
    expect(conversations).toEqual([]);
    await page.getByRole('button', { name: fr('web:kiosk.newPerson') }).click();
    await page.getByText(fr('common:welcome.hello')).first().waitFor({ timeout: 20_000 });

    await page.getByRole('button', { name: fr('eligibilityDialog:menu') }).last().click();
    await page.getByRole('button', { name: fr('eligibilityDialog:minima.choices.RSA') }).last().click();
    await page.locator('#webchat').getByText(typographic(fr('eligibilityDialog:allEligible'))).first().waitFor({ timeout: 20_000 });
    await send(page, 'menu');
    await searchAciLamentin(page);

    expect(stateOf(conversations[0]!).length).toBeGreaterThan(0);
    const print = page.getByRole('button', { name: fr('web:kiosk.print') });
    await print.waitFor();
    const summary = page.locator('#summary');
    const firstCard = await page.locator('.ac-adaptiveCard').first().locator('p').first().textContent();
    expect(await summary.textContent()).toContain(fr('eligibilityDialog:allEligible'));
    expect(await summary.textContent()).toContain(firstCard);
    expect(await summary.textContent()).toContain(fr('web:summary.structures'));
    // On screen the summary is hidden; printed, only the summary shows.
    expect(await summary.isVisible()).toBe(false);
    await page.emulateMedia({ media: 'print' });
    expect(await summary.isVisible()).toBe(true);
    expect(await page.locator('#webchat').isVisible()).toBe(false);
    await page.screenshot({ path: `${OUT}/kiosk-print-view.png`, fullPage: true });
    await page.pdf({ path: `${OUT}/kiosk-summary.pdf`, format: 'A4' });
    await page.emulateMedia({ media: 'screen' });
    await page.screenshot({ path: `${OUT}/kiosk-conversation.png` });

    expect(problems).toEqual([]);
    expect(await audit(page, 'kiosk')).toEqual([]);
    await page.close();
  }, 180_000);

  it('clears the screen and ends the conversation after the idle delay, with a visible countdown; the next one starts empty', async () => {
    const { page, conversations } = await openKiosk();
    await page.getByRole('button', { name: fr('web:kiosk.newPerson') }).click();
    await page.getByText(fr('common:welcome.hello')).first().waitFor({ timeout: 20_000 });
    await send(page, 'aide');
    await page.getByText(fr('common:help.commands').split('\n')[0]!).first().waitFor({ timeout: 20_000 });
    const countdown = page.locator('#idle-warning');
    await countdown.waitFor({ state: 'visible' });
    expect(await countdown.textContent()).toMatch(/L['’]écran s['’]efface dans \d+ secondes/);
    await page.screenshot({ path: `${OUT}/kiosk-countdown.png` });
    expect(stateOf(conversations[0]!).length).toBeGreaterThan(0);

    // Nobody touches the screen: back to the start, nothing of the conversation left.
    await page.getByText(fr('web:kiosk.intro')).waitFor({ timeout: (IDLE_SECONDS + 15) * 1000 });
    expect(await page.locator('.webchat__basic-transcript').count()).toBe(0);
    expect(await page.getByText(fr('common:welcome.hello')).count()).toBe(0);
    expect(await page.locator('#summary-body').textContent()).toBe('');
    expect(await until(() => stateOf(conversations[0]!), (keys) => keys.length === 0)).toEqual([]);

    // The next person: a new conversation, only the welcome in it.
    await page.getByRole('button', { name: fr('web:kiosk.newPerson') }).click();
    await page.getByText(fr('common:welcome.hello')).first().waitFor({ timeout: 20_000 });
    expect(conversations).toHaveLength(2);
    expect(conversations[1]).not.toBe(conversations[0]);
    expect(await page.getByText(fr('common:help.commands').split('\n')[0]!).count()).toBe(0);
    await page.close();
  }, 180_000);

  it('« Nouvelle personne » during a conversation ends it and starts a fresh one at once', async () => {
    const { page, conversations } = await openKiosk();
    await page.getByRole('button', { name: fr('web:kiosk.newPerson') }).click();
    await page.getByText(fr('common:welcome.hello')).first().waitFor({ timeout: 20_000 });
    await send(page, 'Je suis Camille Exemple');
    await page.getByText('Je suis Camille Exemple').first().waitFor();
    await page.getByRole('button', { name: fr('web:kiosk.newPerson') }).click();
    expect(await until(() => conversations.length, (n) => n === 2, 20_000)).toBe(2);
    await page.getByText(fr('common:welcome.hello')).first().waitFor({ timeout: 20_000 });
    expect(await page.getByText('Je suis Camille Exemple').count()).toBe(0);
    expect(await until(() => stateOf(conversations[0]!), (keys) => keys.length === 0)).toEqual([]);
    await page.screenshot({ path: `${OUT}/kiosk-new-person.png` });
    await page.close();
  }, 120_000);
});
