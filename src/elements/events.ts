import type { CalendarError } from '../calendar/errors.js';
import type { CalendarWarning } from '../calendar/types.js';

/** Fired when an element has loaded its calendar data (also after a refresh or a retry). */
export class OtelLoadEvent extends Event {
  static readonly type = 'otel-load';
  /** Occurrences shown. */
  readonly count: number;
  /** True when the data shown is a saved copy because the refresh failed. */
  readonly stale: boolean;
  /** What in the feeds was skipped or repaired (the rest is shown), e.g. an unreadable event. */
  readonly warnings: readonly CalendarWarning[];
  constructor(count: number, stale: boolean, warnings: readonly CalendarWarning[] = []) {
    super(OtelLoadEvent.type, { bubbles: true, composed: true });
    this.count = count;
    this.stale = stale;
    this.warnings = warnings;
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
