import { writeFileSync } from 'node:fs';
import AxeBuilder from '@axe-core/playwright';
import type { Page } from 'playwright-core';
import { translator } from '../../locales/i18n';
import { projectPath } from '../../knowledge/projectFiles';

const fr = translator('fr');
/** Where the browser suites write their screenshots and audit reports (gitignored). */
export const OUT = projectPath('test-output', 'browser');

/** A pattern matching a text whether its apostrophes are straight or typographic. */
export const typographic = (text: string) => new RegExp(text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/'/g, "['’]"));
export const FOUND = /J['’]ai trouvé \d+ résultats? \(chantiers d['’]insertion\)/;

/** Records every Content-Security-Policy violation the page reports, and console errors. */
export async function watchPolicy(page: Page): Promise<string[]> {
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
export async function audit(page: Page, name: string): Promise<Array<{ id: string; impact?: string | null; nodes: string[] }>> {
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  writeFileSync(`${OUT}/axe-${name}.json`, JSON.stringify(results.violations, null, 2));
  return results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => ({ id: v.id, impact: v.impact, nodes: v.nodes.map((n) => n.target.join(' ')).slice(0, 5) }));
}

export async function send(page: Page, text: string): Promise<void> {
  const box = page.getByRole('textbox').first();
  await box.fill(text);
  await box.press('Enter');
}

export async function searchAciLamentin(page: Page): Promise<void> {
  await page.getByRole('button', { name: fr('search:menu') }).last().click();
  await page.getByText(fr('search:askKind')).first().waitFor({ timeout: 20_000 });
  await page.getByRole('button', { name: typographic("Chantier d'insertion") }).last().click();
  await page.getByText(fr('search:askPlace')).first().waitFor({ timeout: 20_000 });
  await send(page, 'Le Lamentin (972)');
  await page.getByText(FOUND).first().waitFor({ timeout: 20_000 });
  await page.locator('.ac-adaptiveCard').first().waitFor({ timeout: 20_000 });
}


/** Polls `read` until `done` says so or `timeoutMs` passes; returns the last value read. */
export async function until<T>(read: () => T, done: (value: T) => boolean, timeoutMs = 5000): Promise<T> {
  const end = Date.now() + timeoutMs;
  let value = read();
  while (!done(value) && Date.now() < end) {
    await new Promise((resolve) => setTimeout(resolve, 100));
    value = read();
  }
  return value;
}
