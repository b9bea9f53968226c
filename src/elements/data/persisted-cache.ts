/**
 * A small, bounded store of the elements' last good data in localStorage: one entry per sources
 * key, each `{"savedAt":…,"until":…,"key":…,"data":…}` under `otel-widgets:cache:v<SCHEMA>:<key>`.
 *
 * localStorage because it is synchronous: an element can paint a saved copy in its first render.
 * Everything here tolerates storage that is missing or throws (private mode, disabled cookies,
 * quota exceeded): reads then return undefined and writes return false, nothing else happens.
 * What is read is untrusted (anything may have written it): a malformed entry counts as absent.
 * The caller validates `data` itself (calendar-data.ts reads it as a calendar snapshot).
 */

/** Bumped when the stored shape changes; entries of other versions are ignored and removed on write. */
export const CACHE_SCHEMA = 1;

/** Prefix of every key this module writes, whatever the schema version. */
export const CACHE_PREFIX = 'otel-widgets:cache:';

/** Largest entry (key + value, in UTF-16 code units as localStorage counts them). */
export const MAX_ENTRY_CHARS = 200_000;

/** Largest total of all entries; the oldest are evicted to make room. */
export const MAX_TOTAL_CHARS = 600_000;

export interface CachedEntry {
  /** When the data was fetched (ms). */
  readonly savedAt: number;
  /** The end of the window the data covers (ms); the entry is ignored from then on. */
  readonly until: number;
  /** What was stored; validate before use. */
  readonly data: unknown;
}

function storageKey(key: string): string {
  return `${CACHE_PREFIX}v${CACHE_SCHEMA}:${key}`;
}

/** localStorage, or undefined where it is missing or merely touching it throws (SecurityError). */
function storage(): Storage | undefined {
  try {
    const store: Storage | undefined = globalThis.localStorage;
    return store ?? undefined;
  } catch {
    return undefined;
  }
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function finite(value: unknown): value is number {
  return typeof value === 'number' && Number.isFinite(value);
}

/** An entry read back from its stored text, or undefined when it is not one of ours for `key`. */
function parseEntry(text: string, key: string): CachedEntry | undefined {
  let json: unknown;
  try {
    json = JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
  if (!isRecord(json) || json['key'] !== key || !finite(json['savedAt']) || !finite(json['until']) || !('data' in json))
    return undefined;
  return { savedAt: json['savedAt'], until: json['until'], data: json['data'] };
}

/**
 * The saved entry for `key`, or undefined when there is none, it is malformed, of another schema
 * version, its window ended before `now`, or storage is unavailable. Synchronous: usable in a
 * first render.
 */
export function readCached(key: string, now: number): CachedEntry | undefined {
  const store = storage();
  if (!store) return undefined;
  let text: string | null;
  try {
    text = store.getItem(storageKey(key));
  } catch {
    return undefined;
  }
  if (text === null) return undefined;
  const entry = parseEntry(text, key);
  return entry && entry.until > now ? entry : undefined;
}

/** `savedAt` of a stored value, read from its first field without parsing the whole entry. */
function savedAtOf(text: string): number {
  const match = /^\{"savedAt":(\d+)/.exec(text);
  return match?.[1] ? Number(match[1]) : 0;
}

interface StoredEntry {
  readonly name: string;
  readonly chars: number;
  readonly savedAt: number;
}

/** This module's entries: current-schema ones to keep, others (old schemas) to drop. */
function ownEntries(store: Storage): { current: StoredEntry[]; outdated: string[] } {
  const current: StoredEntry[] = [];
  const outdated: string[] = [];
  const currentPrefix = storageKey('');
  for (let i = 0; i < store.length; i++) {
    const name = store.key(i);
    if (name === null || !name.startsWith(CACHE_PREFIX)) continue;
    if (!name.startsWith(currentPrefix)) {
      outdated.push(name);
      continue;
    }
    const text = store.getItem(name) ?? '';
    current.push({ name, chars: name.length + text.length, savedAt: savedAtOf(text) });
  }
  return { current, outdated };
}

/** What a write did: `saved`, `too-large` (over {@link MAX_ENTRY_CHARS}; nothing stored) or `failed` (storage unavailable or refused). */
export type WriteResult = 'saved' | 'too-large' | 'failed';

/**
 * Saves `data` (anything JSON can write) for `key`, replacing the previous entry. Entries of
 * other schema versions are removed; the oldest entries are evicted while the total would exceed
 * {@link MAX_TOTAL_CHARS}, and again once if the browser's quota refuses the write. Nothing is
 * stored when the entry alone exceeds {@link MAX_ENTRY_CHARS}, storage is unavailable or the
 * write fails. Never throws.
 */
export function writeCached(key: string, data: unknown, savedAt: number, until: number): WriteResult {
  const store = storage();
  if (!store) return 'failed';
  const name = storageKey(key);
  let text: string;
  try {
    text = `{"savedAt":${Math.max(0, Math.round(savedAt))},"until":${Math.round(until)},"key":${JSON.stringify(key)},"data":${JSON.stringify(data)}}`;
  } catch {
    return 'failed';
  }
  if (name.length + text.length > MAX_ENTRY_CHARS) return 'too-large';
  try {
    const { current, outdated } = ownEntries(store);
    for (const old of outdated) store.removeItem(old);
    const others = current.filter((e) => e.name !== name).sort((a, b) => a.savedAt - b.savedAt);
    let total = others.reduce((sum, e) => sum + e.chars, 0) + name.length + text.length;
    while (total > MAX_TOTAL_CHARS && others.length > 0) {
      const oldest = others.shift();
      if (!oldest) break;
      store.removeItem(oldest.name);
      total -= oldest.chars;
    }
    try {
      store.setItem(name, text);
    } catch {
      // Quota: the page itself may fill localStorage. Make room once by dropping our oldest.
      const oldest = others.shift();
      if (!oldest) return 'failed';
      store.removeItem(oldest.name);
      store.setItem(name, text);
    }
    return 'saved';
  } catch {
    return 'failed';
  }
}

/** Removes the entry for `key`, or every entry this module wrote when `key` is omitted. */
export function clearPersistedCache(key?: string): void {
  const store = storage();
  if (!store) return;
  try {
    if (key !== undefined) {
      store.removeItem(storageKey(key));
      return;
    }
    const names: string[] = [];
    for (let i = 0; i < store.length; i++) {
      const name = store.key(i);
      if (name?.startsWith(CACHE_PREFIX)) names.push(name);
    }
    for (const name of names) store.removeItem(name);
  } catch {
    // Storage unavailable: nothing to clear.
  }
}
