/**
 * Calendar bytes to text (a download or a file), like a browser reads a document but keeping
 * RFC 5545's UTF-8 default. fetch.ts decodes valid UTF-8 itself and loads this module for the
 * rest (byte-order marks, declared charsets, UTF-8 folds that split a character).
 */
import { decodeCalendarBytes } from './ics/decode.js';
import { charsetOf } from './charset.js';

export { charsetOf };

/** The encoding a byte-order mark announces (UTF-8, UTF-16LE, UTF-16BE), or undefined. */
function encodingFromBom(bytes: Uint8Array): 'utf-8' | 'utf-16le' | 'utf-16be' | undefined {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return 'utf-8';
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return 'utf-16le';
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return 'utf-16be';
  return undefined;
}

/** A decoder for a charset label (WHATWG Encoding names and aliases), or undefined when unknown. */
function decoderFor(label: string): TextDecoder | undefined {
  try {
    return new TextDecoder(label);
  } catch {
    return undefined;
  }
}

/** WHATWG index-windows-1252 for bytes 0x80–0x9F (the five undefined ones map to themselves). */
const WINDOWS_1252_C1 =
  '\u20ac\u0081\u201a\u0192\u201e\u2026\u2020\u2021\u02c6\u2030\u0160\u2039\u0152\u008d\u017d\u008f' +
  '\u0090\u2018\u2019\u201c\u201d\u2022\u2013\u2014\u02dc\u2122\u0161\u203a\u0153\u009d\u017e\u0178';

/**
 * Windows-1252 text with bytes 0x80–0x9F mapped as the Encoding standard says. Node's
 * TextDecoder (since 20.18.3 / 22.13.0, nodejs/node#56542) reads them as Latin-1 C1 controls;
 * a correct decoder never produces those controls except for the five undefined bytes, which the
 * table maps to themselves, so this is a no-op in browsers.
 */
function decodeWindows1252(decoder: TextDecoder, bytes: Uint8Array): string {
  return decoder.decode(bytes).replace(/[\u0080-\u009f]/g, (c) => WINDOWS_1252_C1[c.charCodeAt(0) - 0x80] ?? c);
}

/**
 * Calendar bytes (a download or a file) to text, like a browser would read a document, but
 * keeping RFC 5545's UTF-8 default:
 *
 * 1. a byte-order mark wins (UTF-8, UTF-16LE, UTF-16BE), as in the WHATWG Encoding standard;
 * 2. else the declared `charset` (e.g. `windows-1252`, `iso-8859-1`, `utf-16`) when
 *    `TextDecoder` knows it; but a feed declared in a legacy single-byte or multi-byte charset
 *    whose bytes are valid UTF-8 (with some non-ASCII) is read as UTF-8: servers that label every
 *    text file `ISO-8859-1` by default are common, legacy text that happens to be valid UTF-8 is not;
 * 3. else UTF-8 (also for an unknown label).
 *
 * UTF-8 goes through {@link decodeCalendarBytes}, which repairs folds written in the middle of a
 * multi-byte character. Invalid bytes become U+FFFD; this never throws.
 */
export function decodeCalendarText(bytes: Uint8Array, charset?: string): string {
  const bom = encodingFromBom(bytes);
  if (bom === 'utf-8') return decodeCalendarBytes(bytes);
  if (bom) return new TextDecoder(bom).decode(bytes);
  const declared = charset === undefined ? undefined : decoderFor(charset);
  if (!declared || declared.encoding === 'utf-8') return decodeCalendarBytes(bytes);
  if (declared.encoding === 'utf-16le' || declared.encoding === 'utf-16be') return declared.decode(bytes);
  const asUtf8 = decodeCalendarBytes(bytes);
  if (bytes.some((b) => b >= 0x80) && !asUtf8.includes('\uFFFD')) return asUtf8;
  return declared.encoding === 'windows-1252' ? decodeWindows1252(declared, bytes) : declared.decode(bytes);
}
