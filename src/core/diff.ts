/**
 * Line differences between two texts: the edits that turn one into the other (for hosts that
 * apply a fixed text as edits) and a unified diff (`status-docs fix --dry-run`). Myers' O(ND)
 * algorithm on lines after the common head and tail are set aside, which is what fixes leave.
 */
import type { Edit } from './findings';
import { LineIndex } from './model/positions';
import { pushAll } from './collections';

export type DiffOp = { kind: 'same' | 'del' | 'add'; line: string };

/** Past this many differing lines the middle is reported as replaced whole (never slow). */
const MAX_EDIT_DISTANCE = 1000;

/** The lines of a text, each with its line break (`\n`, a `\r` before it kept as content). */
export function splitLines(text: string): string[] {
  const out: string[] = [];
  let start = 0;
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', start)) {
    out.push(text.slice(start, i + 1));
    start = i + 1;
  }
  if (start < text.length) out.push(text.slice(start));
  return out;
}

/** A shortest edit script from `a` to `b`: same, deleted and added lines in order. */
export function diffLines(a: readonly string[], b: readonly string[]): DiffOp[] {
  let head = 0;
  while (head < a.length && head < b.length && a[head] === b[head]) head++;
  let tail = 0;
  while (tail < a.length - head && tail < b.length - head && a[a.length - 1 - tail] === b[b.length - 1 - tail]) tail++;
  const ops: DiffOp[] = a.slice(0, head).map((line) => ({ kind: 'same', line }));
  pushAll(ops, middle(a.slice(head, a.length - tail), b.slice(head, b.length - tail)));
  pushAll(ops, a.slice(a.length - tail).map((line): DiffOp => ({ kind: 'same', line })));
  return ops;
}

function middle(a: readonly string[], b: readonly string[]): DiffOp[] {
  const n = a.length;
  const m = b.length;
  const replaced = (): DiffOp[] => [...a.map((line): DiffOp => ({ kind: 'del', line })), ...b.map((line): DiffOp => ({ kind: 'add', line }))];
  if (n === 0 || m === 0) return replaced();
  const max = Math.min(n + m, MAX_EDIT_DISTANCE);
  const offset = max + 1;
  const v = new Int32Array(2 * max + 3);
  const trace: Int32Array[] = [];
  let found = -1;
  for (let d = 0; d <= max && found < 0; d++) {
    trace.push(v.slice());
    for (let k = -d; k <= d; k += 2) {
      let x = k === -d || (k !== d && v[offset + k - 1]! < v[offset + k + 1]!) ? v[offset + k + 1]! : v[offset + k - 1]! + 1;
      let y = x - k;
      while (x < n && y < m && a[x] === b[y]) { x++; y++; }
      v[offset + k] = x;
      if (x >= n && y >= m) { found = d; break; }
    }
  }
  if (found < 0) return replaced();
  // Walk back through the saved frontiers.
  const ops: DiffOp[] = [];
  let x = n;
  let y = m;
  for (let d = found; d > 0; d--) {
    const prev = trace[d]!;
    const k = x - y;
    const down = k === -d || (k !== d && prev[offset + k - 1]! < prev[offset + k + 1]!);
    const pk = down ? k + 1 : k - 1;
    const px = prev[offset + pk]!;
    const py = px - pk;
    while (x > px + (down ? 0 : 1) && y > py + (down ? 1 : 0)) { ops.push({ kind: 'same', line: a[--x]! }); y--; }
    if (down) ops.push({ kind: 'add', line: b[--y]! });
    else ops.push({ kind: 'del', line: a[--x]! });
  }
  while (x > 0 && y > 0) { ops.push({ kind: 'same', line: a[--x]! }); y--; }
  return ops.reverse();
}

/**
 * The edits (1-based, end exclusive, on `before`) that turn `before` into `after`: one per run
 * of changed lines, trimmed to the characters that differ.
 */
export function textEdits(before: string, after: string): Edit[] {
  if (before === after) return [];
  const ops = diffLines(splitLines(before), splitLines(after));
  const lines = new LineIndex(before);
  const edits: Edit[] = [];
  let offset = 0;
  const push = (at: number, old: string, neu: string) => {
    let head = 0;
    while (head < old.length && head < neu.length && old[head] === neu[head]) head++;
    let tail = 0;
    while (tail < old.length - head && tail < neu.length - head && old[old.length - 1 - tail] === neu[neu.length - 1 - tail]) tail++;
    if (head > 0 && isLow(old.charCodeAt(head))) head--;
    if (tail > 0 && isLow(old.charCodeAt(old.length - tail))) tail--;
    const r = lines.range(at + head, at + old.length - tail);
    edits.push({ line: r.line, column: r.column, endLine: r.endLine, endColumn: r.endColumn, text: neu.slice(head, neu.length - tail) });
  };
  for (let i = 0; i < ops.length;) {
    if (ops[i]!.kind === 'same') { offset += ops[i]!.line.length; i++; continue; }
    const deleted: string[] = [];
    const added: string[] = [];
    for (; i < ops.length && ops[i]!.kind !== 'same'; i++) (ops[i]!.kind === 'del' ? deleted : added).push(ops[i]!.line);
    if (deleted.length === added.length) {
      // Lines changed in place (what fixes do): one edit per line.
      for (let j = 0; j < deleted.length; j++) {
        push(offset, deleted[j]!, added[j]!);
        offset += deleted[j]!.length;
      }
      continue;
    }
    const old = deleted.join('');
    push(offset, old, added.join(''));
    offset += old.length;
  }
  return edits;
}

const isLow = (c: number) => c >= 0xdc00 && c <= 0xdfff;

/**
 * A unified diff of one file (`--- a/…`, `+++ b/…`, `@@` hunks with `context` lines around each
 * change), as `patch -p1` and `git apply` read it; empty when the texts are equal. A last line
 * without a line break is marked `\ No newline at end of file`.
 */
export function unifiedDiff(path: string, before: string, after: string, context = 3): string {
  if (before === after) return '';
  const ops = diffLines(splitLines(before), splitLines(after));
  const changed = ops.flatMap((op, i) => (op.kind === 'same' ? [] : [i]));
  const out = [`--- a/${path}\n`, `+++ b/${path}\n`];
  // Line numbers (0-based) in `before` and `after` at the start of each op.
  const aAt: number[] = [];
  const bAt: number[] = [];
  let a = 0;
  let b = 0;
  for (const op of ops) {
    aAt.push(a);
    bAt.push(b);
    if (op.kind !== 'add') a++;
    if (op.kind !== 'del') b++;
  }
  for (let c = 0; c < changed.length;) {
    const first = changed[c]!;
    let last = first;
    while (c + 1 < changed.length && changed[c + 1]! - last <= 2 * context + 1) last = changed[++c]!;
    c++;
    const from = Math.max(0, first - context);
    const to = Math.min(ops.length, last + context + 1);
    const hunk = ops.slice(from, to);
    const aLen = hunk.filter((op) => op.kind !== 'add').length;
    const bLen = hunk.filter((op) => op.kind !== 'del').length;
    const aStart = aLen === 0 ? aAt[from]! : aAt[from]! + 1;
    const bStart = bLen === 0 ? bAt[from]! : bAt[from]! + 1;
    out.push(`@@ -${aStart},${aLen} +${bStart},${bLen} @@\n`);
    for (const op of hunk) {
      const mark = op.kind === 'same' ? ' ' : op.kind === 'del' ? '-' : '+';
      out.push(op.line.endsWith('\n') ? `${mark}${op.line}` : `${mark}${op.line}\n\\ No newline at end of file\n`);
    }
  }
  return out.join('');
}
