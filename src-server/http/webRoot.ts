import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance } from 'fastify';
import { notFoundBody } from './errors';

/**
 * Serves a built web renderer so the browser build talks to the API same-origin. Unknown non-API GET paths get
 * index.html (client-side routing); API paths keep their JSON 404.
 */
export const registerWebRoot = async (app: FastifyInstance, webRoot: string | undefined): Promise<void> => {
  const root = webRoot ? resolve(webRoot) : undefined;
  if (root && !existsSync(root)) throw new Error(`WEB_ROOT ${root} does not exist.`);
  if (root) await app.register(fastifyStatic, { root, prefix: '/' });
  app.setNotFoundHandler((request, reply) => {
    const path = request.url.split('?')[0] ?? '';
    const wantsPage = request.method === 'GET' && !path.startsWith('/api/');
    if (root && wantsPage && existsSync(`${root}/index.html`)) return reply.sendFile('index.html');
    return reply.status(404).send(notFoundBody(request.method, request.url));
  });
};
