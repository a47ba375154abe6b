import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { brotliCompressSync, constants as zlib, gunzip, gzipSync } from 'node:zlib';
import { projectPath } from '../../knowledge/projectFiles';

/** The encodings made at build time, best first. */
export const ENCODINGS = ['br', 'gzip'] as const;
export type Encoding = (typeof ENCODINGS)[number];

/** The files the web page and the kiosk load, each from where it is kept in the project. */
export const WEB_ASSET_SOURCES: Readonly<Record<string, { path: string[]; type: string }>> = {
  'webchat.js': { path: ['node_modules', 'botframework-webchat', 'dist', 'webchat.js'], type: 'application/javascript; charset=utf-8' },
  'page.js': { path: ['bot', 'webchat', 'page.js'], type: 'application/javascript; charset=utf-8' },
  'kiosk.js': { path: ['bot', 'webchat', 'kiosk.js'], type: 'application/javascript; charset=utf-8' },
  'page.css': { path: ['bot', 'webchat', 'page.css'], type: 'text/css; charset=utf-8' },
  'kiosk.css': { path: ['bot', 'webchat', 'kiosk.css'], type: 'text/css; charset=utf-8' },
};

/** Where the build writes the compressed copies (`<name>.<version>.br|gz`). */
export const WEB_ASSETS_DIR = projectPath('dist', 'web-assets');

export interface WebAsset {
  name: string;
  type: string;
  /** The first 16 hex digits of the content's SHA-256: the asset's URL changes when it changes. */
  version: string;
  /** The content's length in bytes. */
  size: number;
  /**
   * The content itself, kept only when the build made no gzip copy: with one, the rare client that
   * accepts no compression gets the copy decompressed (`assetBody`), and the process does not hold
   * Web Chat's 3.7 MB twice over (the copies are 0.9 and 0.6 MB).
   */
  body?: Buffer;
  /** The precompressed copies found for this exact version (none before a build). */
  encoded: Partial<Record<Encoding, Buffer>>;
}

const gunzipAsync = promisify(gunzip);

/** The asset's content, uncompressed: kept, or decompressed from its gzip copy (off the event loop). */
export async function assetBody(asset: WebAsset): Promise<Buffer> {
  if (asset.body) return asset.body;
  return gunzipAsync(asset.encoded.gzip as Buffer);
}

const versionOf = (body: Buffer) => createHash('sha256').update(body).digest('hex').slice(0, 16);
const encodedFile = (dir: string, name: string, version: string, encoding: Encoding) =>
  join(dir, `${name}.${version}.${encoding === 'br' ? 'br' : 'gz'}`);

function compress(body: Buffer, encoding: Encoding): Buffer {
  if (encoding === 'gzip') return gzipSync(body, { level: 9 });
  return brotliCompressSync(body, {
    params: { [zlib.BROTLI_PARAM_QUALITY]: zlib.BROTLI_MAX_QUALITY, [zlib.BROTLI_PARAM_SIZE_HINT]: body.length },
  });
}

/**
 * Build step: writes brotli (best quality) and gzip copies of every asset whose version has none
 * yet. Unchanged assets are skipped, so only the first build after a Web Chat upgrade pays the
 * brotli time (about half a minute for webchat.js on two cores).
 */
export function buildWebAssets(dir = WEB_ASSETS_DIR): { written: string[]; kept: string[] } {
  mkdirSync(dir, { recursive: true });
  const written: string[] = [];
  const kept: string[] = [];
  for (const [name, source] of Object.entries(WEB_ASSET_SOURCES)) {
    const body = readFileSync(projectPath(...source.path));
    const version = versionOf(body);
    for (const encoding of ENCODINGS) {
      const file = encodedFile(dir, name, version, encoding);
      if (existsSync(file)) {
        kept.push(file);
        continue;
      }
      // Written aside then renamed: a half-written copy is never served.
      writeFileSync(`${file}.tmp`, compress(body, encoding));
      renameSync(`${file}.tmp`, file);
      written.push(file);
    }
  }
  return { written, kept };
}

/** Reads every asset and the compressed copies the build made for its current version. */
export function loadWebAssets(dir = WEB_ASSETS_DIR): Map<string, WebAsset> {
  const assets = new Map<string, WebAsset>();
  for (const [name, source] of Object.entries(WEB_ASSET_SOURCES)) {
    const body = readFileSync(projectPath(...source.path));
    const version = versionOf(body);
    const encoded: WebAsset['encoded'] = {};
    for (const encoding of ENCODINGS) {
      const file = encodedFile(dir, name, version, encoding);
      if (existsSync(file)) encoded[encoding] = readFileSync(file);
    }
    assets.set(name, { name, type: source.type, version, size: body.length, ...(encoded.gzip ? {} : { body }), encoded });
  }
  return assets;
}
