/**
 * Giving the event loop a turn in the middle of long work (`scheduler.yield()` where the browser
 * has it, else a MessageChannel message, else `setTimeout(0)`): shared by the sliced parse and
 * the elements' data layer.
 */

interface YieldingScheduler {
  yield(): Promise<void>;
}

function schedulerWithYield(): YieldingScheduler | undefined {
  const candidate: unknown = (globalThis as { scheduler?: unknown }).scheduler;
  if (typeof candidate !== 'object' || candidate === null) return undefined;
  const fn: unknown = (candidate as { yield?: unknown }).yield;
  return typeof fn === 'function' ? (candidate as YieldingScheduler) : undefined;
}

/** Gives the event loop one turn. */
export function yieldToEventLoop(): Promise<void> {
  const scheduler = schedulerWithYield();
  if (scheduler) return scheduler.yield();
  if (typeof MessageChannel === 'function' && typeof window !== 'undefined') {
    return new Promise((resolve) => {
      const channel = new MessageChannel();
      channel.port1.onmessage = () => {
        channel.port1.close();
        resolve();
      };
      channel.port2.postMessage(undefined);
    });
  }
  return new Promise((resolve) => setTimeout(resolve, 0));
}
