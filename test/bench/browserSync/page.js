/* global performance, indexedDB, PouchDB */
// Injected into Chromium by test/bench/browserSync.bench.ts (page.addScriptTag). Plain JS on purpose: functions
// handed to page.evaluate from a tsx-run file can carry esbuild helpers the page does not have. Every time here
// is the page's own performance.now(), so no round trip to the Node side is counted.
(() => {
  const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

  /**
   * Ours, in the real web app: `armSignInTimer` runs before the Sign in click (the first submit event is t0);
   * `awaitOursInSync` then waits for the store to open (window.fairlead appears), for replication to be in sync
   * and for the store to hold `expected` leads. Times: submit -> store open -> done.
   */
  const armSignInTimer = () => {
    window.__benchTimes = { submitted: null, storeOpened: null };
    document.addEventListener(
      'submit',
      () => {
        if (window.__benchTimes.submitted === null) window.__benchTimes.submitted = performance.now();
      },
      true,
    );
  };

  const awaitOursInSync = async (expected, timeoutMs) => {
    const deadline = performance.now() + timeoutMs;
    while (!window.fairlead) {
      if (performance.now() > deadline) throw new Error('The store did not open (no window.fairlead)');
      await sleep(5);
    }
    window.__benchTimes.storeOpened = performance.now();
    let count = 0;
    for (;;) {
      await window.fairlead.awaitInSync();
      count = await window.fairlead.countLeads();
      if (count >= expected) break;
      if (performance.now() > deadline) break;
      await sleep(20);
    }
    const done = performance.now();
    return {
      submitted: window.__benchTimes.submitted,
      storeOpened: window.__benchTimes.storeOpened,
      done,
      count,
      status: window.fairlead.syncStatus(),
    };
  };

  /** PouchDB (IndexedDB adapter) replicating from the CouchDB-protocol server this page was served from. */
  const pouchReplicate = async (remoteUrl, options) => {
    const local = new PouchDB(`bench-${Date.now()}-${Math.random().toString(36).slice(2)}`, {
      adapter: 'idb',
    });
    const started = performance.now();
    const result = await PouchDB.replicate(remoteUrl, local, options);
    const ms = performance.now() - started;
    const info = await local.info();
    await local.destroy();
    return {
      ms,
      adapter: local.adapter,
      count: info.doc_count,
      docsWritten: result.docs_written,
      ok: result.ok,
      status: result.status,
    };
  };

  const fetchAll = async (serverUrl, accessToken, collection, limit) => {
    const documents = [];
    let checkpoint = null;
    for (;;) {
      const response = await fetch(`${serverUrl}/api/v1/sync/${collection}/pull`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${accessToken}` },
        body: JSON.stringify({ checkpoint, limit }),
      });
      if (!response.ok) throw new Error(`pull answered ${response.status}`);
      const page = await response.json();
      for (const doc of page.documents) documents.push(doc);
      checkpoint = page.checkpoint;
      if (page.documents.length < limit) return documents;
    }
  };

  const keyPathOf = (index) => (index.includes('+') ? index.replace(/^\[|\]$/g, '').split('+') : index);

  const openStores = (stores) =>
    new Promise((resolve, reject) => {
      const request = indexedDB.open(`bench-raw-${Date.now()}-${Math.random().toString(36).slice(2)}`, 1);
      request.onupgradeneeded = () => {
        for (const [name, indexes] of Object.entries(stores)) {
          const store = request.result.createObjectStore(name, { keyPath: 'id' });
          for (const index of indexes) store.createIndex(index, keyPathOf(index));
        }
      };
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(request.error);
    });

  const countOf = (db, name) =>
    new Promise((resolve, reject) => {
      const request = db.transaction(name).objectStore(name).count();
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(request.error);
    });

  /**
   * The raw baseline: every lead through our pull endpoint (largest page it allows, one request after the other,
   * as the checkpoint demands), then one readwrite transaction.
   * Without `layout`: a plain object store, no indexes (the raw baseline of the issue).
   * With `layout` ({ forkIndexes, metaIndexes }, the index lists RxDB's Dexie storage creates for the leads
   * collection and for the replication's meta instance): the same writes a replicating RxDB store must make,
   * done raw: each lead into an indexed store, and its master state into a meta store. No reads, no RxDB.
   */
  const rawFetchAndStore = async (serverUrl, accessToken, collection, limit, layout) => {
    const started = performance.now();
    const documents = await fetchAll(serverUrl, accessToken, collection, limit);
    const fetched = performance.now();
    const db = await openStores(
      layout ? { docs: layout.forkIndexes, meta: layout.metaIndexes } : { docs: [] },
    );
    await new Promise((resolve, reject) => {
      const transaction = db.transaction(layout ? ['docs', 'meta'] : ['docs'], 'readwrite');
      const docs = transaction.objectStore('docs');
      if (layout) {
        const meta = transaction.objectStore('meta');
        const lwt = Date.now();
        documents.forEach((doc, i) => {
          const internals = {
            _deleted: doc._deleted ? '1' : '0',
            _meta: { lwt: lwt + i / 1000 },
            _rev: '1-raw',
            _attachments: {},
          };
          docs.put({ ...doc, ...internals });
          meta.put({ id: `${doc.id}|0`, isCheckpoint: '0', itemId: doc.id, docData: doc, ...internals });
        });
      } else {
        for (const doc of documents) docs.put(doc);
      }
      transaction.oncomplete = () => resolve();
      transaction.onerror = () => reject(transaction.error);
      transaction.onabort = () => reject(transaction.error);
    });
    const ms = performance.now() - started;
    const count = await countOf(db, 'docs');
    db.close();
    return { ms, fetchMs: fetched - started, count, fetched: documents.length };
  };

  window.benchSync = { armSignInTimer, awaitOursInSync, pouchReplicate, rawFetchAndStore };
})();
