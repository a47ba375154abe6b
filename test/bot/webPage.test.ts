import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { AddressInfo } from 'node:net';
import { brotliCompressSync, brotliDecompressSync, constants as zlib, gunzipSync, gzipSync } from 'node:zlib';
import restify, { type Server } from 'restify';
import { loadConfig } from '../../bot/config';
import { assetUrl, registerWebChatPage, type WebPageConfig } from '../../bot/http/webchatPage';
import { ENCODINGS, WEB_ASSET_SOURCES, loadWebAssets, type WebAsset } from '../../bot/http/webAssets';
import { projectPath } from '../../knowledge/projectFiles';
import { pageContentSecurityPolicy } from '../../bot/http/securityHeaders';
import { translator } from '../../locales/i18n';
import { startApp } from '../support/appServer';

const fr = translator('fr');

/** The asset's file in the project, as Web Chat or this project wrote it. */
const sourceOf = (asset: WebAsset) => readFileSync(projectPath(...WEB_ASSET_SOURCES[asset.name]!.path));

/** Precompressed copies made quickly for the test (the build uses the same names, brotli at best quality). */
function fakeBuild(dir: string, assets: Map<string, WebAsset>): void {
  for (const asset of assets.values()) {
    writeFileSync(join(dir, `${asset.name}.${asset.version}.br`), brotliCompressSync(asset.body as Buffer, { params: { [zlib.BROTLI_PARAM_QUALITY]: 4 } }));
    writeFileSync(join(dir, `${asset.name}.${asset.version}.gz`), gzipSync(asset.body as Buffer, { level: 1 }));
  }
}

