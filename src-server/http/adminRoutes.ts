import type { FastifyInstance } from 'fastify';
import { createUserRequestSchema } from '../../src-shared/auth/protocol';
import type { CreateUserResponse } from '../../src-shared/auth/protocol';
import { createUser } from '../auth/userAdmin';
import { toSessionUser } from '../auth/userStore';
import { authenticate } from './authenticate';
import type { ServerContext } from './context';
import { HttpError, parseBody } from './errors';

/** User management over HTTP for admins, limited to teams of the admin's own organisation. */
export const registerAdminRoutes = (app: FastifyInstance, context: ServerContext): void => {
  app.post('/api/v1/admin/users', async (request, reply): Promise<CreateUserResponse> => {
    const { principal } = await authenticate(context, request);
    if (principal.role !== 'admin') throw new HttpError(403, 'forbidden', 'Only an admin can create users.');
    const input = parseBody(createUserRequestSchema, request.body);
    const user = await createUser(
      context.db,
      context.feed,
      { ...input, team: input.teamId },
      principal.orgId,
    );
    reply.status(201);
    return { user: toSessionUser(user) };
  });
};
