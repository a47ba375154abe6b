import { mkdirSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { translator } from '../../bot/i18n';
import { projectPath } from '../../bot/paths';
import { startApp, type RunningApp } from '../support/appServer';
import { describeWithBrowser, launchChromium } from '../support/browser';

const fr = translator('fr');
const en = translator('en');
const firstLine = (text: string) => text.split('\n')[0];

describeWithBrowser('web chat page in headless Chromium', () => {
  let running: RunningApp;
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    running = await startApp();
    browser = await launchChromium();
    page = await browser.newPage({ viewport: { width: 900, height: 900 } });
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
    await running?.close();
  });

  async function send(text: string): Promise<void> {
    const box = page.getByRole('textbox').first();
    await box.fill(text);
    await box.press('Enter');
  }

  it('shows the welcome, answers "aide", switches to English', async () => {
    await page.goto(`${running.baseUrl}/`);
    await page.getByText(fr('common:welcome.hello')).first().waitFor({ timeout: 20_000 });
    await page.getByText(fr('common:menu.prompt')).first().waitFor();

    await send('aide');
    await page.getByText(firstLine(fr('common:help.commands'))).first().waitFor({ timeout: 20_000 });

    await page.getByRole('button', { name: 'English' }).last().click();
    await page.getByText(en('common:language.switched')).first().waitFor({ timeout: 20_000 });

    await send('help');
    await page.getByText(firstLine(en('common:help.commands'))).first().waitFor({ timeout: 20_000 });

    mkdirSync(projectPath('test-output'), { recursive: true });
    await page.screenshot({ path: projectPath('test-output', 'webchat.png'), fullPage: true });
  }, 90_000);
});
