import { readFileSync } from 'node:fs';
import type { Request, Response, Server } from 'restify';
import { projectPath } from '../../knowledge/projectFiles';

/** Serves the description of the public API at GET /api/v1/openapi.json. */
export function registerOpenApiRoute(server: Server): void {
  const document = JSON.parse(readFileSync(projectPath('bot', 'api', 'openapi.json'), 'utf8')) as object;
  server.get('/api/v1/openapi.json', async (_req: Request, res: Response) => {
    res.send(200, document);
  });
}
