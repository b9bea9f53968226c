/**
 * Saving an element's last good data (see docs/caching.md): the occurrences of the load's window,
 * as a snapshot cut to fit one entry, written with persisted-cache.ts in idle steps after the
 * load has painted.
 */
import { createSnapshot } from '../../calendar/json-write.js';
import type { Occurrence } from '../../calendar/types.js';
import { runWhenIdle } from './idle-steps.js';
import { MAX_ENTRY_CHARS, writeCached } from './persisted-cache.js';
import type { LoadWindow } from './types.js';

/** Occurrences measured per idle step: a few milliseconds each, even on a 10,000-event feed. */
const MEASURED_PER_STEP = 250;

/**
 * Persists good data: the earliest `occurrences` (sorted, of the load's window) whose snapshot
 * fits in one entry, with the window shortened to the time they cover completely (up to the start
 * of the first one left out). Runs in idle steps; never rejects.
 */
export function persistLoaded(
  key: string,
  occurrences: readonly Occurrence[],
  window: LoadWindow,
  savedAt: number,
): Promise<void> {
  const { from, to } = window;
  const envelope = JSON.stringify(createSnapshot([], { generated: savedAt, from, to })).length;
  const budget = MAX_ENTRY_CHARS - envelope - key.length - 200;
  let used = 0;
  let kept = occurrences.length;
  const steps: Array<() => void> = [];
  for (let first = 0; first < occurrences.length; first += MEASURED_PER_STEP) {
    steps.push(() => {
      for (let i = first; i < Math.min(kept, first + MEASURED_PER_STEP); i++) {
        used +=
          JSON.stringify(createSnapshot([occurrences[i] as Occurrence], { generated: 0, from: 0, to: 0 }).events[0])
            .length + 1;
        if (used > budget) {
          kept = i;
          return;
        }
      }
    });
  }
  steps.push(() => {
    const until = kept < occurrences.length ? Math.min(to, (occurrences[kept] as Occurrence).start) : to;
    writeCached(
      key,
      createSnapshot(occurrences.slice(0, kept), { generated: savedAt, from, to: until }),
      savedAt,
      until,
    );
  });
  return runWhenIdle(steps);
}
