/**
 * Blocks built from their lines instead of parsed: ATX headings, paragraphs, thematic breaks,
 * pipe tables and tight lists of one-line items (bullets, numbers, task boxes, lists nested
 * exactly under their parent's text) whose text holds only plain text, strong emphasis
 * (`**…**`) and code spans. micromark costs about as much per line as per character, and such
 * blocks are about half of a status document outside its code blocks; a node known from the
 * lines alone needs no tokenizer.
 *
 * Built only where the result is certain, else left to the parser: every line at column 1 (a
 * nested item at its parent's text), no tab, no trailing white space; text without links, HTML,
 * escapes, character references, emphasis with one `*` or with `_`, or strikethrough. Which `**`
 * open and close is decided as micromark decides it (the same character classes, the same
 * delimiter matching); which blocks are top-level is checked by the staged parse (`parseStaged`
 * in ./parse.ts): a block after parsed text must start a node of its type when parsed with that
 * text. test/unit/line-blocks.test.ts compares every built block with the parser's node on
 * generated and real text.
 */
import type { Heading, List, ListItem, Paragraph, PhrasingContent, RootContent, Table, TableCell, TableRow, Text } from 'mdast';
import { classifyCharacter } from 'micromark-util-classify-character';
import { pushAll } from '../collections';

/** A top-level block whose node is known from its lines (offsets and lines are `src`'s). */
export interface LineBlock {
  /** Offset of the block's first character (a line start) and just past its last one. */
  start: number;
  end: number;
  line: number;
  endLine: number;
  node: RootContent;
}

const SPACE = 32;
const TAB = 9;
const HASH = 35;
const STAR = 42;
const BACKTICK = 96;
const UNDERSCORE = 95;
const TILDE = 126;
const PIPE = 124;

/** The kind of list an item line opens: `-`, `*`, `+`, or `.`/`)` for numbered items. */
type ListKind = string;

interface Line { start: number; end: number }

/**
 * The blocks of `src` between `from` and `to` (line starts; no fenced code in between) that can
 * be built from their lines, in order. `line` is the line number of `from`.
 */
export function lineBlocks(src: string, from: number, to: number, line: number): LineBlock[] {
  const out: LineBlock[] = [];
  // Runs of non-blank lines; a heading line is a run of its own.
  let run: Line[] = [];
  let runLine = line;
  const flush = (next: number): void => {
    if (!run.length) return;
    pushAll(out, buildRun(src, run, runLine, next));
    run = [];
  };
  let n = line;
  for (let at = from; at < to; n++) {
    let end = src.indexOf('\n', at);
    if (end < 0 || end > to) end = to;
    const next = end < src.length ? end + 1 : end;
    if (isBlank(src, at, end)) flush(next);
    else if (src.charCodeAt(at) === HASH && headingDepth(src, at, end)) {
      flush(at);
      run = [{ start: at, end }];
      runLine = n;
      flush(next);
    } else {
      if (!run.length) runLine = n;
      run.push({ start: at, end });
    }
    at = next;
  }
  flush(to);
  return out;
}

/**
 * The blocks of one run of lines (`next`: where the line after it starts): a heading, a
 * thematic break, a paragraph, a list, or a paragraph and the list that interrupts it.
 */
