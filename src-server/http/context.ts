import type { AccessTokens } from '../auth/accessTokens';
import type { PrincipalLoader } from '../auth/principals';
import type { Database } from '../db/database';
import type { ChangeFeed } from '../sync/changeFeed';
import type { StreamHub } from '../sync/streamHub';

/** Options of the HTTP layer; defaults in app.ts, production values from the environment (config.ts). */
export type HttpOptions = {
  /** Largest accepted request body. */
  bodyLimitBytes: number;
  /** Sign-in attempts allowed per client address and email within `windowMs`. */
  signInRateLimit: { max: number; windowMs: number };
  /** Interval of SSE heartbeat comments, which also re-check that the user is still active. */
  heartbeatMs: number;
  /** Extra browser origins allowed by CORS (the desktop app and localhost always are). */
  corsOrigins: string[];
  /** Folder of a built web renderer served on `/`, so the web build is same-origin. */
  webRoot: string | undefined;
  /** Trust X-Forwarded-For (behind a load balancer) so rate limits see the real client address. */
  trustProxy: boolean;
};

/** What every route handler needs. */
export type ServerContext = {
  db: Database;
  feed: ChangeFeed;
  hub: StreamHub;
  tokens: AccessTokens;
  principals: PrincipalLoader;
  options: HttpOptions;
};
