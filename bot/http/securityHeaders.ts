import { createHash, randomBytes } from 'node:crypto';
import type { Response } from 'restify';

/** A fresh value for the page's style nonce (Web Chat injects its styles with it). */
export function newNonce(): string {
  return randomBytes(16).toString('base64');
}

/**
 * The hash of an empty `<style>` element. Web Chat's scroll container (react-scroll-to-bottom) makes
 * its own empty style element without the nonce and fills it through the CSSOM (insertRule), which
 * CSP does not govern: allowing exactly the empty element keeps every other inline style refused.
 */
const EMPTY_STYLE_HASH = `sha256-${createHash('sha256').update('').digest('base64')}`;

/**
 * The Content-Security-Policy of the web page and the kiosk: scripts and connections from this
 * server only, styles from this server or carrying this response's nonce, images from this server
 * or inline (Web Chat's icons), nothing else; framed only by the configured origins.
 */
export function pageContentSecurityPolicy(nonce: string, frameAncestors: readonly string[]): string {
  return [
    "default-src 'none'",
    "script-src 'self'",
    `style-src 'self' 'nonce-${nonce}' '${EMPTY_STYLE_HASH}'`,
    "img-src 'self' data: blob:",
    "font-src 'self' data:",
    "connect-src 'self'",
    "base-uri 'none'",
    "form-action 'none'",
    "object-src 'none'",
    `frame-ancestors ${frameAncestors.length > 0 ? frameAncestors.join(' ') : "'none'"}`,
  ].join('; ');
}

/**
 * Headers of an HTML page. Every response already carries nosniff, no-referrer and
 * X-Frame-Options: DENY (bot/server.ts); a page that may be framed by configured origins drops
 * X-Frame-Options, which cannot name them, and relies on CSP frame-ancestors.
 */
export function setPageSecurityHeaders(res: Response, nonce: string, frameAncestors: readonly string[]): void {
  // setHeader replaces (restify's header() would append a second value).
  res.setHeader('Content-Security-Policy', pageContentSecurityPolicy(nonce, frameAncestors));
  res.setHeader('X-Content-Type-Options', 'nosniff');
  res.setHeader('Referrer-Policy', 'no-referrer');
  if (frameAncestors.length > 0) res.removeHeader('X-Frame-Options');
  else res.setHeader('X-Frame-Options', 'DENY');
}