function buildRun(src: string, run: Line[], line: number, next: number): LineBlock[] {
  const block = (from: number, to: number, node: RootContent | null): LineBlock[] =>
    node ? [{ start: run[from]!.start, end: run[to - 1]!.end, line: line + from, endLine: line + to - 1, node }] : [];
  const first = run[0]!;
  if (run.length === 1 && src.charCodeAt(first.start) === HASH) return block(0, 1, heading(src, first.start, first.end, line));
  if (run.length === 1 && isThematicBreak(src, first.start, first.end)) {
    return block(0, 1, { type: 'thematicBreak', position: { start: point(line, 1, first.start), end: point(line, first.end - first.start + 1, first.end) } });
  }
  if (src.charCodeAt(first.start) === PIPE) return block(0, run.length, table(src, run, line));
  // The paragraph lines before the first item at column 1.
  let k = 0;
  while (k < run.length && !itemMarker(src, run[k]!.start, run[k]!.end)) k++;
  const paragraphPart = k > 0 ? block(0, k, paragraph(src, run.slice(0, k), line)) : [];
  if (k === run.length || (k > 0 && !paragraphPart.length)) return paragraphPart;
  const marker = itemMarker(src, run[k]!.start, run[k]!.end)!;
  // An item ends a paragraph only if it has text, and a numbered one only if it is 1.
  if (k > 0 && (marker.value !== null && marker.value !== 1 || !plainStart(src, marker.content, run[k]!.end))) return [];
  // A list may go on after blank lines (another item, or indented lines of the last one),
  // and may continue one before: built only between lines that certainly end it.
  if (continuesList(src, prevNonBlank(src, run[k]!.start), marker.kind) || continuesList(src, nextNonBlank(src, next), marker.kind)) return paragraphPart;
  return [...paragraphPart, ...block(k, run.length, list(src, run.slice(k), line + k))];
}

/** `---`, `***` or `___` (three or more, nothing else on the line). */
function isThematicBreak(src: string, start: number, end: number): boolean {
  const c = src.charCodeAt(start);
  if ((c !== 45 && c !== STAR && c !== UNDERSCORE) || end - start < 3) return false;
  for (let i = start + 1; i < end; i++) if (src.charCodeAt(i) !== c) return false;
  return true;
}

// ------------------------------------------------------------------------ lines

function isBlank(src: string, start: number, end: number): boolean {
  for (let i = start; i < end; i++) {
    const c = src.charCodeAt(i);
    if (c !== SPACE && c !== TAB) return false;
  }
  return true;
}

/** Depth of an ATX heading opened at `start` (`#`… then a space), else 0. */
function headingDepth(src: string, start: number, end: number): number {
  let i = start;
  while (i < end && src.charCodeAt(i) === HASH) i++;
  const depth = i - start;
  return depth <= 6 && (i === end || src.charCodeAt(i) === SPACE || src.charCodeAt(i) === TAB) ? depth : 0;
}

/**
 * A line that may belong to a list of `kind` before or after blank lines, or continue it:
 * indented, or an item of that kind (an item of another kind starts another list).
 */
function continuesList(src: string, at: number, kind: ListKind): boolean {
  if (at < 0) return false;
  const c = src.charCodeAt(at);
  if (c === SPACE || c === TAB) return true;
  let end = src.indexOf('\n', at);
  if (end < 0) end = src.length;
  return itemMarker(src, at, end)?.kind === kind;
}

function prevNonBlank(src: string, lineStart: number): number {
  let end = lineStart - 1;
  while (end > 0) {
    const start = src.lastIndexOf('\n', end - 1) + 1;
    if (!isBlank(src, start, end)) return start;
    end = start - 1;
  }
  return -1;
}

function nextNonBlank(src: string, at: number): number {
  while (at < src.length) {
    let end = src.indexOf('\n', at);
    if (end < 0) end = src.length;
    if (!isBlank(src, at, end)) return at;
    at = end + 1;
  }
  return -1;
}

/**
 * The marker of a list item opened at `start` (column 1): its kind and where its text starts,
 * or null. Any item, also one this module does not build (`-` alone, `1.` then a tab).
 */
function itemMarker(src: string, start: number, end: number): { kind: ListKind; content: number; value: number | null } | null {
  const c = src.charCodeAt(start);
  if (c === 45 || c === STAR || c === 43) {
    const d = src.charCodeAt(start + 1);
    return start + 1 === end || d === SPACE || d === TAB ? { kind: src[start]!, content: start + 2, value: null } : null;
  }
  let i = start;
  while (i < end && i - start < 10 && src.charCodeAt(i) >= 48 && src.charCodeAt(i) <= 57) i++;
  if (i === start || i - start > 9) return null;
  const delimiter = src.charCodeAt(i);
  if (delimiter !== 46 && delimiter !== 41) return null;
  const d = src.charCodeAt(i + 1);
  return i + 1 === end || d === SPACE || d === TAB ? { kind: src[i]!, content: i + 2, value: Number(src.slice(start, i)) } : null;
}