/** The page routes alone on a bare restify server, with the given assets. */
async function servePage(config: WebPageConfig, assets: Map<string, WebAsset>): Promise<{ baseUrl: string; close(): Promise<void> }> {
  const server: Server = restify.createServer();
  server.use(restify.plugins.queryParser({ mapParams: false }));
  registerWebChatPage(server, config, assets);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  const { port } = server.address() as AddressInfo;
  return { baseUrl: `http://127.0.0.1:${port}`, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}

const ORIGINS = ['https://intranet.example.fr', 'https://portail.example.org:8443'];

describe('web page: headers, compression, cache, HEAD', () => {
  let running: { baseUrl: string; close(): Promise<void> };
  let dir: string;
  let assets: Map<string, WebAsset>;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'web-assets-'));
    fakeBuild(dir, loadWebAssets(dir));
    assets = loadWebAssets(dir);
    running = await servePage({ WEBCHAT_FRAME_ANCESTORS: ORIGINS, KIOSK_IDLE_SECONDS: 180 }, assets);
  }, 120_000);
  afterAll(async () => {
    await running.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('finds the build copies of every asset, and none for another version', () => {
    for (const asset of assets.values()) expect(Object.keys(asset.encoded).sort()).toEqual([...ENCODINGS].sort());
    const empty = mkdtempSync(join(tmpdir(), 'web-assets-none-'));
    const unbuilt = [...loadWebAssets(empty).values()];
    expect(unbuilt.every((a) => Object.keys(a.encoded).length === 0)).toBe(true);
    // Without copies the content is kept to be served; with them it is not held a second time.
    expect(unbuilt.every((a) => a.body?.equals(sourceOf(a)) && a.size === a.body.length)).toBe(true);
    expect([...assets.values()].every((a) => a.body === undefined)).toBe(true);
    expect(readdirSync(empty)).toEqual([]);
    rmSync(empty, { recursive: true });
  });

  it.each(['/', '/kiosk', '/?lang=en', '/kiosk?lang=en'])('%s: CSP with a nonce, nosniff, no-referrer, framing by the configured origins only', async (path) => {
    const res = await fetch(`${running.baseUrl}${path}`);
    expect(res.status).toBe(200);
    const csp = res.headers.get('content-security-policy') ?? '';
    const nonce = /'nonce-([^']+)'/.exec(csp)?.[1];
    expect(nonce).toBeDefined();
    expect(csp).toBe(pageContentSecurityPolicy(nonce as string, ORIGINS));
    expect(csp).toContain("script-src 'self';");
    expect(csp).not.toContain('unsafe');
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(res.headers.get('referrer-policy')).toBe('no-referrer');
    // X-Frame-Options cannot name origins: CSP frame-ancestors says who may frame the page.
    expect(res.headers.get('x-frame-options')).toBeNull();
    const html = await res.text();
    expect(html).toContain(`data-nonce="${nonce}"`);
    expect(html).not.toMatch(/\{\{/);
    // Each response has its own nonce.
    const again = (await fetch(`${running.baseUrl}${path}`)).headers.get('content-security-policy');
    expect(again).not.toBe(csp);
  });

  it('without configured origins (the default), the bot page cannot be framed at all', async () => {
    const other = await startApp();
    try {
      const res = await fetch(`${other.baseUrl}/`);
      expect(res.headers.get('content-security-policy')).toContain("frame-ancestors 'none'");
      expect(res.headers.get('x-frame-options')).toBe('DENY');
      expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    } finally {
      await other.close();
    }
  });

  it('refuses a frame origin that is not an origin', () => {
    expect(() => loadConfig({ WEBCHAT_FRAME_ANCESTORS: 'https://intranet.example.fr/chat' })).toThrow(/WEBCHAT_FRAME_ANCESTORS:.*not an origin/);
    expect(() => loadConfig({ WEBCHAT_FRAME_ANCESTORS: "'self' javascript:alert(1)" })).toThrow(/WEBCHAT_FRAME_ANCESTORS/);
    expect(loadConfig({ WEBCHAT_FRAME_ANCESTORS: ' https://a.example.fr,https://b.example.fr ' }).WEBCHAT_FRAME_ANCESTORS).toEqual(['https://a.example.fr', 'https://b.example.fr']);
    expect(() => loadConfig({ KIOSK_IDLE_SECONDS: '2' })).toThrow(/KIOSK_IDLE_SECONDS/);
    expect(loadConfig({}).KIOSK_IDLE_SECONDS).toBe(180);
  });

  it('the page names versioned asset URLs', async () => {
    const html = await (await fetch(`${running.baseUrl}/kiosk`)).text();
    for (const name of ['webchat.js', 'page.js', 'kiosk.js', 'page.css', 'kiosk.css']) {
      expect(html).toContain(assetUrl(assets.get(name) as WebAsset));
    }
    expect(html).toContain(`data-idle-seconds="180"`);
    expect(html).toContain(fr('web:kiosk.newPerson'));
  });

  it.each([
    ['br', 'gzip, deflate, br, zstd'],
    ['gzip', 'gzip, deflate'],
    ['br', 'br;q=1, gzip;q=0.5'],
  ])('sends webchat.js as %s for Accept-Encoding: %s, cached a year', async (encoding, accept) => {
    const asset = assets.get('webchat.js') as WebAsset;
    const res = await fetch(`${running.baseUrl}${assetUrl(asset)}`, { headers: { 'Accept-Encoding': accept } });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-encoding')).toBe(encoding);
    expect(res.headers.get('vary')).toBe('Accept-Encoding');
    expect(res.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    expect(res.headers.get('content-type')).toBe(WEB_ASSET_SOURCES['webchat.js'].type);
    // fetch decodes the body: the bytes are Web Chat's own.
    const body = Buffer.from(await res.arrayBuffer());
    expect(body.equals(sourceOf(asset))).toBe(true);
  });

  it.each(['page.js', 'webchat.js'])('sends %s as the identity when the client accepts no compression, and the copies decode to the asset', async (name) => {
    const asset = assets.get(name) as WebAsset;
    const source = sourceOf(asset);
    const res = await fetch(`${running.baseUrl}${assetUrl(asset)}`, { headers: { 'Accept-Encoding': 'identity' } });
    expect(res.headers.get('content-encoding')).toBeNull();
    expect(Number(res.headers.get('content-length'))).toBe(source.length);
    expect(Buffer.from(await res.arrayBuffer()).equals(source)).toBe(true);
    const head = await fetch(`${running.baseUrl}${assetUrl(asset)}`, { method: 'HEAD', headers: { 'Accept-Encoding': 'identity' } });
    expect(Number(head.headers.get('content-length'))).toBe(source.length);
    expect(brotliDecompressSync(asset.encoded.br as Buffer).equals(source)).toBe(true);
    expect(gunzipSync(asset.encoded.gzip as Buffer).equals(source)).toBe(true);
  });

  it('answers HEAD with the headers of GET and no body (it was a 405)', async () => {
    const asset = assets.get('webchat.js') as WebAsset;
    for (const path of ['/', '/kiosk', assetUrl(asset), '/webchat/webchat.js']) {
      const res = await fetch(`${running.baseUrl}${path}`, { method: 'HEAD', headers: { 'Accept-Encoding': 'br' } });
      expect(res.status).toBe(200);
      expect(Number(res.headers.get('content-length'))).toBeGreaterThan(0);
      expect((await res.arrayBuffer()).byteLength).toBe(0);
    }
    const head = await fetch(`${running.baseUrl}${assetUrl(asset)}`, { method: 'HEAD', headers: { 'Accept-Encoding': 'br' } });
    expect(Number(head.headers.get('content-length'))).toBe((asset.encoded.br as Buffer).length);
  });

  it('revalidates the unversioned URL with its ETag (304), and refuses an old version or unknown asset', async () => {
    const asset = assets.get('page.css') as WebAsset;
    const first = await fetch(`${running.baseUrl}/webchat/page.css`);
    expect(first.headers.get('cache-control')).toBe('public, max-age=300');
    const etag = first.headers.get('etag') as string;
    expect(etag).toBe(`"${asset.version}"`);
    expect((await fetch(`${running.baseUrl}/webchat/page.css`, { headers: { 'If-None-Match': etag } })).status).toBe(304);
    expect((await fetch(`${running.baseUrl}/webchat/0000000000000000/page.css`)).status).toBe(404);
    expect((await fetch(`${running.baseUrl}/webchat/${asset.version}/constructor`)).status).toBe(404);
    expect((await fetch(`${running.baseUrl}/webchat/__proto__`)).status).toBe(404);
  });
});
