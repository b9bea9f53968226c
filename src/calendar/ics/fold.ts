/**
 * Line folding (RFC 5545 §3.1), shared by the component serializer and the add-to-calendar
 * export: no physical line longer than 75 octets of UTF-8, continuation lines start with a
 * space, a character is never split, CRLF line ends.
 */
export const CRLF = '\r\n';
const FOLD_OCTETS = 75;

function utf8Length(codePoint: number): number {
  if (codePoint < 0x80) return 1;
  if (codePoint < 0x800) return 2;
  if (codePoint < 0x10000) return 3;
  return 4;
}

/** Folds one content line at 75 octets (continuations start with a space); never inside a character. */
export function foldLine(line: string): string {
  let ascii = true;
  for (let i = 0; i < line.length && ascii; i++) ascii = line.charCodeAt(i) < 0x80;
  if (ascii && line.length <= FOLD_OCTETS) return line;
  const parts: string[] = [];
  let current = '';
  let octets = 0;
  for (const ch of line) {
    const size = utf8Length(ch.codePointAt(0) ?? 0);
    if (octets + size > FOLD_OCTETS) {
      parts.push(current);
      current = ' ';
      octets = 1;
    }
    current += ch;
    octets += size;
  }
  parts.push(current);
  return parts.join(CRLF);
}
