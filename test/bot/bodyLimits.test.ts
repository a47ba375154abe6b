import { readdirSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { MAX_VALUE_BYTES, MAX_VALUE_DEPTH } from '../../bot/directline/activitySchema';
import { postJson, startApp, type RunningApp } from '../support/appServer';

/** Files in the temporary folder at least this large (an upload written to disk would be one). */
function largeTempFiles(minBytes: number): Set<string> {
  const found = new Set<string>();
  for (const name of readdirSync(tmpdir())) {
    try {
      const stat = statSync(path.join(tmpdir(), name));
      if (stat.isFile() && stat.size >= minBytes) found.add(name);
    } catch {
      // removed meanwhile
    }
  }
  return found;
}

describe('request bodies: JSON only, bounded', () => {
  let running: RunningApp;
  beforeAll(async () => {
    running = await startApp();
  });
  afterAll(() => running.close());

  it('refuses a multipart upload with 415 and writes nothing to disk', async () => {
    const before = largeTempFiles(1024 * 1024);
    const form = new FormData();
    form.append('file', new Blob([Buffer.alloc(3 * 1024 * 1024, 97)]), 'big.bin');
    for (const route of ['/directline/tokens/generate', '/api/messages', '/directline/conversations/x/upload']) {
      const res = await fetch(`${running.baseUrl}${route}`, { method: 'POST', body: form });
      expect(res.status).toBe(415);
      expect(((await res.json()) as { error: { code: string } }).error.code).toBe('unsupported_media_type');
    }
    const after = largeTempFiles(1024 * 1024);
    expect([...after].filter((name) => !before.has(name))).toEqual([]);
  });

  it('refuses form and text bodies with 415, and still takes JSON and empty bodies', async () => {
    const url = `${running.baseUrl}/directline/tokens/generate`;
    for (const type of ['application/x-www-form-urlencoded', 'text/plain', 'application/octet-stream']) {
      const res = await fetch(url, { method: 'POST', headers: { 'Content-Type': type }, body: 'locale=fr-FR' });
      expect(res.status).toBe(415);
    }
    expect((await fetch(url, { method: 'POST' })).status).toBe(200);
    expect((await postJson(url, { locale: 'fr-FR' })).status).toBe(200);
    expect((await fetch(url, { method: 'POST', headers: { 'Content-Type': 'application/json; charset=utf-8' }, body: '{}' })).status).toBe(200);
  });

  it('refuses a card value too large or too deep with a 400 naming the field', async () => {
    const session = (await (await postJson(`${running.baseUrl}/directline/tokens/generate`, {})).json()) as { conversationId: string; token: string };
    const post = (value: unknown) =>
      postJson(`${running.baseUrl}/directline/conversations/${session.conversationId}/activities`, { type: 'message', value }, { Authorization: `Bearer ${session.token}` });
    const large = await post({ blob: 'x'.repeat(MAX_VALUE_BYTES + 1) });
    expect(large.status).toBe(400);
    expect(((await large.json()) as { error: { field: string } }).error.field).toBe('value');
    let deep: unknown = 'bottom';
    for (let i = 0; i < MAX_VALUE_DEPTH + 1; i++) deep = { d: deep };
    expect((await post(deep)).status).toBe(400);
  });
});
