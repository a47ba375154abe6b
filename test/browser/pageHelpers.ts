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

/** What a layout check found wrong, one line a problem (empty when the page reflows well). */
export interface LayoutCheck {
  viewport: { width: number; height: number };
  problems: string[];
  /** Computed font sizes (px) of sample texts, to compare a page at 100 % and at 200 % text. */
  fontSizes: Record<string, number>;
}

/**
 * Reads the page's layout in the browser: no sideways scrolling (page or any scroller), no text
 * clipped by a box that hides its overflow, send box and send button on screen and uncovered,
 * every button of the last suggested actions and of the cards inside the viewport, uncovered, and
 * not overlapping its neighbours.
 */
export async function checkLayout(page: Page): Promise<LayoutCheck> {
  return page.evaluate(() => {
    const problems: string[] = [];
    const width = document.documentElement.clientWidth;
    const height = document.documentElement.clientHeight;
    const name = (e: Element) => {
      const h = e as HTMLElement;
      const label = (h.innerText || h.getAttribute('aria-label') || h.getAttribute('placeholder') || '').trim().replace(/\s+/g, ' ').slice(0, 40);
      return `${e.tagName.toLowerCase()}${e.className && typeof e.className === 'string' ? `.${e.className.trim().split(/\s+/).slice(0, 2).join('.')}` : ''} «${label}»`;
    };
    const shown = (e: Element) => {
      const style = getComputedStyle(e);
      const r = e.getBoundingClientRect();
      return style.visibility !== 'hidden' && style.display !== 'none' && r.width > 1 && r.height > 1;
    };
    /** Screen-reader-only boxes (1 px, clipped) are meant to hide their text. */
    const screenReaderOnly = (e: Element) => {
      for (let x: Element | null = e; x; x = x.parentElement) {
        const s = getComputedStyle(x);
        const r = x.getBoundingClientRect();
        if ((s.clip && s.clip !== 'auto') || (s.clipPath && s.clipPath !== 'none')) return true;
        // (An element with `display: contents`, such as Web Chat's root, has no box of its own.)
        if (s.display !== 'contents' && s.overflow !== 'visible' && (r.width <= 1 || r.height <= 1)) return true;
      }
      return false;
    };

    if (document.documentElement.scrollWidth > width + 1) problems.push(`page scrolls sideways: ${document.documentElement.scrollWidth} > ${width}`);
    for (const e of Array.from(document.querySelectorAll('body *'))) {
      if (!shown(e) || screenReaderOnly(e)) continue;
      const s = getComputedStyle(e);
      const hides = (v: string) => v === 'hidden' || v === 'clip';
      const scrolls = (v: string) => v === 'auto' || v === 'scroll';
      const hasText = ((e as HTMLElement).innerText ?? '').trim().length > 0;
      // Web Chat's carousel pages sideways through whole cards, each narrower than the screen (checked below).
      const carousel = e.classList.contains('webchat__carousel-filmstrip');
      // The carousel's arrows slide in over it when pointed at; hidden, they are clipped by design.
      if (e.closest('.react-film__flipper')) continue;
      if (!carousel && scrolls(s.overflowX) && e.scrollWidth > e.clientWidth + 1) problems.push(`${name(e)} scrolls sideways: ${e.scrollWidth} > ${e.clientWidth}`);
      if (hasText && hides(s.overflowX) && e.scrollWidth > e.clientWidth + 1) problems.push(`${name(e)} clips its text sideways: ${e.scrollWidth} > ${e.clientWidth}`);
      if (hasText && hides(s.overflowY) && e.scrollHeight > e.clientHeight + 1) problems.push(`${name(e)} clips its text below: ${e.scrollHeight} > ${e.clientHeight}`);
      if (hasText && s.textOverflow === 'ellipsis' && e.scrollWidth > e.clientWidth + 1) problems.push(`${name(e)} cuts its text with an ellipsis`);
      // A line height fixed in pixels that a larger text outgrows: the lines of a paragraph overlap.
      const ownText = Array.from(e.childNodes).some((n) => n.nodeType === Node.TEXT_NODE && (n.textContent ?? '').trim() !== '');
      if (ownText && s.lineHeight.endsWith('px') && parseFloat(s.lineHeight) < parseFloat(s.fontSize) * 0.95) {
        problems.push(`${name(e)} has lines closer than its text is tall: line height ${s.lineHeight}, font size ${s.fontSize}`);
      }
    }

    /** On screen once scrolled to, inside the viewport sideways, and the topmost thing at its centre. */
    const reachable = (e: Element, what: string) => {
      // Instant: Web Chat's transcript scrolls smoothly, and the rectangle is read at once.
      e.scrollIntoView({ block: 'center', inline: 'nearest', behavior: 'instant' });
      const r = e.getBoundingClientRect();
      if (r.width <= 1 || r.height <= 1) return problems.push(`${what} ${name(e)} has no size`);
      if (r.left < -0.5 || r.right > width + 0.5) problems.push(`${what} ${name(e)} is outside the viewport sideways: ${Math.round(r.left)}..${Math.round(r.right)} of ${width}`);
      if (r.top < -0.5 || r.bottom > height + 0.5) problems.push(`${what} ${name(e)} does not fit in the viewport: ${Math.round(r.top)}..${Math.round(r.bottom)} of ${height}`);
      const top = document.elementFromPoint(Math.min(width - 1, Math.max(0, (r.left + r.right) / 2)), Math.min(height - 1, Math.max(0, (r.top + r.bottom) / 2)));
      if (!top || !(e === top || e.contains(top))) problems.push(`${what} ${name(e)} is covered by ${top ? name(top) : 'nothing'} at ${Math.round(r.left)},${Math.round(r.top)}..${Math.round(r.right)},${Math.round(r.bottom)}`);
      return 0;
    };
    const overlapping = (elements: Element[], what: string) => {
      const boxes = elements.map((e) => ({ e, r: e.getBoundingClientRect() }));
      boxes.forEach((a, i) =>
        boxes.slice(i + 1).forEach((b) => {
          const x = Math.min(a.r.right, b.r.right) - Math.max(a.r.left, b.r.left);
          const y = Math.min(a.r.bottom, b.r.bottom) - Math.max(a.r.top, b.r.top);
          if (x > 1 && y > 1) problems.push(`${what} ${name(a.e)} overlaps ${name(b.e)}`);
        }),
      );
    };

    const box = document.querySelector('.webchat__send-box input, .webchat__send-box textarea');
    const sendButton = document.querySelector('.webchat__send-box button[title], .webchat__send-button');
    if (!box) problems.push('no send box');
    else reachable(box, 'send box');
    if (!sendButton) problems.push('no send button');
    else reachable(sendButton, 'send button');
    const actions = Array.from(document.querySelectorAll('.webchat__suggested-actions button')).filter(shown);
    actions.forEach((e) => reachable(e, 'suggested action'));
    overlapping(actions, 'suggested action');
    for (const card of Array.from(document.querySelectorAll('.ac-adaptiveCard'))) {
      const r = card.getBoundingClientRect();
      if (r.width > width) problems.push(`card ${name(card)} is wider than the viewport: ${Math.round(r.width)} > ${width}`);
      const buttons = Array.from(card.querySelectorAll('button, a[href]')).filter(shown);
      buttons.forEach((e) => reachable(e, 'card button'));
      overlapping(buttons, 'card button');
    }
    const header = document.querySelector('body > header');
    const main = document.querySelector('main');
    if (header && main) overlapping([header, main], 'page part');
    const headerButtons = Array.from(document.querySelectorAll('body > header button')).filter(shown);
    headerButtons.forEach((e) => reachable(e, 'header button'));
    overlapping(headerButtons, 'header button');

    const sizeOf = (selector: string) => {
      const e = document.querySelector(selector);
      return e ? parseFloat(getComputedStyle(e).fontSize) : NaN;
    };
    const fontSizes = {
      heading: sizeOf('body > header h1'),
      intro: sizeOf('body > header p'),
      bubble: sizeOf('.webchat__bubble__content p, .webchat__bubble__content'),
      suggestedAction: sizeOf('.webchat__suggested-actions button'),
      sendBox: sizeOf('.webchat__send-box input, .webchat__send-box textarea'),
      cardText: sizeOf('.ac-adaptiveCard .ac-textBlock'),
      cardButton: sizeOf('.ac-adaptiveCard button'),
    };
    window.scrollTo(0, 0);
    return { viewport: { width, height }, problems: Array.from(new Set(problems)), fontSizes };
  });
}
