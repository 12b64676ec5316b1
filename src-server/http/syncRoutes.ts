import type { FastifyInstance } from 'fastify';
import { isCollectionName } from '../../src-shared/domain/collections';
import type { CollectionName } from '../../src-shared/domain/collections';
import { pullRequestSchema, pushRequestSchema, syncApiPrefix } from '../../src-shared/sync/protocol';
import type { PullResponse, PushResponse } from '../../src-shared/sync/protocol';
import { pullDocuments } from '../sync/pull';
import { pushDocuments } from '../sync/push';
import { authenticate } from './authenticate';
import type { ServerContext } from './context';
import { HttpError, parseBody } from './errors';
import { registerStreamRoute } from './streamRoute';

const collectionParam = (params: unknown): CollectionName => {
  const name = (params as { collection?: string }).collection ?? '';
  if (!isCollectionName(name))
    throw new HttpError(404, 'unknown_collection', `There is no collection "${name}".`);
  return name;
};

export const registerSyncRoutes = (app: FastifyInstance, context: ServerContext): void => {
  app.post(`${syncApiPrefix}/:collection/pull`, async (request): Promise<PullResponse> => {
    const collection = collectionParam(request.params);
    const { principal } = await authenticate(context, request);
    const pull = parseBody(pullRequestSchema, request.body);
    return pullDocuments(context.db, principal, collection, pull);
  });

  app.post(`${syncApiPrefix}/:collection/push`, async (request): Promise<PushResponse> => {
    const collection = collectionParam(request.params);
    const { principal } = await authenticate(context, request);
    const rows = parseBody(pushRequestSchema, request.body);
    const response = await pushDocuments(context.db, context.feed, principal, collection, rows);
    if (response.rejected.length > 0) {
      request.log.warn(
        { collection, userId: principal.userId, rejected: response.rejected },
        'push rows quarantined',
      );
    }
    return response;
  });

  registerStreamRoute(app, context);
};
