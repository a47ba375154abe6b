import { mkdirSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { translator } from '../../locales/i18n';
import { projectPath } from '../../knowledge/projectFiles';
import { describeWithBrowser, useWebAppInChromium } from '../support/browser';

const fr = translator('fr');
const en = translator('en');
const firstLine = (text: string) => text.split('\n')[0];
/** A pattern matching a text whether its apostrophes are straight or typographic. */
const typographic = (text: string) => new RegExp(text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/'/g, "['’]"));

describeWithBrowser('web chat page in headless Chromium', () => {
  const web = useWebAppInChromium();
  let page: Page;

  beforeAll(async () => {
    page = await web.browser.newPage({ viewport: { width: 900, height: 900 } });
  });

  async function send(text: string): Promise<void> {
    const box = page.getByRole('textbox').first();
    await box.fill(text);
    await box.press('Enter');
  }

  it('shows the welcome, answers "aide", switches to English', async () => {
    await page.goto(`${web.running.baseUrl}/`);
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

  it('finds structures and shows them as Adaptive Cards', async () => {
    await send('français');
    // Web Chat renders text as Markdown, which turns ' into ’: compare with either.
    await page.getByText(typographic(fr('common:language.switched'))).first().waitFor({ timeout: 20_000 });
    await page.getByRole('button', { name: fr('search:menu') }).last().click();
    await page.getByText(fr('search:askKind')).first().waitFor({ timeout: 20_000 });
    await page.getByRole('button', { name: typographic("Chantier d'insertion") }).last().click();
    await page.getByText(fr('search:askPlace')).first().waitFor({ timeout: 20_000 });
    await send('Le Lamentin (972)');
    await page.getByText(/J['’]ai trouvé \d+ résultats? \(chantiers d['’]insertion\)/).first().waitFor({ timeout: 20_000 });
    const cards = page.locator('.ac-adaptiveCard');
    await cards.first().waitFor({ timeout: 20_000 });
    expect(await cards.count()).toBeGreaterThan(0);
    await page.getByText(fr('directory:demoNotice')).first().waitFor();
    await page.screenshot({ path: projectPath('test-output', 'webchat-search.png'), fullPage: true });
  }, 90_000);
});
