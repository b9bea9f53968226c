// Medians and the printed table.

/**
 * Median of a non-empty list (mean of the two middle values for an even count).
 * @param {readonly number[]} values
 * @returns {number}
 */
export function median(values) {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1
    ? /** @type {number} */ (sorted[middle])
    : /** @type {number} */ (sorted[middle - 1] + /** @type {number} */ (sorted[middle])) / 2;
}

/**
 * A Markdown table with aligned columns.
 * @param {readonly string[]} header
 * @param {readonly (readonly string[])[]} rows
 * @param {readonly ('l' | 'r')[]} align
 * @returns {string}
 */
export function markdownTable(header, rows, align) {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  /** @param {readonly string[]} cells */
  const line = (cells) =>
    `| ${cells.map((c, i) => (align[i] === 'r' ? c.padStart(widths[i] ?? 0) : c.padEnd(widths[i] ?? 0))).join(' | ')} |`;
  const rule = `|${widths.map((w, i) => (align[i] === 'r' ? `${'-'.repeat(w + 1)}:` : `:${'-'.repeat(w + 1)}`)).join('|')}|`;
  return [line(header), rule, ...rows.map(line)].join('\n');
}

/** @param {number} ms */
export const formatMs = (ms) => (Number.isFinite(ms) ? (ms >= 100 ? ms.toFixed(0) : ms.toFixed(1)) : '–');

/** @param {number} value a layout-shift score */
export const formatCls = (value) => (Number.isFinite(value) ? value.toFixed(3) : '–');

/** @param {number} bytes */
export const formatBytes = (bytes) =>
  !Number.isFinite(bytes)
    ? '–'
    : bytes >= 1024 * 1024
      ? `${(bytes / 1024 / 1024).toFixed(1)} MB`
      : `${(bytes / 1024).toFixed(0)} KB`;
