import type { CalendarError } from '../../calendar/errors.js';

/** Fired when an element has loaded its calendar data (also after a refresh or a retry). */
export class OtelLoadEvent extends Event {
  static readonly type = 'otel-load';
  /** Occurrences shown. */
  readonly count: number;
  /** True when the data shown is a saved copy because the refresh failed. */
  readonly stale: boolean;
  constructor(count: number, stale: boolean) {
    super(OtelLoadEvent.type, { bubbles: true, composed: true });
    this.count = count;
    this.stale = stale;
  }
}

/** Fired when loading failed (nothing could be shown, or a refresh failed and saved data is shown). */
export class OtelErrorEvent extends Event {
  static readonly type = 'otel-error';
  readonly error: CalendarError | Error;
  constructor(error: CalendarError | Error) {
    super(OtelErrorEvent.type, { bubbles: true, composed: true });
    this.error = error;
  }
}

declare global {
  interface HTMLElementEventMap {
    'otel-load': OtelLoadEvent;
    'otel-error': OtelErrorEvent;
  }
}
