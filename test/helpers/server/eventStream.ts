import type { StreamEvent } from '../../../src-shared/sync/protocol';

export type EventStreamReader = {
  status: number;
  headers: Headers;
  events: StreamEvent[];
  /** Number of comment lines (heartbeats) received. */
  comments(): number;
  /** True once the server ended the stream. */
  ended(): boolean;
  /** Resolves with the first event (already received or arriving) that matches. */
  waitFor(predicate: (event: StreamEvent) => boolean, timeoutMs?: number): Promise<StreamEvent>;
  /** Resolves once the server ends the stream. */
  waitForEnd(timeoutMs?: number): Promise<void>;
  close(): void;
};

/**
 * Opens `GET /api/v1/sync/stream` the way the client does (fetch streaming with an Authorization header) and
 * collects its events. A non-200 answer resolves too, with `status` set and no events.
 */
export const openEventStream = async (baseUrl: string, token: string): Promise<EventStreamReader> => {
  const abort = new AbortController();
  const response = await fetch(`${baseUrl}/api/v1/sync/stream`, {
    headers: { authorization: `Bearer ${token}`, accept: 'text/event-stream' },
    signal: abort.signal,
  });
  const events: StreamEvent[] = [];
  let comments = 0;
  let ended = response.status !== 200;
  const waiters = new Set<() => void>();
  const wake = () => {
    for (const waiter of waiters) waiter();
  };

  if (response.status === 200 && response.body) {
    const reader = response.body.getReader();
    const decoder = new TextDecoder();
    let buffer = '';
    void (async () => {
      try {
        for (;;) {
          const { value, done } = await reader.read();
          if (done) break;
          buffer += decoder.decode(value, { stream: true });
          let boundary = buffer.indexOf('\n\n');
          while (boundary >= 0) {
            const block = buffer.slice(0, boundary);
            buffer = buffer.slice(boundary + 2);
            for (const line of block.split('\n')) {
              if (line.startsWith(':')) comments += 1;
              else if (line.startsWith('data: ')) events.push(JSON.parse(line.slice(6)) as StreamEvent);
            }
            boundary = buffer.indexOf('\n\n');
          }
          wake();
        }
      } catch {
        // Aborted by close().
      } finally {
        ended = true;
        wake();
      }
    })();
  } else {
    await response.body?.cancel();
  }

  const until = (check: () => boolean, timeoutMs: number, what: string) =>
    new Promise<void>((resolve, reject) => {
      if (check()) return resolve();
      const waiter = () => {
        if (!check()) return;
        clearTimeout(timer);
        waiters.delete(waiter);
        resolve();
      };
      const timer = setTimeout(() => {
        waiters.delete(waiter);
        reject(
          new Error(`Timed out after ${timeoutMs} ms waiting for ${what}; got ${JSON.stringify(events)}`),
        );
      }, timeoutMs);
      waiters.add(waiter);
    });

  return {
    status: response.status,
    headers: response.headers,
    events,
    comments: () => comments,
    ended: () => ended,
    async waitFor(predicate, timeoutMs = 5000) {
      await until(() => events.some(predicate), timeoutMs, 'a matching stream event');
      return events.find(predicate) as StreamEvent;
    },
    waitForEnd: (timeoutMs = 5000) => until(() => ended, timeoutMs, 'the end of the stream'),
    close: () => abort.abort(),
  };
};

/** Events of type `changes` for one collection, flattened to their documents. */
export const streamedDocuments = (events: readonly StreamEvent[], collection: string) =>
  events.flatMap((event) =>
    event.type === 'changes' && event.collection === collection ? event.documents : [],
  );
