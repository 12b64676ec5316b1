import cors from '@fastify/cors';
import rateLimit from '@fastify/rate-limit';
import Fastify from 'fastify';
import type { FastifyInstance, FastifyServerOptions } from 'fastify';
import { createAccessTokens } from './auth/accessTokens';
import type { AccessTokens } from './auth/accessTokens';
import { createPrincipalLoader } from './auth/principals';
import type { Database } from './db/database';
import { registerAdminRoutes } from './http/adminRoutes';
import { registerAuthRoutes } from './http/authRoutes';
import type { HttpOptions, ServerContext } from './http/context';
import { installErrorHandlers } from './http/errors';
import { registerSyncRoutes } from './http/syncRoutes';
import { registerWebRoot } from './http/webRoot';
import type { ChangeFeed } from './sync/changeFeed';
import { createStreamHub } from './sync/streamHub';

export const defaultHttpOptions: HttpOptions = {
  bodyLimitBytes: 5 * 1024 * 1024,
  signInRateLimit: { max: 10, windowMs: 60_000 },
  heartbeatMs: 15_000,
  corsOrigins: [],
  webRoot: undefined,
  trustProxy: false,
};

/** The desktop app's own origin and any localhost port (dev servers, the web build in tests). */
const builtInOrigin = /^(app:\/\/fairlead|https?:\/\/(localhost|127\.0\.0\.1|\[::1\])(:\d+)?)$/;

export const isAllowedOrigin = (origin: string, extra: readonly string[]): boolean =>
  builtInOrigin.test(origin) || extra.includes(origin);

export type AppDependencies = {
  db: Database;
  feed: ChangeFeed;
  jwtSecret: string;
  options?: Partial<HttpOptions>;
  logger?: FastifyServerOptions['logger'];
  /** Tests shorten token lifetimes. */
  tokens?: AccessTokens;
};

/** Builds the HTTP server (not listening yet). Closing it ends open streams; the database is the caller's. */
export const buildApp = async (deps: AppDependencies): Promise<FastifyInstance> => {
  const options: HttpOptions = { ...defaultHttpOptions, ...deps.options };
  const app = Fastify({
    logger: deps.logger ?? false,
    bodyLimit: options.bodyLimitBytes,
    trustProxy: options.trustProxy,
  });
  const hub = createStreamHub(deps.feed);
  const context: ServerContext = {
    db: deps.db,
    feed: deps.feed,
    hub,
    tokens: deps.tokens ?? createAccessTokens(deps.jwtSecret),
    principals: createPrincipalLoader(deps.db),
    options,
  };
  installErrorHandlers(app);
  await app.register(cors, {
    origin: (origin, callback) =>
      callback(null, origin === undefined || isAllowedOrigin(origin, options.corsOrigins)),
    methods: ['GET', 'POST', 'OPTIONS'],
    allowedHeaders: ['authorization', 'content-type'],
    maxAge: 600,
  });
  await app.register(rateLimit, { global: false });
  app.addHook('preClose', async () => hub.close());
  app.get('/api/v1/health', async () => ({ ok: true, database: deps.db.kind }));
  registerAuthRoutes(app, context);
  registerSyncRoutes(app, context);
  registerAdminRoutes(app, context);
  await registerWebRoot(app, options.webRoot);
  return app;
};