/**
 * Whether a line's text may start at `at` as the first line of a paragraph that nothing else
 * could claim: no block starts with this character here (not a heading, quote, list item,
 * thematic break, fence, HTML, table row, indented code, setext underline or definition).
 */
function plainStart(src: string, at: number, end: number): boolean {
  if (at >= end) return false;
  const c = src.charCodeAt(at);
  if (c >= 48 && c <= 57) {
    // `1.` and `1)` would open a numbered list.
    let i = at;
    while (i < end && src.charCodeAt(i) >= 48 && src.charCodeAt(i) <= 57) i++;
    const d = src.charCodeAt(i);
    return !((d === 46 || d === 41) && (i + 1 === end || src.charCodeAt(i + 1) === SPACE || src.charCodeAt(i + 1) === TAB));
  }
  if ((c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c >= 128) return true;
  if (c === STAR) {
    // `**text`: not a list item (`* `), nor a thematic break (only `*` and spaces).
    const d = src.charCodeAt(at + 1);
    const e = src.charCodeAt(at + 2);
    return d === STAR && at + 2 < end && e !== STAR && e !== SPACE;
  }
  if (c === BACKTICK) return src.charCodeAt(at + 1) !== BACKTICK || src.charCodeAt(at + 2) !== BACKTICK;
  // ( " ' . , : ; ? ! / @ $ % ^ { }
  return c === 40 || c === 34 || c === 39 || c === 46 || c === 44 || c === 58 || c === 59 || c === 63 || c === 33 || c === 47 || c === 64 || c === 36 || c === 37 || c === 94 || c === 123 || c === 125;
}

/** No tab and no trailing space (white space at a line's end changes the text's end). */
function cleanLine(src: string, start: number, end: number): boolean {
  if (end > start && src.charCodeAt(end - 1) === SPACE) return false;
  return indexIn(src, TAB, start, end) < 0;
}

/**
 * The first `code` in `src[start, end)`, else -1. Unlike `indexOf`, it never reads past `end`:
 * asked once per line, an unbounded search for a character the document lacks would read the
 * rest of the document each time.
 */
function indexIn(src: string, code: number, start: number, end: number): number {
  for (let i = start; i < end; i++) if (src.charCodeAt(i) === code) return i;
  return -1;
}

// ------------------------------------------------------------------------ blocks

function point(line: number, column: number, offset: number) {
  return { line, column, offset };
}

function heading(src: string, start: number, end: number, line: number): Heading | null {
  const depth = headingDepth(src, start, end);
  const content = start + depth + 1;
  // Text right after one space, no closing `#` sequence, no trailing space.
  if (!depth || content >= end || src.charCodeAt(content) === SPACE || src.charCodeAt(end - 1) === HASH || !cleanLine(src, start, end)) return null;
  const children = inline(src, content, end, [start], line);
  if (!children) return null;
  return { type: 'heading', depth: depth as Heading['depth'], children, position: { start: point(line, 1, start), end: point(line, end - start + 1, end) } };
}

/** A line of a list: its indentation (spaces) and its item marker. */
interface ItemLine extends Line { line: number; indent: number; marker: NonNullable<ReturnType<typeof itemMarker>>; checked?: boolean | null }

/**
 * A tight list whose items are one line each, with lists nested under items: each nested item
 * indented exactly to its parent's text (as the parser reads `- a` / `  - b` / `    - c`).
 */
function list(src: string, run: Line[], line: number): List | null {
  const lines: ItemLine[] = [];
  for (let k = 0; k < run.length; k++) {
    const { start, end } = run[k]!;
    let indent = 0;
    while (src.charCodeAt(start + indent) === SPACE) indent++;
    const marker = itemMarker(src, start + indent, end);
    if (!marker || !cleanLine(src, start, end) || src.charCodeAt(marker.content - 1) !== SPACE) return null;
    lines.push({ start, end, line: line + k, indent, marker });
  }
  const built = listAt(src, lines, 0, 0, false);
  return built && built.next === lines.length ? built.node : null;
}

/**
 * The list whose first item is `lines[i]`, at `indent`; `nested`: it starts under an item's
 * text (there a numbered list must start at 1, or its line would go on the text).
 */
function listAt(src: string, lines: ItemLine[], i: number, indent: number, nested: boolean): { node: List; next: number } | null {
  const first = lines[i]!;
  if (first.indent !== indent || (nested && first.marker.value !== null && first.marker.value !== 1)) return null;
  const items: ListItem[] = [];
  for (; i < lines.length && lines[i]!.indent === indent; ) {
    const l = lines[i]!;
    if (l.marker.kind !== first.marker.kind) return null;
    const paragraph = itemParagraph(src, l);
    if (!paragraph) return null;
    const children: ListItem['children'] = [paragraph];
    i++;
    if (i < lines.length && lines[i]!.indent > indent) {
      const sub = listAt(src, lines, i, l.marker.content - l.start, true);
      if (!sub) return null;
      children.push(sub.node);
      i = sub.next;
    }
    const last = children[children.length - 1]!.position!.end;
    items.push({ type: 'listItem', spread: false, checked: l.checked ?? null, children, position: { start: point(l.line, indent + 1, l.start + indent), end: { ...last } } });
  }
  const ordered = first.marker.value !== null;
  const node: List = {
    type: 'list', ordered, start: ordered ? first.marker.value : null, spread: false, children: items,
    position: { start: { ...items[0]!.position!.start }, end: { ...items[items.length - 1]!.position!.end } },
  };
  return { node, next: i };
}

/** The paragraph of an item's text (after the task box, if any); sets `l.checked`. */
function itemParagraph(src: string, l: ItemLine): Paragraph | null {
  const { start, end } = l;
  let content = l.marker.content;
  l.checked = null;
  if (src.charCodeAt(content) === 91 && src.charCodeAt(content + 2) === 93 && src.charCodeAt(content + 3) === SPACE) {
    const box = src.charCodeAt(content + 1);
    if (box !== SPACE && box !== 120 && box !== 88) return null;
    l.checked = box !== SPACE;
    content += 4;
  }
  if (!plainStart(src, content, end)) return null;
  const children = inline(src, content, end, [start], l.line);
  if (!children) return null;
  // The task box is parsed as the paragraph's text and then removed: the paragraph starts
  // after it only when text follows (mdast-util-gfm-task-list-item moves its start there).
  const from = l.checked !== null && children[0]?.type !== 'text' ? l.marker.content : content;
  return { type: 'paragraph', children, position: { start: point(l.line, from - start + 1, from), end: point(l.line, end - start + 1, end) } };
}

function paragraph(src: string, run: Line[], line: number): Paragraph | null {
  for (const { start, end } of run) {
    if (!plainStart(src, start, end) || !cleanLine(src, start, end)) return null;
    // A pipe could make the lines a table; `]:` was ruled out for the whole document.
    if (indexIn(src, PIPE, start, end) >= 0) return null;
  }
  const first = run[0]!;
  const last = run[run.length - 1]!;
  const children = inline(src, first.start, last.end, run.map((l) => l.start), line);
  if (!children) return null;
  return { type: 'paragraph', children, position: { start: point(line, 1, first.start), end: point(line + run.length - 1, last.end - last.start + 1, last.end) } };
}

/**
 * A GFM table whose every line starts and ends with a pipe: a header row, a delimiter row with
 * as many cells, and rows of any number of cells. Each cell runs from its pipe to the next one
 * (the last one to the end of its line); its text is what lies between, without spaces around.
 */
function table(src: string, run: Line[], line: number): Table | null {
  if (run.length < 2) return null;
  const pipes: number[][] = [];
  for (const { start, end } of run) {
    if (end - start < 2 || src.charCodeAt(start) !== PIPE || src.charCodeAt(end - 1) !== PIPE || !cleanLine(src, start, end)) return null;
    const at: number[] = [];
    for (let i = start; i >= 0; i = indexIn(src, PIPE, i + 1, end)) at.push(i);
    if (at.length < 2) return null;
    pipes.push(at);
  }
  const delimiter = run[1]!;
  const align: Table['align'] = [];
  for (let c = 0; c + 1 < pipes[1]!.length; c++) {
    const cell = src.slice(pipes[1]![c]! + 1, pipes[1]![c + 1]).trim();
    if (!/^:?-+:?$/.test(cell)) return null;
    const left = cell.startsWith(':');
    const right = cell.endsWith(':') && cell.length > 1;
    align.push(left && right ? 'center' : left ? 'left' : right ? 'right' : null);
  }
  if (pipes[0]!.length !== pipes[1]!.length || delimiter.start !== pipes[1]![0]) return null;
  const rows: TableRow[] = [];
  for (let k = 0; k < run.length; k++) {
    if (k === 1) continue;
    const { start, end } = run[k]!;
    const at = pipes[k]!;
    const cells: TableCell[] = [];
    for (let c = 0; c + 1 < at.length; c++) {
      let from = at[c]! + 1;
      let to = at[c + 1]!;
      while (from < to && src.charCodeAt(from) === SPACE) from++;
      while (to > from && src.charCodeAt(to - 1) === SPACE) to--;
      const children = from < to ? inline(src, from, to, [start], line + k) : [];
      if (!children) return null;
      const cellEnd = c + 2 === at.length ? end : at[c + 1]!;
      cells.push({ type: 'tableCell', children, position: { start: point(line + k, at[c]! - start + 1, at[c]!), end: point(line + k, cellEnd - start + 1, cellEnd) } });
    }
    rows.push({ type: 'tableRow', children: cells, position: { start: point(line + k, 1, start), end: point(line + k, end - start + 1, end) } });
  }
  const last = run[run.length - 1]!;
  return { type: 'table', align, children: rows, position: { start: point(line, 1, run[0]!.start), end: point(line + run.length - 1, last.end - last.start + 1, last.end) } };
}

// ------------------------------------------------------------------------ inline

/** A `**` that may open or close strong emphasis, or a code span. */
interface Token { at: number; end: number; code: string | null; open: boolean; close: boolean }

/** micromark's character group: 1 white space, 2 punctuation, undefined other. Outside the text: white space. */
function group(src: string, i: number, start: number, end: number): 1 | 2 | undefined {
  return i < start || i >= end ? 1 : classifyCharacter(src.charCodeAt(i));
}

/**
 * The phrasing nodes of `src[start, end)` (lines joined by `\n`, each starting at one of
 * `lineStarts`, the first on line `line`), or null when the text holds anything but plain text,
 * `**` strong emphasis and code spans on one line.
 */
export function inline(src: string, start: number, end: number, lineStarts: readonly number[], line: number): PhrasingContent[] | null {
  const tokens: Token[] = [];
  let tildes = 0;
  const closers = indexIn(src, BACKTICK, start, end) >= 0 ? new BacktickRuns(src, start, end) : null;
  for (let i = start; i < end; ) {
    const c = src.charCodeAt(i);
    if (c === 91 || c === 60 || c === 92 || c === TAB) return null; // [ < \ tab
    if (c === 38 && CHARACTER_REFERENCE.test(src.slice(i, Math.min(end, i + 40)))) return null;
    if (c === BACKTICK) {
      let j = i;
      while (j < end && src.charCodeAt(j) === BACKTICK) j++;
      const size = j - i;
      const close = closers!.after(j, size);
      if (close < 0) { i = j; continue; }
      let value = src.slice(j, close);
      if (value.includes('\n')) return null;
      if (value.length > 1 && value.charCodeAt(0) === SPACE && value.charCodeAt(value.length - 1) === SPACE && /[^ ]/.test(value)) value = value.slice(1, -1);
      tokens.push({ at: i, end: close + size, code: value, open: false, close: false });
      i = close + size;
      continue;
    }
    if (c === STAR || c === UNDERSCORE || c === TILDE) {
      let j = i;
      while (j < end && src.charCodeAt(j) === c) j++;
      const before = group(src, i - 1, start, end);
      const after = group(src, j, start, end);
      if (c === TILDE) {
        if (++tildes > 1) return null;
        i = j;
        continue;
      }
      if (src.charCodeAt(i - 1) === TILDE || src.charCodeAt(j) === TILDE) return null;
      const open = !after || (after === 2 && !!before);
      const close = !before || (before === 2 && !!after);
      const opens = c === STAR ? open : open && (!!before || !close);
      const closes = c === STAR ? close : close && (!!after || !open);
      if (opens || closes) {
        if (c !== STAR || j - i !== 2) return null;
        tokens.push({ at: i, end: j, code: null, open: opens, close: closes });
      }
      i = j;
      continue;
    }
    i++;
  }
  return build(src, start, end, tokens, lineStarts, line);
}

const CHARACTER_REFERENCE = /^&(?:#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{0,31});/;

/**
 * The runs of backticks of a text, by length: where the next run of a length starts after a
 * point. Asked at increasing points, as the scan goes, each length's cursor only moves forward,
 * so a text of many unclosed runs costs its length, not its length times the runs.
 */
class BacktickRuns {
  private bySize = new Map<number, number[]>();
  private cursor = new Map<number, number>();
  constructor(src: string, start: number, end: number) {
    for (let i = indexIn(src, BACKTICK, start, end); i >= 0; i = indexIn(src, BACKTICK, i, end)) {
      let j = i;
      while (j < end && src.charCodeAt(j) === BACKTICK) j++;
      let runs = this.bySize.get(j - i);
      if (!runs) this.bySize.set(j - i, (runs = []));
      runs.push(i);
      i = j;
    }
  }

  /** Start of the first run of exactly `size` backticks at or after `from`, else -1. */
  after(from: number, size: number): number {
    const runs = this.bySize.get(size);
    if (!runs) return -1;
    let k = this.cursor.get(size) ?? 0;
    while (k < runs.length && runs[k]! < from) k++;
    this.cursor.set(size, k);
    return k < runs.length ? runs[k]! : -1;
  }
}

/** Pairs the `**` tokens (the nearest opener for each closer) and builds the nodes. */
function build(src: string, start: number, end: number, tokens: Token[], lineStarts: readonly number[], line: number): PhrasingContent[] {
  const pairs = new Map<Token, Token>();
  const openers: Token[] = [];
  for (const t of tokens) {
    if (t.code !== null) continue;
    if (t.close && openers.length) pairs.set(openers.pop()!, t);
    else if (t.open) openers.push(t);
  }
  const at = (offset: number) => {
    // The last line starting at or before `offset` (binary search: a paragraph may be long).
    let lo = 0;
    let hi = lineStarts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (lineStarts[mid]! <= offset) lo = mid; else hi = mid - 1;
    }
    return point(line + lo, offset - lineStarts[lo]! + 1, offset);
  };
  const root: PhrasingContent[] = [];
  const stack: { children: PhrasingContent[]; closer: Token | null }[] = [{ children: root, closer: null }];
  let textStart = start;
  const flushText = (upTo: number) => {
    if (upTo <= textStart) return;
    const node: Text = { type: 'text', value: src.slice(textStart, upTo), position: { start: at(textStart), end: at(upTo) } };
    stack[stack.length - 1]!.children.push(node);
  };
  for (const t of tokens) {
    if (t.code !== null) {
      flushText(t.at);
      stack[stack.length - 1]!.children.push({ type: 'inlineCode', value: t.code, position: { start: at(t.at), end: at(t.end) } });
      textStart = t.end;
    } else if (pairs.has(t)) {
      flushText(t.at);
      const strong = { type: 'strong' as const, children: [] as PhrasingContent[], position: { start: at(t.at), end: at(pairs.get(t)!.end) } };
      stack[stack.length - 1]!.children.push(strong);
      stack.push({ children: strong.children, closer: pairs.get(t)! });
      textStart = t.end;
    } else if (stack.length > 1 && stack[stack.length - 1]!.closer === t) {
      flushText(t.at);
      stack.pop();
      textStart = t.end;
    }
    // An unpaired `**` stays in the text.
  }
  flushText(end);
  return root;
}
