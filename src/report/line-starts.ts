/**
 * Where the line of a position starts and ends, by binary search over the text's line breaks found once. A
 * `lastIndexOf('\n', pos)` per finding costs the whole line each time, which on a text that is one long line
 * (a flattened table, pasted junk; up to a million characters) grows with the square of its length.
 */
export class LineStarts {
  private readonly breaks: Int32Array;

  constructor(readonly text: string) {
    const breaks: number[] = [];
    for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) breaks.push(i);
    this.breaks = Int32Array.from(breaks);
  }

  /** The first line break at or after `pos` (its index in `breaks`), or breaks.length when none. */
  private nextBreak(pos: number): number {
    let lo = 0;
    let hi = this.breaks.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (this.breaks[mid]! < pos) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  /** The start of the line that holds `pos`: what `text.lastIndexOf('\n', pos - 1) + 1` gives. */
  startOf(pos: number): number {
    const k = this.nextBreak(pos) - 1;
    return k >= 0 ? this.breaks[k]! + 1 : 0;
  }

  /** The line break that ends the line of `pos` (or the text's length): what `text.indexOf('\n', pos)` gives, not -1. */
  endOf(pos: number): number {
    const k = this.nextBreak(pos);
    return k < this.breaks.length ? this.breaks[k]! : this.text.length;
  }
}

let last: LineStarts | undefined;

/** The line starts of a text, kept for the last text asked (the stages of one report ask about the same text). */
export function lineStarts(text: string): LineStarts {
  if (last?.text !== text) last = new LineStarts(text);
  return last;
}
