/**
 * iCalendar bytes to text. RFC 5545 folds at 75 *octets*, and some writers fold in the middle
 * of a multi-byte UTF-8 character; decoding such a file line by line (or as a whole, since the
 * line break interrupts the sequence) turns that character into U+FFFD. This removes exactly
 * those folds (a line break plus space/tab followed by a UTF-8 continuation byte, which can never
 * start a line) before decoding, so the character survives. Other folds are left to the parser,
 * which keeps line numbers right.
 */

function isContinuation(byte: number | undefined): boolean {
  return byte !== undefined && byte >= 0x80 && byte <= 0xbf;
}

/** Decodes UTF-8 iCalendar bytes, repairing folds that split a character. */
export function decodeCalendarBytes(bytes: Uint8Array): string {
  let out: Uint8Array | undefined;
  let length = 0;
  let copied = 0;
  for (let i = 0; i < bytes.length; i++) {
    const b = bytes[i];
    if (b !== 0x0d && b !== 0x0a) continue;
    const afterBreak = b === 0x0d && bytes[i + 1] === 0x0a ? i + 2 : i + 1;
    const ws = bytes[afterBreak];
    if ((ws !== 0x20 && ws !== 0x09) || !isContinuation(bytes[afterBreak + 1])) continue;
    out ??= new Uint8Array(bytes.length);
    out.set(bytes.subarray(copied, i), length);
    length += i - copied;
    copied = afterBreak + 1;
    i = afterBreak;
  }
  const decoder = new TextDecoder('utf-8');
  if (!out) return decoder.decode(bytes);
  out.set(bytes.subarray(copied), length);
  length += bytes.length - copied;
  return decoder.decode(out.subarray(0, length));
}
