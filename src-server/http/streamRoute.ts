import type { FastifyInstance } from 'fastify';
import type { OutgoingHttpHeaders } from 'node:http';
import { syncApiPrefix } from '../../src-shared/sync/protocol';
import type { StreamEvent } from '../../src-shared/sync/protocol';
import { authenticate } from './authenticate';
import type { ServerContext } from './context';

const maxBufferedBytes = 8 * 1024 * 1024;

/**
 * `GET /api/v1/sync/stream`: server-sent events, one per device. Opens with RESYNC (pull from your checkpoint),
 * then carries each committed change the user may see. It ends when the access token expires (the client
 * reconnects with a fresh one) or the user is disabled or changes team or role, so a long-lived stream never outlives its authorization.
 */
export const registerStreamRoute = (app: FastifyInstance, context: ServerContext): void => {
  app.get(`${syncApiPrefix}/stream`, async (request, reply) => {
    const { principal, tokenExpiresAt } = await authenticate(context, request);
    reply.hijack();
    const raw = reply.raw;
    // Hijacked replies skip Fastify's header handling: carry over what hooks set (CORS).
    const headers: OutgoingHttpHeaders = {
      ...(reply.getHeaders() as OutgoingHttpHeaders),
      'content-type': 'text/event-stream; charset=utf-8',
      'cache-control': 'no-cache, no-transform',
      connection: 'keep-alive',
      // Proxies (nginx) must not buffer events.
      'x-accel-buffering': 'no',
    };
    raw.writeHead(200, headers);

    let open = true;
    const write = (text: string) => {
      if (!open) return;
      raw.write(text);
      // A client that stops reading must not make the server buffer without bound: drop it, and it resyncs
      // (pulls from its checkpoint) when it reconnects.
      if (raw.writableLength > maxBufferedBytes) end();
    };
    const send = (event: StreamEvent) => write(`data: ${JSON.stringify(event)}\n\n`);
    const end = () => {
      if (!open) return;
      open = false;
      clearInterval(heartbeat);
      clearTimeout(expiry);
      remove();
      raw.end();
    };
    // Subscribe before RESYNC: whatever commits after this reaches the stream, whatever committed before is in
    // the pull the client makes on RESYNC. Nothing falls in between.
    const remove = context.hub.add({ principal, send, end });
    send({ type: 'RESYNC' });
    const heartbeat = setInterval(() => {
      write(': heartbeat\n\n');
      context.principals
        .load(principal.userId)
        .then((user) => {
          // Disabled, or moved to another team or role: what this stream may carry changed, so end it; the
          // client reconnects and pulls under the new rules.
          const changed =
            !user?.active ||
            user.role !== principal.role ||
            user.teamId !== principal.teamId ||
            user.orgId !== principal.orgId;
          if (changed) end();
        })
        .catch((error: unknown) => request.log.warn({ err: error }, 'stream user check failed'));
    }, context.options.heartbeatMs);
    const expiry = setTimeout(end, Math.min(2 ** 31 - 1, Math.max(0, tokenExpiresAt - Date.now())));
    raw.on('close', end);
    raw.on('error', end);
  });
};
