import { createServer } from 'node:http';
import type { IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';

export type LossyProxy = {
  url: string;
  /**
   * The next request whose path matches is forwarded and fully answered by the server, then the answer is thrown
   * away and the client's connection cut: "the server committed, the response was lost". Resolves at that moment.
   */
  loseNextResponse(pathPattern: RegExp): Promise<void>;
  close(): Promise<void>;
};

const readBody = async (request: IncomingMessage): Promise<Buffer> => {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
};

/** An HTTP proxy in front of a server (buffered, no streaming: for pushes and pulls, not for the SSE stream). */
export const startLossyProxy = async (target: () => string): Promise<LossyProxy> => {
  const pending: { pattern: RegExp; lost: () => void }[] = [];
  const server = createServer((request, response) => {
    void (async () => {
      const body = await readBody(request);
      const headers = Object.fromEntries(
        Object.entries(request.headers).filter(
          (entry): entry is [string, string] =>
            typeof entry[1] === 'string' && !['host', 'connection', 'content-length'].includes(entry[0]),
        ),
      );
      try {
        const upstream = await fetch(`${target()}${request.url ?? '/'}`, {
          method: request.method,
          headers,
          body: body.length > 0 ? new Uint8Array(body) : undefined,
        });
        const answer = Buffer.from(await upstream.arrayBuffer());
        const index = pending.findIndex((entry) => entry.pattern.test(request.url ?? ''));
        const lose = index >= 0 ? pending.splice(index, 1)[0] : undefined;
        if (lose) {
          response.socket?.destroy();
          lose.lost();
          return;
        }
        response.writeHead(upstream.status, {
          'content-type': upstream.headers.get('content-type') ?? 'application/json',
        });
        response.end(answer);
      } catch {
        response.socket?.destroy();
      }
    })();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    loseNextResponse: (pattern) => new Promise<void>((resolve) => pending.push({ pattern, lost: resolve })),
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
};
