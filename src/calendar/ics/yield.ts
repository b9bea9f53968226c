/**
 * Cooperative slicing for long main-thread work: run for about `sliceMs`, then give the event
 * loop a turn (`scheduler.yield()` where the browser has it, else a MessageChannel message,
 * else `setTimeout(0)`), and stop with the signal's reason when aborted.
 */

export interface SliceOptions {
  /** Aborts the work: the promise rejects with the signal's reason. */
  readonly signal?: AbortSignal;
  /** Longest stretch of work between two yields, in ms (default 6). */
  readonly sliceMs?: number;
}

/** Default slice: well under the 50 ms long-task threshold, leaving room for rendering. */
export const DEFAULT_SLICE_MS = 6;

import { yieldToEventLoop } from '../event-loop.js';

export { yieldToEventLoop };

const now: () => number =
  typeof performance === 'object' && typeof performance.now === 'function' ? () => performance.now() : () => Date.now();

/** Tracks one slice's deadline; `maybeYield` yields only when the slice is used up. */
export class Slicer {
  readonly #signal: AbortSignal | undefined;
  readonly #sliceMs: number;
  #deadline = 0;
  /** Number of times it yielded (for tests and reports). */
  yields = 0;

  constructor(options: SliceOptions = {}) {
    this.#signal = options.signal;
    const slice = options.sliceMs ?? DEFAULT_SLICE_MS;
    this.#sliceMs = Number.isFinite(slice) && slice > 0 ? slice : DEFAULT_SLICE_MS;
  }

  /** Starts the first slice (throws when already aborted). */
  async start(): Promise<void> {
    this.#signal?.throwIfAborted();
    this.#deadline = now() + this.#sliceMs;
    await Promise.resolve();
  }

  /** Yields when the current slice is over; throws the abort reason when aborted. */
  async maybeYield(): Promise<void> {
    this.#signal?.throwIfAborted();
    if (now() < this.#deadline) return;
    this.yields++;
    await yieldToEventLoop();
    this.#signal?.throwIfAborted();
    this.#deadline = now() + this.#sliceMs;
  }
}
