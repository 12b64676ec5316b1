// In-page probes for the renderer benchmark (test/bench/renderer.bench.ts), added before the app loads. Times are
// taken inside the page: from the user's action (an input event, a hash change) until the DOM shows its result,
// checked on every DOM mutation, so no round trip to the driving process is in the figure.
(() => {
  const longTasks = [];
  try {
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries())
        longTasks.push({ start: entry.startTime, duration: entry.duration });
    }).observe({ type: 'longtask', buffered: true });
  } catch {
    // No long-task timing in this browser: the bench reports none.
  }

  const until = (predicate, timeout = 120000) =>
    new Promise((resolve, reject) => {
      if (predicate()) return resolve(performance.now());
      const finish = () => {
        const at = performance.now();
        cleanup();
        resolve(at);
      };
      const observer = new MutationObserver(() => {
        if (predicate()) finish();
      });
      const poll = setInterval(() => {
        if (predicate()) finish();
      }, 4);
      const deadline = setTimeout(() => {
        cleanup();
        reject(new Error(`timed out waiting for the screen (${predicate.toString().slice(0, 120)})`));
      }, timeout);
      const cleanup = () => {
        observer.disconnect();
        clearInterval(poll);
        clearTimeout(deadline);
      };
      observer.observe(document, { subtree: true, childList: true, attributes: true, characterData: true });
    });

  const setValue = (element, value) => {
    const proto = Object.getPrototypeOf(element);
    Object.getOwnPropertyDescriptor(proto, 'value').set.call(element, value);
    element.dispatchEvent(new Event(element.tagName === 'SELECT' ? 'change' : 'input', { bubbles: true }));
  };
  const $ = (selector) => document.querySelector(selector);
  const leadList = () => $('[role="list"][aria-label="Leads"]');
  const listShows = (key) => {
    const list = leadList();
    if (list) return list.dataset.showing === key && Boolean(list.querySelector('a.lead-row-link'));
    return Boolean($('.empty-state')) && $('[data-testid="lead-count"]')?.dataset.counted === key;
  };
  const counted = (key) => $('[data-testid="lead-count"]')?.dataset.counted === key;
  const filterKey = (filters) =>
    [
      filters.search ?? '',
      filters.status ?? '',
      filters.grade ?? '',
      filters.campaignId ?? '',
      filters.sort ?? 'newest',
    ].join('|');
  const select = (label) => $(`select[aria-label="${label}"]`);
  const searchBox = () => $('input[aria-label="Search leads"]');
  const frame = () => new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));

  // Cold start: the first moment the lead list shows rows and the search box is there to type into.
  new MutationObserver(() => {
    if (window.__listInteractiveAt) return;
    const list = leadList();
    if (searchBox() && list && list.querySelector('a.lead-row-link'))
      window.__listInteractiveAt = performance.now();
  }).observe(document, { subtree: true, childList: true });

  const goTo = async (hash, ready) => {
    location.hash = hash;
    await until(ready);
    await frame();
  };

  /** Puts the lead list in a known state (filters as given) and waits until it shows it, rows and count. */
  const showList = async (filters) => {
    if (!location.hash.startsWith('#/leads') || location.hash.includes('/leads/'))
      await goTo('#/leads', () => Boolean(searchBox()));
    const wanted = { search: '', status: '', grade: '', campaignId: '', sort: 'newest', ...filters };
    if (searchBox().value !== wanted.search) setValue(searchBox(), wanted.search);
    for (const [label, field] of [
      ['Status', 'status'],
      ['Grade', 'grade'],
      ['Campaign', 'campaignId'],
      ['Sort', 'sort'],
    ])
      if (select(label).value !== wanted[field]) setValue(select(label), wanted[field]);
    const key = filterKey(wanted);
    await until(() => listShows(key) && counted(key));
    await frame();
  };

  const probes = {
    /** From another screen to the lead list showing its first page, then its count. */
    openList: async ({ filters = {} }) => {
      await showList(filters);
      await goTo('#/settings', () => Boolean($('#settings-title') || $('h1')) && !searchBox());
      const key = filterKey({
        search: '',
        status: '',
        grade: '',
        campaignId: '',
        sort: 'newest',
        ...filters,
      });
      const started = performance.now();
      location.hash = '#/leads';
      const rows = await until(() => listShows(key));
      const count = await until(() => counted(key));
      return { rows: rows - started, count: count - started };
    },
    /** One filter control changed from the plain list: until the first page, then the count, are shown. */
    filter: async ({ label, value, base = {} }) => {
      await showList(base);
      const field = { Status: 'status', Grade: 'grade', Campaign: 'campaignId', Sort: 'sort' }[label];
      const key = filterKey({ ...base, [field]: value });
      const started = performance.now();
      setValue(select(label), value);
      const rows = await until(() => listShows(key));
      const count = await until(() => counted(key));
      return { rows: rows - started, count: count - started };
    },
    /**
     * Typing a term one letter at a time, each letter left until the list settled: per keystroke, the time to
     * the matching rows and to the count. Long tasks are read from the whole typing window.
     */
    typeSearch: async ({ term }) => {
      await showList({});
      const from = performance.now();
      const perKey = [];
      for (let length = 1; length <= term.length; length += 1) {
        const prefix = term.slice(0, length);
        const key = filterKey({ search: prefix });
        const started = performance.now();
        setValue(searchBox(), prefix);
        const rows = await until(() => listShows(key));
        const count = await until(() => counted(key));
        perKey.push({ prefix, rows: rows - started, count: count - started });
      }
      return {
        perKey,
        longTasks: longTasks.filter((task) => task.start >= from).map((task) => task.duration),
      };
    },
    /** Typing at a steady pace (a fast typist) without waiting: long tasks while typing and until settled. */
    typeFast: async ({ term, intervalMs }) => {
      await showList({});
      const from = performance.now();
      for (let length = 1; length <= term.length; length += 1) {
        setValue(searchBox(), term.slice(0, length));
        await new Promise((resolve) => setTimeout(resolve, intervalMs));
      }
      const key = filterKey({ search: term });
      const settled = await until(() => listShows(key) && counted(key));
      return {
        settledAfterLastKey: settled - from - (term.length - 1) * intervalMs,
        longTasks: longTasks.filter((task) => task.start >= from).map((task) => task.duration),
      };
    },
    /** Scrolling down the list in steps of a screen, a frame apart; then time until the rows at the end show. */
    scroll: async ({ filters = {}, steps, stepPx }) => {
      await showList(filters);
      const list = leadList();
      const from = performance.now();
      for (let step = 1; step <= steps; step += 1) {
        list.scrollTop = step * stepPx;
        await frame();
      }
      const lastScroll = performance.now();
      const filled = await until(() => {
        const rows = [...list.querySelectorAll('[role="listitem"]')];
        const box = list.getBoundingClientRect();
        const onScreen = rows.filter((row) => {
          const rect = row.getBoundingClientRect();
          return rect.bottom > box.top && rect.top < box.bottom;
        });
        return onScreen.length > 0 && onScreen.every((row) => row.querySelector('a.lead-row-link'));
      });
      const firstRow = Math.floor(list.scrollTop / 56);
      return {
        filledAfterLastScroll: filled - lastScroll,
        firstRow,
        longTasks: longTasks.filter((task) => task.start >= from).map((task) => task.duration),
      };
    },
    /** From the list to a lead's page showing its name. */
    openLead: async ({ id, name }) => {
      await showList({});
      const started = performance.now();
      location.hash = `#/leads/${id}`;
      const shown = await until(() => $('#lead-title')?.textContent?.trim() === name);
      return { ms: shown - started };
    },
    /** From another screen to a screen whose figures are ready (no "Computing figures" status left). */
    openFigures: async ({ hash, ready }) => {
      await goTo('#/settings', () => !searchBox() && Boolean($('h1')));
      const started = performance.now();
      location.hash = hash;
      const shown = await until(() => Boolean($(ready)));
      return { ms: shown - started };
    },
    /** The scoreboard per rep for one campaign, from choosing the campaign until its table is computed. */
    scoreboard: async ({ campaignId }) => {
      await goTo('#/scoreboard', () => Boolean($('#scoreboard-campaign')));
      const picker = $('#scoreboard-campaign');
      await until(() => [...picker.options].some((option) => option.value === campaignId));
      await until(() => Boolean($('[data-figures-for]')));
      const started = performance.now();
      setValue(picker, campaignId);
      const shown = await until(
        () =>
          $('.scoreboard-screen')?.dataset.figuresFor === `campaign:${campaignId}` &&
          Boolean($('table[aria-label="Weekly scoreboard"]')),
      );
      setValue(picker, '');
      return { ms: shown - started };
    },
    /** Capture: the form submitted with Enter until the lead is in "Recently captured". */
    capture: async ({ firstName, lastName, company }) => {
      await goTo('#/capture', () => Boolean($('input[name="firstName"]')));
      setValue($('input[name="firstName"]'), firstName);
      setValue($('input[name="lastName"]'), lastName);
      setValue($('input[name="company"]'), company);
      await frame();
      const started = performance.now();
      $('form').requestSubmit();
      const shown = await until(() =>
        [...document.querySelectorAll('.recent-captures li')].some((item) =>
          item.textContent.includes(`${firstName} ${lastName}`),
        ),
      );
      return { ms: shown - started };
    },
  };

  window.benchUi = { longTasks, until, run: (name, args) => probes[name](args) };
})();
