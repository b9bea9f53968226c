/**
 * Logical lines of an iCalendar stream (RFC 5545 §3.1): physical lines end in CRLF, LF or CR;
 * a line starting with a space or a tab continues the previous one (the fold and that one
 * whitespace character are removed). A leading byte-order mark is skipped. Linear in the input:
 * it walks the text once with `indexOf` and can stop and resume anywhere (for sliced parsing).
 */

const SPACE = 0x20;
const TAB = 0x09;
const CR = 0x0d;
const LF = 0x0a;

export class LineReader {
  readonly #text: string;
  #pos: number;
  #line = 1;
  #startLine = 0;
  /** Next CR / LF at or after #pos (cached so that a file without CR is not rescanned). */
  #nextCr = -1;
  #nextLf = -1;

  constructor(text: string) {
    this.#text = text;
    this.#pos = text.charCodeAt(0) === 0xfeff ? 1 : 0;
    this.#nextCr = text.indexOf('\r', this.#pos);
    this.#nextLf = text.indexOf('\n', this.#pos);
  }

  /** Offset of the next unread character (for progress reports). */
  get position(): number {
    return this.#pos;
  }

  /** 1-based number of the physical line the last line returned by {@link next} starts on. */
  get line(): number {
    return this.#startLine;
  }

  get done(): boolean {
    return this.#pos >= this.#text.length;
  }

  /** End of the physical line starting at #pos (index of its line break, or the text's length). */
  #lineEnd(): number {
    if (this.#nextCr !== -1 && this.#nextCr < this.#pos) this.#nextCr = this.#text.indexOf('\r', this.#pos);
    if (this.#nextLf !== -1 && this.#nextLf < this.#pos) this.#nextLf = this.#text.indexOf('\n', this.#pos);
    const cr = this.#nextCr === -1 ? this.#text.length : this.#nextCr;
    const lf = this.#nextLf === -1 ? this.#text.length : this.#nextLf;
    return cr < lf ? cr : lf;
  }

  /** Moves past the line break at `end` (CRLF counts as one). */
  #skipBreak(end: number): void {
    const text = this.#text;
    if (end >= text.length) {
      this.#pos = text.length;
      return;
    }
    this.#pos = text.charCodeAt(end) === CR && text.charCodeAt(end + 1) === LF ? end + 2 : end + 1;
    this.#line++;
  }

  /**
   * The next logical line (unfolded, without its line break), or undefined at the end of the
   * text. Blank lines are returned too (empty). Its line number is then in {@link line}.
   */
  next(): string | undefined {
    const text = this.#text;
    if (this.#pos >= text.length) return undefined;
    this.#startLine = this.#line;
    let end = this.#lineEnd();
    let result = text.slice(this.#pos, end);
    this.#skipBreak(end);
    // Continuation lines.
    let parts: string[] | undefined;
    while (this.#pos < text.length) {
      const first = text.charCodeAt(this.#pos);
      if (first !== SPACE && first !== TAB) break;
      this.#pos++;
      end = this.#lineEnd();
      (parts ??= [result]).push(text.slice(this.#pos, end));
      this.#skipBreak(end);
    }
    if (parts) result = parts.join('');
    return result;
  }
}
