import type { Server } from 'restify';
import { placesQuery, registerDirectoryRoutes, statsQuery, structuresQuery } from '../../bot/api/directoryRoutes';
import { registerEligibilityRoutes } from '../../bot/api/eligibilityRoutes';
import { registerOpenApiRoute } from '../../bot/api/openapiRoute';
import { registerUnderstandRoutes } from '../../bot/api/understandRoutes';
import { understand } from '../../knowledge/understanding/understand';
import type { OpenedStore } from '../../stores/appStore';
import { startApp, type RunningApp } from '../support/appServer';
import { demoDirectory } from '../support/demoDirectory';

let store: OpenedStore;
let running: RunningApp;

beforeAll(async () => {
  const demo = await demoDirectory();
  store = demo.store;
  running = await startApp({
    apiRoutes: [
      (s: Server) => registerEligibilityRoutes(s),
      (s: Server) => registerDirectoryRoutes(s, demo.directory),
      (s: Server) => registerUnderstandRoutes(s, understand),
      registerOpenApiRoute,
    ],
  });
});
afterAll(async () => {
  await running.close();
  await store.close();
});

describe('GET /api/v1/openapi.json', () => {
  it('describes every public API route the server has, and only those', async () => {
    const res = await fetch(`${running.baseUrl}/api/v1/openapi.json`);
    expect(res.status).toBe(200);
    const spec = (await res.json()) as { openapi: string; paths: Record<string, Record<string, unknown>> };
    expect(spec.openapi).toMatch(/^3\.1\./);
    const documented = Object.entries(spec.paths).flatMap(([path, ops]) => Object.keys(ops).map((m) => `${m.toUpperCase()} ${path}`));
    const routes = running.app.server
      .getDebugInfo()
      .routes.map((r: { method: string; path: string }) => `${r.method.toUpperCase()} ${r.path}`)
      .filter((r: string) => r.includes('/api/v1/') && !r.endsWith('/openapi.json'));
    expect(documented.sort()).toEqual([...new Set(routes)].sort());
  });

  it('documents exactly the query parameters the directory routes accept', async () => {
    const spec = (await (await fetch(`${running.baseUrl}/api/v1/openapi.json`)).json()) as {
      paths: Record<string, { get?: { parameters?: Array<{ name: string; in: string }> } }>;
    };
    const documented = (path: string) => (spec.paths[path]?.get?.parameters ?? []).filter((p) => p.in === 'query').map((p) => p.name).sort();
    expect(documented('/api/v1/places')).toEqual(Object.keys(placesQuery.shape).sort());
    expect(documented('/api/v1/structures')).toEqual(Object.keys(structuresQuery.shape).sort());
    expect(documented('/api/v1/stats')).toEqual(Object.keys(statsQuery.shape).sort());
  });
});
