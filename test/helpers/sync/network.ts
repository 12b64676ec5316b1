/** One request a client made, for assertions such as "no pull happened". */
export type RecordedRequest = { method: string; path: string; at: number };

export type SwitchableNetwork = {
  /** Pass as `fetch` to startSync: behaves like the global fetch while online. */
  fetch: typeof fetch;
  /** Cuts the cable: open streams and requests in flight break, new ones fail like an unreachable host. */
  offline(): void;
  online(): void;
  isOnline(): boolean;
  requests: RecordedRequest[];
};

/**
 * A device's network in a test: every client gets its own, so one laptop can go offline while the others stay
 * online, in one process.
 */
export const createSwitchableNetwork = (): SwitchableNetwork => {
  let online = true;
  const inFlight = new Set<AbortController>();
  const requests: RecordedRequest[] = [];

  const fetchImpl = async (input: string | URL | Request, init: RequestInit = {}): Promise<Response> => {
    const url = new URL(input instanceof Request ? input.url : String(input));
    requests.push({ method: init.method ?? 'GET', path: url.pathname, at: Date.now() });
    if (!online) throw new TypeError('fetch failed (the test network is offline)');
    const controller = new AbortController();
    const outer = init.signal;
    if (outer?.aborted) controller.abort(outer.reason);
    outer?.addEventListener('abort', () => controller.abort(outer.reason), { once: true });
    inFlight.add(controller);
    const streaming = new Headers(init.headers).get('accept') === 'text/event-stream';
    try {
      return await fetch(input, { ...init, signal: controller.signal });
    } finally {
      // A stream stays breakable for as long as it is read; a plain request is over once answered.
      if (!streaming) inFlight.delete(controller);
    }
  };

  return {
    fetch: fetchImpl as typeof fetch,
    offline() {
      online = false;
      for (const controller of inFlight) controller.abort(new TypeError('network down'));
      inFlight.clear();
    },
    online() {
      online = true;
    },
    isOnline: () => online,
    requests,
  };
};
