import { syncApiPrefix } from '../../src-shared/sync/protocol';
import type { StreamEvent } from '../../src-shared/sync/protocol';
import { isAbort, OfflineError, SignedOutError } from './errors';
import type { HttpClient } from './httpClient';

export type StreamConnection = 'connecting' | 'open' | 'offline' | 'error' | 'closed';

/** Exponential backoff between reconnects: min, doubling, capped at max. */
export type Backoff = { minMs: number; maxMs: number };

export type SharedEventStreamOptions = {
  http: HttpClient;
  onEvent(event: StreamEvent): void;
  onConnection(state: StreamConnection, error?: unknown): void;
  backoff: Backoff;
  /**
   * The server sends a heartbeat comment every 15 s; silence for this long means a dead connection (a laptop that
   * slept, a NAT that forgot us), which TCP alone may not notice for minutes.
   */
  silenceTimeoutMs?: number;
};

export type SharedEventStream = {
  /** Skip the remaining backoff and connect now (the person pressed "Sync now", the OS reported online). */
  reconnectNow(): void;
  close(): void;
};

/**
 * Splits a server-sent-events byte stream into the data of each event. Only `data:` lines matter to this
 * protocol; comments (heartbeats), `event:` and `id:` lines are ignored.
 */
export const createSseParser = (onData: (data: string) => void) => {
  const decoder = new TextDecoder();
  let buffer = '';
  let data: string[] = [];
  const line = (text: string) => {
    if (text === '') {
      if (data.length > 0) onData(data.join('\n'));
      data = [];
    } else if (text.startsWith('data:')) {
      data.push(text.charCodeAt(5) === 32 ? text.slice(6) : text.slice(5));
    }
  };
  return (chunk: Uint8Array) => {
    buffer += decoder.decode(chunk, { stream: true });
    let start = 0;
    for (let end = buffer.indexOf('\n'); end >= 0; end = buffer.indexOf('\n', start)) {
      const text = buffer.slice(start, end);
      line(text.endsWith('\r') ? text.slice(0, -1) : text);
      start = end + 1;
    }
    buffer = buffer.slice(start);
  };
};

/**
 * ONE `GET /api/v1/sync/stream` per device, read with fetch streaming (EventSource cannot send the Bearer header).
 * Reconnects with exponential backoff; the server opens every connection with RESYNC, so whatever happened while
 * disconnected is pulled then. A stream the server ends (its access token expired) reconnects at once with a
 * fresh token.
 */
export const openSharedEventStream = ({
  http,
  onEvent,
  onConnection,
  backoff,
  silenceTimeoutMs = 45_000,
}: SharedEventStreamOptions): SharedEventStream => {
  let closed = false;
  let abort: AbortController | null = null;
  let wake: (() => void) | null = null;
  let delay = backoff.minMs;

  const sleep = (ms: number) =>
    new Promise<void>((resolve) => {
      const timer = setTimeout(done, ms);
      function done() {
        clearTimeout(timer);
        wake = null;
        resolve();
      }
      wake = done;
    });

  const dispatch = (data: string) => {
    let event: StreamEvent;
    try {
      event = JSON.parse(data) as StreamEvent;
    } catch {
      console.warn('Ignoring a malformed sync stream event');
      return;
    }
    // A delivered event proves the connection works: the next outage starts over at the short delay.
    delay = backoff.minMs;
    onEvent(event);
  };

  const read = async (body: ReadableStream<Uint8Array>, controller: AbortController) => {
    const reader = body.getReader();
    const parse = createSseParser(dispatch);
    let silence: ReturnType<typeof setTimeout> | undefined;
    const watch = () => {
      clearTimeout(silence);
      silence = setTimeout(() => controller.abort(), silenceTimeoutMs);
    };
    watch();
    try {
      for (;;) {
        const { value, done } = await reader.read();
        if (done) return;
        watch();
        parse(value);
      }
    } finally {
      clearTimeout(silence);
      reader.releaseLock();
    }
  };

  const run = async () => {
    while (!closed) {
      const controller = new AbortController();
      abort = controller;
      onConnection('connecting');
      let opened = 0;
      try {
        const response = await http.openStream(`${syncApiPrefix}/stream`, controller.signal);
        if (!response.body) throw new OfflineError('The sync stream has no body.');
        opened = Date.now();
        onConnection('open');
        await read(response.body, controller);
      } catch (error) {
        controller.abort();
        if (closed) break;
        if (error instanceof SignedOutError) {
          onConnection('closed', error);
          break;
        }
        const offline = error instanceof OfflineError || isAbort(error) || error instanceof TypeError;
        onConnection(offline ? 'offline' : 'error', error);
        await sleep(delay);
        delay = Math.min(delay * 2, backoff.maxMs);
        continue;
      }
      // The server ended the stream (its access token expired, a restart): reconnect at once, unless it keeps
      // ending streams right after opening them.
      if (Date.now() - opened > 5_000) delay = backoff.minMs;
      else {
        await sleep(delay);
        delay = Math.min(delay * 2, backoff.maxMs);
      }
    }
  };
  void run();

  return {
    reconnectNow() {
      delay = backoff.minMs;
      wake?.();
    },
    close() {
      closed = true;
      abort?.abort();
      wake?.();
      onConnection('closed');
    },
  };
};
