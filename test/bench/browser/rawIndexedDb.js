// Raw IndexedDB baselines for the renderer benchmark (test/bench/renderer.bench.ts), injected into the page as
// plain JS so nothing of the app's stack (RxDB, Dexie, React) is on the measured path. The raw store holds the same
// lead documents as the app's store, with the indexes a hand-written IndexedDB app would give the same queries.
(() => {
  const rawName = 'fairlead-bench-raw';
  const request = (req) =>
    new Promise((resolve, reject) => {
      req.onsuccess = () => resolve(req.result);
      req.onerror = () => reject(req.error);
    });
  const done = (tx) =>
    new Promise((resolve, reject) => {
      tx.oncomplete = () => resolve();
      tx.onerror = () => reject(tx.error);
      tx.onabort = () => reject(tx.error);
    });
  const indexes = {
    recency: ['recency', 'id'],
    status: ['status', 'recency', 'id'],
    grade: ['grade', 'recency', 'id'],
    campaign: ['campaignId', 'recency', 'id'],
    gradeSort: ['gradeOrder', 'recency', 'id'],
    fitSort: ['fitOrder', 'recency', 'id'],
    statusGradeSort: ['status', 'gradeOrder', 'recency', 'id'],
    ownerQueue: ['ownerId', 'status', 'updatedAt', 'id'],
  };
  const openRaw = () => {
    const req = indexedDB.open(rawName, 1);
    req.onupgradeneeded = () => {
      const leads = req.result.createObjectStore('leads', { keyPath: 'id' });
      for (const [name, keyPath] of Object.entries(indexes)) leads.createIndex(name, keyPath);
      const activities = req.result.createObjectStore('activities', { keyPath: 'id' });
      activities.createIndex('lead', ['leadId', 'at']);
      activities.createIndex('owner', ['ownerId', 'at']);
    };
    return request(req);
  };
  let db;
  const raw = async () => (db ??= await openRaw());

  /** Reads every document of an app store (RxDB keeps one Dexie database per collection) and copies it over. */
  const copyFromApp = async () => {
    const all = await indexedDB.databases();
    const copy = async (collection, storeName) => {
      const source = all.find(
        (info) => info.name && info.name.endsWith(`--${collection}`) && info.name.includes('fairlead'),
      );
      if (!source) return 0;
      const appDb = await request(indexedDB.open(source.name));
      const docs = await request(appDb.transaction('docs', 'readonly').objectStore('docs').getAll());
      appDb.close();
      const target = await raw();
      const tx = target.transaction(storeName, 'readwrite');
      const store = tx.objectStore(storeName);
      store.clear();
      for (const doc of docs) if (doc._deleted !== '1' && doc._deleted !== true) store.put(doc);
      await done(tx);
      return docs.length;
    };
    return { leads: await copy('leads', 'leads'), activities: await copy('activities', 'activities') };
  };

  const range = (prefix) => (prefix.length === 0 ? null : IDBKeyRange.bound(prefix, [...prefix, []]));

  /** The first `limit` leads of an index range, in index order, plus the range's count: what a list screen shows. */
  const listPage = async (indexName, prefix, limit) => {
    const tx = (await raw()).transaction('leads', 'readonly');
    const index = tx.objectStore('leads').index(indexName);
    const rows = [];
    await new Promise((resolve, reject) => {
      const req = index.openCursor(range(prefix));
      req.onerror = () => reject(req.error);
      req.onsuccess = () => {
        const cursor = req.result;
        if (!cursor || rows.length >= limit) return resolve();
        rows.push(cursor.value);
        cursor.continue();
      };
    });
    return rows;
  };
  /** `limit` leads from position `skip` of an index range (cursor.advance): a deep scroll. */
  const pageAt = async (indexName, prefix, skip, limit) => {
    const tx = (await raw()).transaction('leads', 'readonly');
    const index = tx.objectStore('leads').index(indexName);
    const rows = [];
    let advanced = skip === 0;
    await new Promise((resolve, reject) => {
      const req = index.openCursor(range(prefix));
      req.onerror = () => reject(req.error);
      req.onsuccess = () => {
        const cursor = req.result;
        if (!cursor || rows.length >= limit) return resolve();
        if (!advanced) {
          advanced = true;
          cursor.advance(skip);
          return;
        }
        rows.push(cursor.value);
        cursor.continue();
      };
    });
    return rows;
  };
  const count = async (indexName, prefix) => {
    const tx = (await raw()).transaction('leads', 'readonly');
    return request(tx.objectStore('leads').index(indexName).count(range(prefix)));
  };

  /**
   * Substring search as a raw app would do it: walk the recency index and keep matches until a page is full;
   * the count needs every document, read with getAll (faster than a cursor).
   */
  const searchPage = async (term, limit) => {
    const tx = (await raw()).transaction('leads', 'readonly');
    const index = tx.objectStore('leads').index('recency');
    const rows = [];
    await new Promise((resolve, reject) => {
      const req = index.openCursor();
      req.onerror = () => reject(req.error);
      req.onsuccess = () => {
        const cursor = req.result;
        if (!cursor || rows.length >= limit) return resolve();
        if (cursor.value.searchText.includes(term)) rows.push(cursor.value);
        cursor.continue();
      };
    });
    return rows;
  };
  const searchCount = async (term) => {
    const tx = (await raw()).transaction('leads', 'readonly');
    const all = await request(tx.objectStore('leads').getAll());
    let matches = 0;
    for (const lead of all) if (lead.searchText.includes(term)) matches += 1;
    return matches;
  };

  const put = async (doc) => {
    const tx = (await raw()).transaction('leads', 'readwrite');
    tx.objectStore('leads').put(doc);
    await done(tx);
  };
  const get = async (id) =>
    request((await raw()).transaction('leads', 'readonly').objectStore('leads').get(id));

  /** A campaign's leads and their activities: what a scoreboard has to read. */
  const campaignData = async (campaignId) => {
    const tx = (await raw()).transaction(['leads', 'activities'], 'readonly');
    const leads = await request(
      tx
        .objectStore('leads')
        .index('campaign')
        .getAll(range([campaignId])),
    );
    const activities = await request(tx.objectStore('activities').getAll());
    const ids = new Set(leads.map((lead) => lead.id));
    return {
      leads: leads.length,
      activities: activities.filter((activity) => ids.has(activity.leadId)).length,
    };
  };

  /** A rep's follow-up queue: the leads they own in sales or nurture, and their own activities. */
  const ownerQueue = async (ownerId) => {
    const tx = (await raw()).transaction(['leads', 'activities'], 'readonly');
    const leads = tx.objectStore('leads').index('ownerQueue');
    const open = await Promise.all(
      ['lead', 'nurture'].map((status) => request(leads.getAll(range([ownerId, status])))),
    );
    const activities = await request(
      tx
        .objectStore('activities')
        .index('owner')
        .getAll(range([ownerId])),
    );
    return { leads: open[0].length + open[1].length, activities: activities.length };
  };

  /** Every lead held in memory: the naive alternative to paging, for the heap comparison. */
  const holdAll = async () => {
    const tx = (await raw()).transaction('leads', 'readonly');
    window.__rawHeld = await request(tx.objectStore('leads').getAll());
    return window.__rawHeld.length;
  };

  window.rawBench = {
    copyFromApp,
    listPage,
    pageAt,
    count,
    searchPage,
    searchCount,
    put,
    get,
    campaignData,
    ownerQueue,
    holdAll,
    indexes,
  };
})();
