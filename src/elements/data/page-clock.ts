/**
 * One clock for the whole page: it ticks at the start of every minute while the page is visible,
 * for every element that listens (their "happening now" and "in 5 minutes" move on, and each
 * checks whether its data is due for revalidation). One timer, however many elements; none while
 * the page is hidden or nothing listens. When a hidden page becomes visible again it ticks at
 * once: time has moved on meanwhile.
 */

const MINUTE = 60_000;

const listeners = new Set<() => void>();
let timer: ReturnType<typeof setTimeout> | undefined;

function hidden(): boolean {
  return typeof document !== 'undefined' && document.visibilityState === 'hidden';
}

function tick(): void {
  timer = undefined;
  for (const listener of [...listeners]) {
    try {
      listener();
    } catch (error) {
      console.error(error);
    }
  }
  schedule();
}

/** The next tick at the start of the next minute, unless the page is hidden or nothing listens. */
function schedule(): void {
  clearTimeout(timer);
  timer = undefined;
  if (listeners.size === 0 || hidden()) return;
  timer = setTimeout(tick, MINUTE - (Date.now() % MINUTE));
}

function onVisibilityChange(): void {
  if (hidden()) schedule();
  else tick();
}

/**
 * Calls `listener` at the start of every minute while the page is visible, and when it becomes
 * visible again. Returns the function that stops it.
 */
export function everyMinute(listener: () => void): () => void {
  if (listeners.size === 0 && typeof document !== 'undefined') {
    document.addEventListener('visibilitychange', onVisibilityChange);
  }
  listeners.add(listener);
  if (timer === undefined) schedule();
  return () => {
    if (!listeners.delete(listener) || listeners.size > 0) return;
    clearTimeout(timer);
    timer = undefined;
    if (typeof document !== 'undefined') document.removeEventListener('visibilitychange', onVisibilityChange);
  };
}
