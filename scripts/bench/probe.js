/* global document, customElements, requestAnimationFrame */
// The in-page probe, installed before any page script runs (evaluateOnNewDocument). It freezes
// the clock at `pinnedNow`, records long tasks, and watches for the first painted event row on
// every page kind: `[part~="event"]` rows that are not skeletons, in the document or in an
// <otel-event-list>'s shadow root, and FullCalendar's `.fc-list-event` rows.
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
    /** performance.now() after the frame that first painted a row (rAF, then the next task). */
    firstRowPainted: /** @type {number | null} */ (null),
    /** Frames between the element's definition (upgrade) and the first painted row. */
    framesAfterUpgrade: /** @type {number | null} */ (null),
    upgradedAt: /** @type {number | null} */ (null),
    rows: 0,
    done: false,
  };
  // @ts-expect-error the probe's global
  globalThis.__bench = state;

  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) state.longTasks.push([entry.startTime, entry.duration]);
  }).observe({ type: 'longtask', buffered: true });

  const countRows = () => {
    let n = document.querySelectorAll('.fc-list-event, [part~="event"]:not([part~="skeleton"])').length;
    for (const host of document.querySelectorAll('otel-event-list')) {
      n += host.shadowRoot?.querySelectorAll('[part~="event"]:not([part~="skeleton"])').length ?? 0;
    }
    return n;
  };

  let frames = 0;
  let framesAtUpgrade = 0;
  customElements.whenDefined('otel-event-list').then(() => {
    state.upgradedAt = performance.now();
    framesAtUpgrade = frames;
  });
  const channel = new MessageChannel();
  channel.port1.onmessage = () => {
    if (state.firstRowPainted === null) state.firstRowPainted = performance.now();
  };
  let seen = false;
  const onFrame = () => {
    frames++;
    // Count only until the first row is seen: counting a big list every frame costs the page.
    if (!seen && countRows() > 0) {
      seen = true;
      // The rows exist at this frame's rAF: this frame paints them; the next task runs after it.
      if (state.upgradedAt !== null) state.framesAfterUpgrade = frames - framesAtUpgrade;
      channel.port2.postMessage(0);
    }
    if (!state.done) requestAnimationFrame(onFrame);
  };
  requestAnimationFrame(onFrame);

  // Done: rows present, their count unchanged for 3 checks 200 ms apart, no long task lately.
  let lastCount = -1;
  let stable = 0;
  const check = () => {
    const n = countRows();
    const lastTask = state.longTasks.at(-1);
    const quiet = !lastTask || performance.now() - (lastTask[0] + lastTask[1]) > 400;
    stable = n > 0 && n === lastCount && quiet ? stable + 1 : 0;
    lastCount = n;
    state.rows = n;
    if (stable >= 3 && state.firstRowPainted !== null) state.done = true;
    else setTimeout(check, 200);
  };
  setTimeout(check, 200);
}
