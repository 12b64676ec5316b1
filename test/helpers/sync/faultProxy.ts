import { createServer, request as httpRequest } from 'node:http';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';

export type ProxiedRequest = { method: string; path: string; status: number; dropped: boolean };

export type FaultProxy = {
  url: string;
  /**
   * The next request matching `path` is forwarded and fully answered by the server (it has committed), then the
   * answer is thrown away and the client's connection cut. Resolves when that happened.
   */
  dropNextResponse(path: RegExp): Promise<ProxiedRequest>;
  log: ProxiedRequest[];
  close(): Promise<void>;
};

/**
 * A tiny HTTP proxy on 127.0.0.1 between a client and the sync server that streams everything through (the SSE
 * stream included) and injects faults on demand.
 */
export const startFaultProxy = async (targetUrl: string): Promise<FaultProxy> => {
  const target = new URL(targetUrl);
  const faults: { path: RegExp; done: (request: ProxiedRequest) => void }[] = [];
  const log: ProxiedRequest[] = [];
  const sockets = new Set<Socket>();

  const forward = (incoming: IncomingMessage, outgoing: ServerResponse) => {
    const path = incoming.url ?? '/';
    const index = faults.findIndex((fault) => fault.path.test(path));
    const fault = index >= 0 ? faults.splice(index, 1)[0] : undefined;
    const upstream = httpRequest(
      {
        host: target.hostname,
        port: target.port,
        method: incoming.method,
        path,
        headers: { ...incoming.headers, host: target.host },
      },
      (answer) => {
        const entry: ProxiedRequest = {
          method: incoming.method ?? 'GET',
          path,
          status: answer.statusCode ?? 0,
          dropped: fault !== undefined,
        };
        log.push(entry);
        if (fault) {
          // Read the whole answer so the server finishes its side, then hang up on the client.
          answer.resume();
          answer.on('end', () => {
            outgoing.socket?.destroy();
            fault.done(entry);
          });
          return;
        }
        outgoing.writeHead(answer.statusCode ?? 502, answer.headers);
        outgoing.flushHeaders();
        answer.pipe(outgoing);
        outgoing.on('close', () => answer.destroy());
      },
    );
    upstream.on('error', () => outgoing.socket?.destroy());
    incoming.pipe(upstream);
  };

  const server = createServer(forward);
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    log,
    dropNextResponse: (path) => new Promise<ProxiedRequest>((done) => faults.push({ path, done })),
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
};
