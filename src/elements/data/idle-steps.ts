/**
 * Runs a list of small steps when the page is idle, several per idle period while time remains,
 * so background work (persisting the last good data) never makes a long task. Where there is no
 * `requestIdleCallback`, slices of about 8 ms run from timers.
 */

const SLICE_MS = 8;

/** Runs `steps` in order in idle time; resolves when all ran. A step that throws is skipped. */
export function runWhenIdle(steps: ReadonlyArray<() => void>): Promise<void> {
  return new Promise((resolve) => {
    let next = 0;
    const slice = (deadline?: IdleDeadline): void => {
      const started = performance.now();
      const hasTime = (): boolean =>
        deadline && !deadline.didTimeout ? deadline.timeRemaining() > 1 : performance.now() - started < SLICE_MS;
      do {
        try {
          steps[next]?.();
        } catch {
          // Background work: a failed step only means less is saved.
        }
        next++;
      } while (next < steps.length && hasTime());
      if (next < steps.length) schedule();
      else resolve();
    };
    const schedule = (): void => {
      if (typeof requestIdleCallback === 'function') requestIdleCallback(slice, { timeout: 2000 });
      else setTimeout(slice, 0);
    };
    if (steps.length === 0) resolve();
    else schedule();
  });
}
