/** Offsets ↔ 1-based line/column, computed once per text. */
import type { Range } from './schema';

export class LineIndex {
  /** Offset at which each line starts. */
  readonly starts: number[] = [0];

  constructor(readonly text: string) {
    if (!text.includes('\r')) {
      // Line feeds only (most files): indexOf finds them faster than a loop over every character.
      for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) this.starts.push(i + 1);
      return;
    }
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      if (c === 10) this.starts.push(i + 1);
      else if (c === 13) {
        if (text.charCodeAt(i + 1) === 10) i++;
        this.starts.push(i + 1);
      }
    }
  }

  get lineCount(): number {
    return this.starts.length;
  }

  /** 0-based line of an offset. */
  lineOf(offset: number): number {
    let lo = 0;
    let hi = this.starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.starts[mid]! <= offset) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  }

  range(start: number, end: number): Range {
    const l1 = this.lineOf(start);
    const l2 = end === start ? l1 : this.lineOf(end);
    return {
      line: l1 + 1,
      column: start - this.starts[l1]! + 1,
      endLine: l2 + 1,
      endColumn: end - this.starts[l2]! + 1,
      offset: start,
      endOffset: end,
    };
  }

  /** Offset just past the last character of the line (before its line break). */
  lineEnd(line0: number): number {
    const next = this.starts[line0 + 1];
    if (next === undefined) return this.text.length;
    let end = next - 1;
    if (this.text.charCodeAt(end) === 10 && this.text.charCodeAt(end - 1) === 13) end--;
    return end;
  }

  lineText(line0: number): string {
    return this.text.slice(this.starts[line0], this.lineEnd(line0));
  }
}
