/**
 * One RFC 5545 content line (§3.1): `NAME;PARAM=a,"b;c":value`, already unfolded.
 * Names are case-insensitive and returned lower-case; parameter values may be quoted (a quoted
 * value may contain `:`, `;` and `,`) and use the RFC 6868 escapes `^n`, `^^` and `^'`.
 */

/** Parameters of a property: lower-case names; a value list when the parameter was repeated or comma-separated. */
export type IcsParams = Record<string, string | readonly string[]>;

export interface ContentLine {
  /** Property (or BEGIN/END) name, lower-case. */
  readonly name: string;
  readonly params: IcsParams;
  /** Everything after the first `:` outside quotes, as written (escapes are decoded by value type later). */
  readonly value: string;
  /** True when an unterminated quoted parameter value was read up to the first `:`. */
  readonly repaired?: boolean;
}

/** Parameters whose values are comma-separated lists (RFC 5545 §3.2). */
const LIST_PARAMS = new Set(['delegated-from', 'delegated-to', 'member']);

const CARET = 0x5e;
/** Shared by every property without parameters (never mutated). */
const NO_PARAMS: IcsParams = Object.freeze({}) as IcsParams;

/** RFC 6868 parameter value escapes: `^n` newline, `^^` caret, `^'` double quote; other `^` kept. */
export function decodeParamValue(text: string): string {
  if (text.indexOf('^') < 0) return text;
  let out = '';
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    const next = text[i + 1];
    if (code === CARET && (next === 'n' || next === 'N' || next === '^' || next === "'")) {
      out += next === '^' ? '^' : next === "'" ? '"' : '\n';
      i++;
    } else {
      out += text[i];
    }
  }
  return out;
}

function isNameCode(code: number): boolean {
  return (
    (code >= 0x61 && code <= 0x7a) || // a-z
    (code >= 0x41 && code <= 0x5a) || // A-Z
    (code >= 0x30 && code <= 0x39) || // 0-9
    code === 0x2d // -
  );
}

/** End of a name starting at `from`: the index of the first character that is not a name character. */
function nameEnd(line: string, from: number): number {
  let i = from;
  while (i < line.length && isNameCode(line.charCodeAt(i))) i++;
  return i;
}

function addParam(params: IcsParams, name: string, values: string[]): void {
  const previous = params[name];
  if (previous === undefined) {
    params[name] = values.length === 1 && !LIST_PARAMS.has(name) ? (values[0] ?? '') : values;
    return;
  }
  const merged = [...(typeof previous === 'string' ? [previous] : previous), ...values];
  params[name] = merged;
}

/**
 * Splits one unfolded content line. Returns undefined when it is not a content line (no name,
 * no `:`, a parameter without `=`, an unterminated quote): the caller reports it.
 */
export function parseContentLine(line: string): ContentLine | undefined {
  let i = nameEnd(line, 0);
  if (i === 0 || i >= line.length) return undefined;
  const name = line.slice(0, i).toLowerCase();
  let params = NO_PARAMS;
  let repaired = false;
  while (line.charCodeAt(i) === 0x3b /* ; */) {
    if (params === NO_PARAMS) params = {};
    const paramStart = i + 1;
    const paramNameEnd = nameEnd(line, paramStart);
    if (paramNameEnd === paramStart || line.charCodeAt(paramNameEnd) !== 0x3d /* = */) return undefined;
    const paramName = line.slice(paramStart, paramNameEnd).toLowerCase();
    const split = LIST_PARAMS.has(paramName);
    const values: string[] = [];
    i = paramNameEnd + 1;
    for (;;) {
      if (line.charCodeAt(i) === 0x22 /* " */) {
        let close = line.indexOf('"', i + 1);
        if (close < 0) {
          // `TZID="W. Europe Standard Time:20200609T090000`: the quote is never closed. Read the
          // value up to the first `:` (Exchange writes this); the caller reports the repair.
          close = line.indexOf(':', i + 1);
          if (close < 0) return undefined;
          repaired = true;
          values.push(decodeParamValue(line.slice(i + 1, close)));
          i = close;
          break;
        }
        const colon = line.indexOf(':', i + 1);
        if (colon < close && line.indexOf(':', close) < 0) {
          // `TZID="W. Europe Standard Time:20200609T090000"`: the quote closes after the value.
          values.push(decodeParamValue(line.slice(i + 1, colon)));
          addParam(params, paramName, values);
          return { name, params, value: line.slice(colon + 1, close), repaired: true };
        }
        values.push(decodeParamValue(line.slice(i + 1, close)));
        i = close + 1;
      } else {
        let end = i;
        while (end < line.length) {
          const code = line.charCodeAt(end);
          if (code === 0x3a || code === 0x3b || (split && code === 0x2c) || code === 0x22) break;
          end++;
        }
        if (line.charCodeAt(end) === 0x22) return undefined;
        values.push(decodeParamValue(line.slice(i, end)));
        i = end;
      }
      // A list continues after a comma; for other parameters a comma after a quoted value is kept as text.
      if (line.charCodeAt(i) !== 0x2c) break;
      if (!split) {
        // `CN="a",b` is not valid; keep the rest up to the next delimiter as part of the value.
        let end = i;
        while (end < line.length && line.charCodeAt(end) !== 0x3a && line.charCodeAt(end) !== 0x3b) end++;
        values[values.length - 1] += line.slice(i, end);
        i = end;
        break;
      }
      i++;
    }
    addParam(params, paramName, values);
  }
  if (line.charCodeAt(i) !== 0x3a /* : */) return undefined;
  const value = line.slice(i + 1);
  return repaired ? { name, params, value, repaired } : { name, params, value };
}
