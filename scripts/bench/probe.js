/* global document, customElements, requestAnimationFrame */
// The in-page probe, installed before any page script runs (evaluateOnNewDocument). It freezes
// the clock at `pinnedNow`, records long tasks and layout shifts, and watches for the first
// painted event row on every page kind: `[part~="event"]` rows that are not skeletons, in the
// document or in an <otel-event-list>'s shadow root, and FullCalendar's `.fc-list-event` rows.
//
// A page whose rows arrive in its HTML (declarative shadow DOM written by `otel-calendar
// prerender`, with the data the build embedded) is recognized when the parser has finished, before
// any page script runs: the probe keeps the first of those rows and records when the element has
// taken over (that row is gone, its own render shown), and every frame after the first row that
// showed no row at all.
//
// This function is serialized into the page: it must not use anything from its module scope.

/**
 * @param {number} pinnedNow the epoch ms the page's clock shows
 */
export function installProbe(pinnedNow) {
  // Frozen, not just shifted: a clock that moved on while a 10,000-event page loads would move
  // the window's end past midnight and let the next day's all-day events in.
  const RealDate = Date;
  class PinnedDate extends RealDate {
    /** @param {unknown[]} args */
    constructor(...args) {
      if (args.length === 0) super(pinnedNow);
      // @ts-expect-error Date's overloads
      else super(...args);
    }
    static now() {
      return pinnedNow;
    }
  }
  globalThis.Date = /** @type {DateConstructor} */ (/** @type {unknown} */ (PinnedDate));

  const state = {
    /** @type {Array<[number, number]>} */
    longTasks: [],
    /** Layout shifts not caused by input: [startTime, value]. @type {Array<[number, number]>} */
    layoutShifts: [],
    /** performance.now() after the frame that first painted a row (rAF, then the next task). */
    firstRowPainted: /** @type {number | null} */ (null),
    /** Frames between the element's definition (upgrade) and the first painted row. */
    framesAfterUpgrade: /** @type {number | null} */ (null),
    upgradedAt: /** @type {number | null} */ (null),
    /** The page's HTML held rendered rows and the data embedded for the element's first render. */
    prerendered: false,
    /** performance.now() after the frame that first showed the element's own render in their place. */
    takenOver: /** @type {number | null} */ (null),
    /** Frames, once a row had been painted, that showed none (a flash of an empty list). */
    blankFrames: 0,
    rows: 0,
    done: false,
  };
  // @ts-expect-error the probe's global
  globalThis.__bench = state;

  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) state.longTasks.push([entry.startTime, entry.duration]);
  }).observe({ type: 'longtask', buffered: true });
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) {
      const shift = /** @type {PerformanceEntry & { value: number, hadRecentInput: boolean }} */ (entry);
      if (!shift.hadRecentInput) state.layoutShifts.push([shift.startTime, shift.value]);
    }
  }).observe({ type: 'layout-shift', buffered: true });

  const ROW = '.fc-list-event, [part~="event"]:not([part~="skeleton"])';
  const countRows = () => {
    let n = document.querySelectorAll(ROW).length;
    for (const host of document.querySelectorAll('otel-event-list')) {
      n += host.shadowRoot?.querySelectorAll(ROW).length ?? 0;
    }
    return n;
  };
  /** The first row on the page, or null (one `querySelector` per scope: cheap on any list). */
  const firstRow = () => {
    const row = document.querySelector(ROW);
    if (row) return row;
    for (const host of document.querySelectorAll('otel-event-list')) {
      const inShadow = host.shadowRoot?.querySelector(ROW);
      if (inShadow) return inShadow;
    }
    return null;
  };

  let frames = 0;
  let framesAtUpgrade = 0;
  customElements.whenDefined('otel-event-list').then(() => {
    state.upgradedAt = performance.now();
    framesAtUpgrade = frames;
  });
  // Callbacks for "the task after this frame", in order (a message is delivered after the paint).
  /** @type {Array<(at: number) => void>} */
  const afterPaint = [];
  const channel = new MessageChannel();
  channel.port1.onmessage = () => afterPaint.shift()?.(performance.now());
  const whenPainted = (/** @type {(at: number) => void} */ record) => {
    afterPaint.push(record);
    channel.port2.postMessage(0);
  };
  let seen = false;
  /** The first prerendered row, until the element's own render has replaced it. @type {Element | null} */
  let prerenderedRow = null;
  // 'interactive': the document is parsed and no deferred or module script has run yet.
  document.addEventListener('readystatechange', () => {
    if (document.readyState !== 'interactive') return;
    for (const host of document.querySelectorAll('otel-event-list')) {
      const root = host.shadowRoot;
      if (!root?.querySelector('script[data-otel-prerender]')) continue;
      state.prerendered = true;
      prerenderedRow ??= root.querySelector(ROW);
    }
  });
  const onFrame = () => {
    frames++;
    // Count only until the first row is seen: counting a big list every frame costs the page.
    if (!seen) {
      const row = firstRow();
      if (row) {
        seen = true;
        // The rows exist at this frame's rAF: this frame paints them; the next task runs after it.
        if (state.upgradedAt !== null) state.framesAfterUpgrade = frames - framesAtUpgrade;
        whenPainted((at) => {
          state.firstRowPainted = at;
        });
      }
    } else if (!firstRow()) state.blankFrames++;
    if (prerenderedRow && !prerenderedRow.isConnected) {
      prerenderedRow = null;
      whenPainted((at) => {
        state.takenOver = at;
      });
    }
    if (!state.done) requestAnimationFrame(onFrame);
  };
  requestAnimationFrame(onFrame);

  // Done: rows present (the element's own, on a prerendered page), their count unchanged for 3
  // checks 200 ms apart, no long task lately.
  let lastCount = -1;
  let stable = 0;
  const check = () => {
    const n = countRows();
    const lastTask = state.longTasks.at(-1);
    const quiet = !lastTask || performance.now() - (lastTask[0] + lastTask[1]) > 400;
    const own = !state.prerendered || state.takenOver !== null;
    stable = n > 0 && n === lastCount && quiet && own ? stable + 1 : 0;
    lastCount = n;
    state.rows = n;
    if (stable >= 3 && state.firstRowPainted !== null) state.done = true;
    else setTimeout(check, 200);
  };
  setTimeout(check, 200);
}
