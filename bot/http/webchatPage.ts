import { readFileSync } from 'node:fs';
import type { Request, Response, Server } from 'restify';
import { translator, toLocale, DEFAULT_LOCALE } from '../../locales/i18n';
import { projectPath } from '../../knowledge/projectFiles';

const PAGE_KEYS = ['title', 'heading', 'intro', 'privacy', 'loading', 'error'] as const;
const CHANNEL_LOCALES = { fr: 'fr-FR', en: 'en-US' } as const;

const escapeHtml = (text: string) =>
  text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] as string);

/** The web chat page (`/`, `?lang=en` for English) and its scripts, all served from this server. */
export function registerWebChatPage(server: Server): void {
  const template = readFileSync(projectPath('bot', 'webchat', 'index.html'), 'utf8');
  const assets: Record<string, { body: Buffer; type: string }> = {
    'webchat.js': {
      body: readFileSync(projectPath('node_modules', 'botframework-webchat', 'dist', 'webchat.js')),
      type: 'application/javascript; charset=utf-8',
    },
    'page.js': { body: readFileSync(projectPath('bot', 'webchat', 'page.js')), type: 'application/javascript; charset=utf-8' },
    'page.css': { body: readFileSync(projectPath('bot', 'webchat', 'page.css')), type: 'text/css; charset=utf-8' },
  };

  server.get('/', async (req: Request, res: Response) => {
    const lang = toLocale(String((req.query as Record<string, unknown> | undefined)?.lang ?? '')) ?? DEFAULT_LOCALE;
    const t = translator(lang);
    let html = template.replace('{{lang}}', lang).replace('{{locale}}', CHANNEL_LOCALES[lang]);
    for (const key of PAGE_KEYS) html = html.replaceAll(`{{${key}}}`, escapeHtml(t(`common:page.${key}`)));
    res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8', 'Cache-Control': 'no-cache' });
    res.end(html);
  });

  server.get('/webchat/:asset', async (req: Request, res: Response) => {
    const asset = assets[String(req.params.asset)];
    if (!asset) {
      res.send(404, { error: { code: 'not_found', message: 'no such asset' } });
      return;
    }
    res.writeHead(200, { 'Content-Type': asset.type, 'Cache-Control': 'public, max-age=3600' });
    res.end(asset.body);
  });
}
