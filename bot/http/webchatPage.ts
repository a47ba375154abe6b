import { readFileSync } from 'node:fs';
import Negotiator from 'negotiator';
import type { Request, Response, Server } from 'restify';
import { translator, toLocale, DEFAULT_LOCALE } from '../../locales/i18n';
import { projectPath } from '../../knowledge/projectFiles';
import type { Config } from '../config';
import { sendProblem } from './problem';
import { newNonce, setPageSecurityHeaders } from './securityHeaders';
import { ENCODINGS, assetBody, loadWebAssets, type WebAsset } from './webAssets';

const CHANNEL_LOCALES = { fr: 'fr-FR', en: 'en-US' } as const;
/** Versioned asset URLs never change content: a year, and no revalidation. */
const IMMUTABLE = 'public, max-age=31536000, immutable';
/** The unversioned URLs (kept for old links) are revalidated after five minutes. */
const SHORT = 'public, max-age=300';

export type WebPageConfig = Pick<Config, 'WEBCHAT_FRAME_ANCESTORS' | 'KIOSK_IDLE_SECONDS'>;

const escapeHtml = (text: string) =>
  text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] as string);

/** The URL of an asset's current version: `/webchat/<version>/<name>`. */
export const assetUrl = (asset: WebAsset) => `/webchat/${asset.version}/${asset.name}`;

/**
 * The web chat page (`/`), the reception-desk kiosk (`/kiosk`), `?lang=en` for English, and their
 * assets, all served from this server: precompressed when the build made copies, `HEAD` answered.
 */
export function registerWebChatPage(server: Server, config: WebPageConfig, assets: Map<string, WebAsset> = loadWebAssets()): void {
  const templates = {
    page: readFileSync(projectPath('bot', 'webchat', 'index.html'), 'utf8'),
    kiosk: readFileSync(projectPath('bot', 'webchat', 'kiosk.html'), 'utf8'),
  };

  const render = (template: string, req: Request): string => {
    const lang = toLocale(String((req.query as Record<string, unknown> | undefined)?.lang ?? '')) ?? DEFAULT_LOCALE;
    const t = translator(lang);
    return template
      .replaceAll('{{lang}}', lang)
      .replaceAll('{{locale}}', CHANNEL_LOCALES[lang])
      .replaceAll('{{idleSeconds}}', String(config.KIOSK_IDLE_SECONDS))
      .replace(/\{\{asset:([\w.-]+)\}\}/g, (_m, name: string) => {
        const asset = assets.get(name);
        if (!asset) throw new Error(`the page names an unknown asset: ${name}`);
        return assetUrl(asset);
      })
      .replace(/\{\{t:([\w:.]+)\}\}/g, (_m, key: string) => escapeHtml(t(key)));
  };

  const sendPage = (template: string) => async (req: Request, res: Response) => {
    const nonce = newNonce();
    const html = Buffer.from(render(template, req).replaceAll('{{nonce}}', nonce));
    setPageSecurityHeaders(res, nonce, config.WEBCHAT_FRAME_ANCESTORS);
    res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8', 'Content-Length': html.length, 'Cache-Control': 'no-cache' });
    res.end(req.method === 'HEAD' ? undefined : html);
  };

  const sendAsset = async (req: Request, res: Response, asset: WebAsset, cacheControl: string) => {
    const etag = `"${asset.version}"`;
    const headers: Record<string, string | number> = { 'Content-Type': asset.type, 'Cache-Control': cacheControl, ETag: etag, Vary: 'Accept-Encoding' };
    if (req.header('if-none-match') === etag) {
      res.writeHead(304, headers);
      res.end();
      return;
    }
    const available = ENCODINGS.filter((encoding) => asset.encoded[encoding]);
    const chosen = new Negotiator(req).encoding([...available, 'identity'], { preferred: available });
    const encoding = ENCODINGS.find((e) => e === chosen);
    if (encoding) headers['Content-Encoding'] = encoding;
    headers['Content-Length'] = encoding ? (asset.encoded[encoding] as Buffer).length : asset.size;
    if (req.method === 'HEAD') {
      res.writeHead(200, headers);
      res.end();
      return;
    }
    const body = encoding ? (asset.encoded[encoding] as Buffer) : await assetBody(asset);
    res.writeHead(200, headers);
    res.end(body);
  };

  const findAsset = (req: Request, res: Response): WebAsset | undefined => {
    const name = String(req.params?.asset ?? '');
    const asset = assets.get(name);
    if (!asset) sendProblem(res, 404, 'not_found', 'no such asset');
    return asset;
  };

  const versioned = async (req: Request, res: Response) => {
    const asset = findAsset(req, res);
    if (!asset) return;
    // An old version is gone: the page (never cached) names the current one.
    if (req.params?.version !== asset.version) return sendProblem(res, 404, 'not_found', 'no such asset version');
    await sendAsset(req, res, asset, IMMUTABLE);
  };
  const unversioned = async (req: Request, res: Response) => {
    const asset = findAsset(req, res);
    if (asset) await sendAsset(req, res, asset, SHORT);
  };

  for (const [path, handler] of [
    ['/', sendPage(templates.page)],
    ['/kiosk', sendPage(templates.kiosk)],
    ['/webchat/:version/:asset', versioned],
    ['/webchat/:asset', unversioned],
  ] as const) {
    server.get(path, handler);
    server.head(path, handler);
  }
}
