import type { Task } from '@lit/task';
import { TaskStatus } from '@lit/task';
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { CalendarError } from '../../calendar/errors.js';
import { watchLocale } from '../i18n/watch-locale.js';

type Host = ReactiveControllerHost & HTMLElement & { readonly now: number | undefined };

/**
 * What keeps a calendar element live while it is on the page, and quiet once it is not: it
 * follows the element's language, re-renders every minute (so "happening now" and "in 5 minutes"
 * stay true; not when `now` is pinned or the tab is hidden), aborts the data task when the
 * element is removed (nothing loads, updates or fires afterwards), and loads again when an
 * element whose load was aborted is attached again. An element moved within the page (removed
 * and re-inserted in the same task) keeps its load: the abort waits for a microtask and is
 * skipped if the element is back. Register it with `host.addController()`.
 */
export class LiveController<T extends readonly unknown[], R> implements ReactiveController {
  readonly #host: Host;
  readonly #task: Task<T, R>;
  #unwatch: (() => void) | undefined;
  #clock: ReturnType<typeof setInterval> | undefined;
  /** A load was cut short by removal: run it again when the element comes back. */
  #interrupted = false;

  constructor(host: Host, task: Task<T, R>) {
    this.#host = host;
    this.#task = task;
  }

  hostConnected(): void {
    const host = this.#host;
    this.#unwatch = watchLocale(host, () => host.requestUpdate());
    this.#clock = setInterval(() => {
      if (host.now === undefined && document.visibilityState !== 'hidden') host.requestUpdate();
    }, 60_000);
    const error = this.#task.error;
    const aborted =
      this.#task.status === TaskStatus.ERROR && error instanceof CalendarError && error.code === 'aborted';
    if (this.#interrupted || aborted) {
      this.#interrupted = false;
      void this.#task.run();
    }
  }

  hostDisconnected(): void {
    this.#unwatch?.();
    this.#unwatch = undefined;
    clearInterval(this.#clock);
    this.#clock = undefined;
    if (this.#task.status !== TaskStatus.PENDING) return;
    queueMicrotask(() => {
      if (this.#host.isConnected || this.#task.status !== TaskStatus.PENDING) return;
      this.#interrupted = true;
      this.#task.abort(new CalendarError('aborted', 'The element was removed'));
    });
  }
}
