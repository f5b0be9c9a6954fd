/**
 * Count claims: a stated count and the items it counts.
 *
 * Forms (`form`):
 * - `heading` — `## Completed (6)`, `### CI/CD (7 files)`, `### Very Good - 3 packages`, `#### 配置 (5个)`:
 *   the one list, table or code block directly under the heading; or, when the heading holds
 *   no structure of its own, the sub-sections that each hold one (`sections`).
 * - `lead-in` — `**Scripts written (3 files):**`, `3 packages:`, `All 10 tables:`, a list item
 *   `**TestX** (2 subtests):` over its sub-list: the structure that follows directly.
 * - `inline` — `3 types (H3, H4)`, `two formats: PDF, CSV and XML`: the items named right there.
 * - `bucket` — a distribution table (`95%+ | 5 modules`) against the table whose rows it counts.
 *
 * Evidence: one `item` per counted item (its quantity is how many it stands for: 1, or N for
 * `(+ 4 more)`), or one `part` per sub-section. `data.also*` hold other defensible readings
 * (every item, the leaves of a nested list, the sum of the items' own counts); `data.doubt`
 * says why a mismatch cannot be trusted (mixed items, a selection, a far-off count).
 */
import {
  countValue, endsWithColon, idRangeSize, isCjkMeasure, isCodeComment, isCountedNoun, isFence, isPerItem, hasCjk, isBounded, isTopicNoun, fenceLang, LIST_CODE_LANGS, isOrdinalLabel,
  isSelection, isStatementLine, isTotalWord, isTreeLine, bareNumberPrefix, itemBody, itemShape, moreItems, nounStem, ownCount,
  PAREN_COUNT, RANGE_COUNT, PHRASE_COUNT, splitInlineList, TAIL_COUNT, treeEntry, wordBefore, type ItemShape,
} from '../../grammar/count';
import type { Block, Claim, Evidence, List, Quantity, Range, Section, Table } from '../schema';
import { readBuckets } from './count-buckets';
import { draft, evidence, type ChunkExtractContext, type ClaimDraft, type ClaimExtractor, type ExtractContext } from './types';
import { append, minOf, pushAll } from '../../collections';
import type { Scans } from '../scans';
import { headingBlocks } from '../cells';

export const countExtractor: ClaimExtractor = {
  scope: 'document',
  kinds: ['count'],
  extract(ctx) {
    // The document's structures, read once a heading states a count (most headings state none).
    let s: SectionStructures | null = null;
    const structures = () => (s ??= new SectionStructures(ctx));
    const out: ClaimDraft[] = [];
    for (const block of ctx.doc.blocks) if (block.kind === 'heading') headingClaim(ctx, structures, block, out);
    pushAll(out, readBuckets(ctx));
    return out;
  },
};

/**
 * Forms `lead-in` (paragraphs and list items over the structure that follows them) and `inline`
 * (counts with their items named right there): a chunk at a time.
 */
export const blockCountExtractor: ClaimExtractor = {
  scope: 'chunk',
  kinds: ['count'],
  extract(ctx) {
    const s = new Structures(ctx);
    const out: ClaimDraft[] = [];
    for (const block of ctx.doc.blocks) {
      if (block.kind === 'paragraph') leadInClaim(ctx, s, block, out);
      if (block.kind !== 'code') inlineClaims(ctx, block, out);
    }
    return out;
  },
};

// ------------------------------------------------------------------ stated counts

interface Stated {
  value: number; qualifier: string | null; noun: string; text: string; start: number; end: number;
  /** Where the words after the number end. */
  after: number;
  /** A range of numbered items (`Tasks 4-15`): no single number to fix. */
  range?: boolean;
}

/** The count a heading or lead-in states, or null (none, or a measure, subset or ordinal). */
/**
 * A count in running text leads into the list only when it ends the lead-in (`Created 3 files:`,
 * `3 packages were added:`): at most three words between it and the colon, and no other count
 * on the line (`Created 8 functions with 11 scenarios:` names two things).
 */
function nearColon(scans: Scans, line: string, at: number): boolean {
  const numbers = scans.all(line, PHRASE_COUNT).filter((m) => /^\d/.test(m.groups!.n!) && !isPerItem(m.groups!.noun ?? ''));
  if (numbers.length > 1) return false;
  const rest = line.slice(at).replace(/\([^()\n]{0,80}\)/g, ' ').replace(/[():：*_]/g, ' ').trim();
  return rest.split(/\s+/).filter(Boolean).length <= 3;
}


/** `Key: N nouns` and nothing else on the line. */
function fieldCount(scans: Scans, line: string): boolean {
  const colon = Math.max(line.indexOf(':'), line.indexOf('：'));
  if (colon < 1) return false;
  const value = line.slice(colon + 1).trim();
  const m = scans.all(value, PHRASE_COUNT);
  return m.length === 1 && m[0]!.index === 0 && m[0]![0].length === value.length;
}

function statedIn(scans: Scans, text: string, base: number, phrase: boolean): Stated | null {
  const found: Stated[] = [];
  for (const m of scans.all(text, PAREN_COUNT)) {
    const st = toStated(m, base, text);
    if (st) found.push(st);
  }
  if (!found.length) {
    const t = TAIL_COUNT.exec(text);
    const st = t && toStated(t, base, text);
    if (st) found.push(st);
  }
  if (!found.length) {
    for (const m of scans.all(text, RANGE_COUNT)) {
      const g = m.groups!;
      const [a, b] = [Number(g.a), Number(g.b)];
      if (!/s$/i.test(g.noun!) || !isCountedNoun(g.noun!) || b <= a || b - a > 200) continue;
      const [s, e] = m.indices!.groups!.noun!;
      const [, end] = m.indices!.groups!.b!;
      found.push({ value: b - a + 1, qualifier: null, noun: g.noun!, text: text.slice(e + 1, end), start: base + s, end: base + end, after: base + m.index + m[0].length, range: true });
    }
  }
  if (!found.length && phrase) {
    for (const m of scans.all(text, PHRASE_COUNT)) {
      if (text[m.index + m[0].length] === ')' || text.slice(m.index - 1, m.index) === '(') continue;
      const st = toStated(m, base, text);
      if (st) found.push(st);
    }
  }
  return found.length === 1 ? found[0]! : null;
}

function toStated(m: RegExpExecArray | RegExpMatchArray, base: number, text: string): Stated | null {
  const g = m.groups!;
  const value = countValue(g.n!);
  if (value === null || value < 1 || value > 999) return null;
  const [s, e] = m.indices!.groups!.n!;
  if (/^0\d/.test(g.n!)) return null;
  if (isOrdinalLabel(wordBefore(text, s)) || isOrdinalLabel(text.slice(Math.max(0, s - 6), s).trim().split(/\s+/).pop() ?? '')) return null;
  const bounded = isBounded(text.slice(Math.max(0, s - 16), s));
  let noun = '';
  if (g.cjk) {
    noun = g.cjk + (g.cjknoun ?? '');
    if (isCjkMeasure(g.cjknoun ?? '') || isCjkMeasure(g.cjk)) return null;
  } else if (g.noun) {
    noun = g.noun.trim();
    if (hasCjk(noun)) return null;
    const words = noun.split(/\s+/);
    if (isTotalWord(words[0]!)) noun = 'total';
    else if (words.length > 1 && isTotalWord(words[words.length - 1]!)) noun = words.slice(0, -1).join(' ');
    if (noun !== 'total' && !isCountedNoun(noun)) return null;
  } else {
    // A bare number: `(6)`, never a year.
    if (!/^\d{1,3}$/.test(g.n!)) return null;
  }
  const after = base + (m.index ?? 0) + m[0].length;
  return { value, qualifier: g.q ?? (g.plus || bounded ? '+' : null), noun, text: g.n!, start: base + s, end: base + e, after };
}

function quantity(ctx: ChunkExtractContext, st: Stated): Quantity {
  return {
    value: st.value, of: null, unit: st.noun || null, qualifier: st.qualifier, sign: null, precision: 0,
    text: st.text, range: ctx.lines.range(st.start, st.end),
  };
}

function claimOf(ctx: ChunkExtractContext, form: string, subject: string, statement: Range, st: Stated, section: number | null, t: Tally | string): ClaimDraft {
  const data: Claim['data'] = { noun: st.noun || null, range: st.range === true };
  let ev: Evidence[] = [];
  let unchecked: string | null = null;
  if (typeof t === 'string') unchecked = t;
  else {
    ev = t.evidence;
    data.what = t.what;
    data.doubt = t.doubt;
    t.also.forEach((v, i) => { data[`also${i + 1}`] = v; });
    const count = ev.reduce((a, e) => a + (e.quantity?.value ?? 1), 0);
    // A list far shorter or longer than the count is a selection or a grouping, not a miscount.
    const [lo, hi] = [Math.min(count, st.value), Math.max(count, st.value)];
    if (!data.doubt && hi > 2 * lo && hi - lo >= 3) data.doubt = `the ${t.what} holds ${count} where ${st.value} are announced: a selection or a grouping, not a list of them`;
  }
  return draft('count', form, {
    subject: subject.trim().slice(0, 80),
    range: ctx.lines.range(st.start, st.end),
    statement,
    stated: quantity(ctx, st),
    evidence: ev,
    data,
    section,
    unchecked,
  });
}

// ------------------------------------------------------------------ structures of the document

type Structure =
  | { kind: 'list'; start: number; end: number; list: List }
  | { kind: 'table'; start: number; end: number; table: Table }
  | { kind: 'code'; start: number; end: number; lines: string[]; lang: string };

/** Top-level lists, tables and fenced code blocks in document order, found by offset. */
class Structures {
  readonly all: Structure[] = [];
  protected readonly extents: [number, number][] = [];

  constructor(protected readonly ctx: ChunkExtractContext) {
    const { doc } = ctx;
    for (const list of doc.lists) if (list.parentItem === null) this.all.push({ kind: 'list', start: list.range.offset, end: list.range.endOffset, list });
    for (const table of doc.tables) this.all.push({ kind: 'table', start: table.range.offset, end: table.range.endOffset, table });
    this.collectCode();
    this.all.sort((a, b) => a.start - b.start);
    // Merged extents of the structures, to tell in O(log n) whether a paragraph lies inside one.
    for (const st of this.all) {
      const last = this.extents[this.extents.length - 1];
      if (last && st.start < last[1]) last[1] = Math.max(last[1], st.end);
      else this.extents.push([st.start, st.end]);
    }
  }

  protected inside(offset: number): boolean {
    let lo = 0;
    let hi = this.extents.length - 1;
    let found = -1;
    while (lo <= hi) { const mid = (lo + hi) >> 1; if (this.extents[mid]![0] <= offset) { found = mid; lo = mid + 1; } else hi = mid - 1; }
    return found >= 0 && offset < this.extents[found]![1];
  }

  /**
   * Fenced code blocks, read from the lines. A heading the parser found ends a fence left open
   * (it cannot be inside one), so no block spans a heading: a chunk of the document, which
   * starts at a heading, has the same blocks read alone.
   */
  private collectCode(): void {
    const { lines } = this.ctx;
    const headingLines = new Set(this.ctx.doc.sections.map((s) => s.headingRange.line));
    let open: number | null = null;
    let fence = '';
    let lang = '';
    for (let l = 1; l <= lines.lineCount; l++) {
      if (headingLines.has(l)) { open = null; continue; }
      const t = lines.lineText(l);
      if (open === null) {
        if (isFence(t)) { open = l; fence = t.trim().slice(0, 3); lang = fenceLang(t); }
      } else if (isFence(t) && t.trim().startsWith(fence) && t.trim().replace(/[`~]/g, '') === '') {
        const body: string[] = [];
        for (let k = open + 1; k < l; k++) body.push(lines.lineText(k));
        this.all.push({ kind: 'code', start: lines.starts[open - 1]!, end: lines.starts[l - 1]! + t.length, lines: body, lang });
        open = null;
      }
    }
  }

  /** Structures that start in [from, to). */
  within(from: number, to: number): Structure[] {
    let lo = 0;
    let hi = this.all.length;
    while (lo < hi) { const mid = (lo + hi) >> 1; if (this.all[mid]!.start < from) lo = mid + 1; else hi = mid; }
    const out: Structure[] = [];
    let reach = -1;
    for (let i = lo; i < this.all.length && this.all[i]!.start < to; i++) {
      const s = this.all[i]!;
      // A structure inside another (a table in a list item) is not top level.
      if (s.end > reach) { out.push(s); reach = s.end; }
    }
    return out;
  }
}

/** The structures of the whole document with its sections: what a heading's count reads. */
class SectionStructures extends Structures {
  private readonly paragraphs: Block[];
  private readonly sectionAt: Map<number, Section>;
  readonly headings: ReadonlyMap<number, Block>;
  /** Headings ending in a bare `(N)`, by the text before it: more than one means numbering. */
  readonly bare = new Map<string, number>();
  readonly children = new Map<number, Section[]>();

  constructor(protected override readonly ctx: ExtractContext) {
    super(ctx);
    const { doc } = ctx;
    this.paragraphs = doc.blocks.filter((b) => b.kind === 'paragraph' && b.listItem === null && !this.inside(b.range.offset));
    this.sectionAt = new Map(doc.sections.map((s) => [s.headingRange.offset, s]));
    this.headings = headingBlocks(doc);
    for (const b of this.headings.values()) {
      const prefix = bareNumberPrefix(b.text);
      if (prefix !== null) this.bare.set(prefix, (this.bare.get(prefix) ?? 0) + 1);
    }
    for (const sec of doc.sections) {
      if (sec.parent !== null) append(this.children, sec.parent, sec);
    }
  }

  /** Paragraphs (outside lists) that start in [from, to). */
  paragraphsWithin(from: number, to: number): Block[] {
    let lo = 0;
    let hi = this.paragraphs.length;
    while (lo < hi) { const mid = (lo + hi) >> 1; if (this.paragraphs[mid]!.range.offset < from) lo = mid + 1; else hi = mid; }
    const out: Block[] = [];
    for (let i = lo; i < this.paragraphs.length && this.paragraphs[i]!.range.offset < to; i++) out.push(this.paragraphs[i]!);
    return out;
  }

  section(heading: Block): Section | undefined {
    return this.sectionAt.get(heading.range.offset);
  }

  /** Where the heading's own part ends: the next heading of any level. */
  ownEnd(section: Section): number {
    const next = this.ctx.doc.sections[section.index + 1];
    return next ? next.headingRange.offset : this.ctx.text.length;
  }
}

// ------------------------------------------------------------------ tallies of items

interface Tally {
  evidence: Evidence[];
  /** `list`, `table`, `code block`, `inline list`, `sub-sections`. */
  what: string;
  also: number[];
  doubt: string | null;
}

function tallyOf(ctx: ChunkExtractContext, s: Structure, noun: string): Tally | string {
  if (s.kind === 'list') return listTally(ctx, s.list, noun);
  if (s.kind === 'table') return tableTally(s.table);
  return codeTally(ctx, s);
}

const firstLine = (text: string, offset: number) => {
  const nl = text.indexOf('\n', offset);
  return text.slice(offset, nl < 0 ? text.length : nl).replace(/\r$/, '');
};

function listTally(ctx: ChunkExtractContext, list: List, noun: string): Tally | string {
  const { text, doc } = ctx;
  const raws = list.items.map((it) => firstLine(text, it.range.offset));
  const bodies = raws.map(itemBody);
  const shapes = raws.map(itemShape);
  const more = bodies.map((b) => moreItems(b));
  let doubt: string | null = null;
  const also: number[] = [];
  if (bodies.some((b) => b.length < 24 && isSelection(b))) doubt = 'the list ends in a selection mark (etc., …, and more)';
  const kept = list.items.map((_, i) => i).filter((i) => shapes[i] !== 'field' && shapes[i] !== 'empty');
  if (kept.length === 0) return 'the list holds fields (Key: value), not items';
  const byShape = new Map<ItemShape, number[]>();
  for (const i of kept) if (more[i] === null) append(byShape, shapes[i]!, i);
  const groups = [...byShape.values()].sort((a, b) => b.length - a.length);
  let counted = groups[0] ?? [];
  if (groups.length > 1) {
    doubt ??= 'the list mixes kinds of items (a description or a note among them)';
    also.push(kept.length);
    if (groups[0]!.length === groups[1]!.length) counted = kept.filter((i) => more[i] === null);
  }
  counted = [...counted, ...kept.filter((i) => more[i] !== null)].sort((a, b) => a - b);
  if (kept.length !== list.items.length) also.push(list.items.length);
  // Items that carry counts of the same thing make a sum, not a list.
  const stem = noun && noun !== 'total' ? nounStem(noun) : null;
  const own = counted.map((i) => (more[i] === null ? ownCount(bodies[i]!) : null));
  const same = own.filter((o) => o && (stem === null || nounStem(o.noun) === stem));
  if (same.length > 0) {
    doubt ??= 'the items carry counts of their own';
    if (same.length === counted.length) also.push(same.reduce((a, o) => a + o!.value, 0));
  }
  // Nested lists: the leaves are another reading.
  // Nested lists: the leaves are another reading; when a parent item is a group label
  // (`Backend:`) the leaves may be what is counted.
  if (counted.some((i) => list.items[i]!.children !== null)) {
    if (counted.some((i) => list.items[i]!.children !== null && endsWithColon(bodies[i]!))) doubt ??= 'the list is nested under group labels';
    also.push(counted.reduce((a, i) => a + leaves(doc, list, i), 0));
  }
  return {
    evidence: counted.map((i, k) => evidence('item', `Item ${k + 1}`, list.items[i]!.range, more[i] !== null ? { quantity: countQuantity(ctx, more[i]!, list.items[i]!.range) } : {})),
    what: 'list',
    also,
    doubt,
  };
}

function leaves(doc: ChunkExtractContext['doc'], list: List, i: number): number {
  const c = list.items[i]!.children;
  if (c === null) return 1;
  const child = doc.lists[c]!;
  return child.items.reduce((a, _, k) => a + leaves(doc, child, k), 0);
}

function countQuantity(ctx: ChunkExtractContext, value: number, range: Range): Quantity {
  return { value, of: null, unit: null, qualifier: null, sign: null, precision: 0, text: String(value), range: ctx.lines.range(range.offset, range.offset) };
}

const NUMERIC_CELL = /^[~≈]?\d[\d,]*(?:\.\d+)?(?:[ \t]?\/[ \t]?\d[\d,]*)?\+?(?:[ \t]\p{L}{1,20})?(?:[ \t]\S{1,3})?$/u;

function tableTally(table: Table): Tally | string {
  const rows = table.rows.filter((r) => !r.isTotal && r.cells.some((c) => c.text !== ''));
  if (rows.length === 0) return 'the table has no rows';
  let doubt: string | null = null;
  // Rows that carry counts (`15/15`, `12 files`) make the announced number a column sum as likely as a row count.
  for (let c = 1; c < table.header.length; c++) {
    const numeric = rows.filter((r) => NUMERIC_CELL.test(r.cells[c]?.text ?? '')).length;
    if (numeric * 2 >= rows.length) { doubt = 'the rows carry counts of their own (the number may be a column sum)'; break; }
  }
  if (rows.some((r) => r.cells[0] && r.cells[0].text.length < 24 && isSelection(r.cells[0].text))) doubt ??= 'the table ends in a selection mark';
  return { evidence: rows.map((r, k) => evidence('item', `Row ${k + 1}`, r.range)), what: 'table', also: [], doubt };
}

function codeTally(ctx: ChunkExtractContext, s: Extract<Structure, { kind: 'code' }>): Tally | string {
  if (!LIST_CODE_LANGS.has(s.lang)) return `a ${s.lang} code block holds commands or code, not a list of entries`;
  const entries: { line: string; offset: number }[] = [];
  let comments = 0;
  let at = ctx.text.indexOf('\n', s.start) + 1;
  for (const line of s.lines) {
    if (line.trim() && isCodeComment(line)) comments++;
    // Comment lines and group labels (`Studio:`) are not entries.
    if (line.trim() && !isCodeComment(line) && !endsWithColon(line)) entries.push({ line, offset: at });
    at += line.length + 1;
  }
  if (entries.length === 0) return 'the code block is empty';
  if (entries.some((e) => isStatementLine(e.line))) return 'the code block holds statements, not a list of entries';
  let doubt: string | null = comments > 0 ? 'the code block has comment lines (they may be the items)' : null;
  const also: number[] = [];
  let counted = entries;
  if (entries.some((e) => isTreeLine(e.line))) {
    const tree = entries.map((e) => ({ ...e, ...treeEntry(e.line) }));
    counted = tree.filter((t, i) => !(tree[i + 1] && tree[i + 1]!.depth > t.depth) && !t.name.endsWith('/'));
    also.push(entries.length);
    doubt = 'the code block is a tree: its files are counted, its folders are not';
  } else {
    const indent = (l: string) => l.length - l.trimStart().length;
    const base = minOf(entries.map((e) => indent(e.line)));
    if (entries.some((e) => indent(e.line) > base)) return 'the code block is nested';
  }
  if (counted.some((e) => e.line.trim().length < 24 && isSelection(e.line))) doubt ??= 'the code block ends in a selection mark';
  return {
    evidence: counted.map((e, k) => {
      const body = e.line.trim();
      const r = ctx.lines.range(e.offset + (e.line.length - e.line.trimStart().length), e.offset + e.line.trimEnd().length);
      const n = moreItems(body.replace(/^\(/, ''));
      return evidence('item', `Line ${k + 1}`, r, n !== null ? { quantity: countQuantity(ctx, n, r) } : {});
    }),
    what: 'code block',
    also,
    doubt,
  };
}

// ------------------------------------------------------------------ heading claims

function headingClaim(ctx: ExtractContext, structures: () => SectionStructures, block: Block, out: ClaimDraft[]): void {
  const st = statedIn(ctx.scans, block.text, block.range.offset, false);
  if (!st) return;
  const s = structures();
  const section = s.section(block);
  if (!section) return;
  const subject = section.title;
  const statement = section.headingRange;
  out.push(claimOf(ctx, 'heading', subject, statement, st, section.index, headingTally(ctx, s, block, section, st)));
}

function headingTally(ctx: ExtractContext, s: SectionStructures, block: Block, section: Section, st: Stated): Tally | string {
  if (isSelection(block.text)) return 'the heading announces a selection';
  const prefix = bareNumberPrefix(block.text);
  if (prefix !== null && (s.bare.get(prefix) ?? 0) > 1) return 'headings of the same name are numbered (1), (2), …, not counted';
  const end = s.ownEnd(section);
  const structures = s.within(block.range.endOffset, end);
  const target = structures[0];
  const before = s.paragraphsWithin(block.range.endOffset, target ? target.start : end);
  if (!target) return subSectionTally(ctx, s, section, before);
  if (before.length > 1) return 'the list is introduced by paragraphs of its own';
  if (before.length === 1 && !isIntro(ctx, before[0]!)) return 'the list is introduced by a lead-in of its own';
  const tally = tallyOf(ctx, target, st.noun);
  if (structures.length === 1 || typeof tally === 'string') return tally;
  // Several structures: the heading owns the first only when it follows the heading directly and
  // every later one has a lead-in of its own (`**Removed:**`) that announces no count.
  if (before.length > 0) return 'the section holds several lists, tables or code blocks';
  let sum = tally.evidence.reduce((a, e) => a + (e.quantity?.value ?? 1), 0);
  for (let i = 1; i < structures.length; i++) {
    const lead = s.paragraphsWithin(structures[i - 1]!.end, structures[i]!.start);
    const last = lead[lead.length - 1];
    if (!last || !endsWithColon(last.text) || lead.some((p) => statedIn(ctx.scans, p.text, p.range.offset, true))) {
      return 'the section holds several lists, tables or code blocks';
    }
    const t = tallyOf(ctx, structures[i]!, '');
    if (typeof t === 'string') return 'the section holds several lists, tables or code blocks';
    sum += t.evidence.reduce((a, e) => a + (e.quantity?.value ?? 1), 0);
  }
  return { ...tally, also: [...tally.also, sum] };
}

/** A paragraph between a heading and its list that only introduces it (`These are the files:`). */
function isIntro(ctx: ExtractContext, p: Block): boolean {
  const raw = ctx.text.slice(p.range.offset, p.range.endOffset).trim();
  if (raw.startsWith('**') || raw.startsWith('__')) return false;
  if (statedIn(ctx.scans, p.text, p.range.offset, true)) return false;
  return endsWithColon(p.text) || isSelection(p.text) === false && !raw.includes('\n');
}

function subSectionTally(ctx: ExtractContext, s: SectionStructures, section: Section, before: Block[]): Tally | string {
  if (before.length > 1) return 'the heading holds paragraphs, not a list';
  const children = s.children.get(section.index) ?? [];
  if (children.length < 2) return 'the heading holds no list, table or code block';
  const parts: Evidence[] = [];
  let statedSum: number | null = 0;
  for (const child of children) {
    if (s.children.has(child.index)) return 'a sub-section has sub-sections of its own';
    const heading = s.headings.get(child.headingRange.offset);
    if (!heading) return 'a sub-section could not be read';
    const structures = s.within(heading.range.endOffset, s.ownEnd(child));
    if (structures.length !== 1) return `the sub-section "${child.title}" does not hold exactly one list, table or code block`;
    const own = statedIn(ctx.scans, heading.text, heading.range.offset, false);
    const t = tallyOf(ctx, structures[0]!, own?.noun ?? '');
    if (typeof t === 'string' || t.doubt) return `the sub-section "${child.title}" is not a plain list (${typeof t === 'string' ? t : t.doubt})`;
    const n = t.evidence.reduce((a, e) => a + (e.quantity?.value ?? 1), 0);
    parts.push(evidence('part', child.title, child.headingRange, { quantity: countQuantity(ctx, n, child.headingRange) }));
    statedSum = own && statedSum !== null ? statedSum + own.value : null;
  }
  return { evidence: parts, what: 'sub-sections', also: statedSum !== null ? [statedSum] : [], doubt: null };
}

// ------------------------------------------------------------------ lead-in claims

function leadInClaim(ctx: ChunkExtractContext, s: Structures, block: Block, out: ClaimDraft[]): void {
  if (block.table) return;
  const lastNl = block.text.lastIndexOf('\n');
  const line = block.text.slice(lastNl + 1);
  const lineStart = block.range.offset + lastNl + 1;
  const colon = endsWithColon(line);
  const raw = ctx.text.slice(lineStart, block.range.endOffset).trim();
  const label = !colon && line.trim().length <= 100 && !/[.!?。]$/.test(line.trim()) && (raw.startsWith('**') || raw.startsWith('__'));
  // A field whose value is the count: `**Git Commits**: 7 commits`, `Files Created: 15 files`.
  const field = !colon && line.trim().length <= 80 && fieldCount(ctx.scans, line);
  if (!colon && !label && !field) return;
  const st = statedIn(ctx.scans, line, lineStart, colon || field);
  if (!st) return;
  if (field && ctx.text.slice(st.after, lineStart + line.trimEnd().length).trim() !== '') return;
  if (colon && !nearColon(ctx.scans, line, st.after - lineStart)) return;
  let tally: Tally | string;
  if (block.listItem) {
    const item = ctx.doc.lists[block.listItem[0]]?.items[block.listItem[1]];
    if (!item || item.children === null) return;
    // Only the item's first paragraph leads into its sub-list.
    if (item.range.offset > block.range.offset || ctx.text.slice(item.range.offset, block.range.offset).includes('\n')) return;
    tally = listTally(ctx, ctx.doc.lists[item.children]!, st.noun);
  } else {
    const next = s.within(block.range.endOffset, ctx.text.length)[0];
    if (!next || ctx.text.slice(block.range.endOffset, next.start).trim() !== '') return;
    tally = tallyOf(ctx, next, st.noun);
  }
  if (isSelection(line)) tally = 'the lead-in announces a selection';
  out.push(claimOf(ctx, 'lead-in', line.trim(), ctx.lines.range(lineStart, block.range.endOffset), st, block.section, tally));
}

// ------------------------------------------------------------------ inline lists

const AFTER_COUNT = /^[ \t]?(?:\((?<paren>[^()\n]{1,300})\)|[:：](?<colon>[^\n.;:!?。]{1,300})(?:$|\n|[.;!?。](?:[ \t\n]|$)))/u;

function inlineClaims(ctx: ChunkExtractContext, block: Block, out: ClaimDraft[]): void {
  const text = block.text;
  // A count is followed by its list in parentheses or after a colon (AFTER_COUNT): without
  // either character the block has none, and the costly count pattern need not run.
  if (!/[(:：]/.test(text) || !/\d|[A-Za-zА-я]/.test(text)) return;
  for (const m of ctx.scans.all(text, PHRASE_COUNT)) {
    const after = text.slice(m.index + m[0].length, m.index + m[0].length + 320);
    const a = AFTER_COUNT.exec(after);
    if (!a) continue;
    const st = toStated(m, block.range.offset, text);
    if (!st || st.noun === 'total' || !st.noun) continue;
    const inner = a.groups!.paren ?? a.groups!.colon!;
    const lead = inner.length - inner.trimStart().length;
    const listStart = m.index + m[0].length + a[0].indexOf(inner) + lead;
    const listText = ctx.text.slice(block.range.offset + listStart, block.range.offset + listStart + inner.trim().length);
    const items = splitInlineList(listText);
    if (!items) continue;
    const context = text.slice(Math.max(0, m.index - 30), m.index) + listText;
    let tally: Tally | string;
    if (isSelection(context)) tally = 'the inline list is a selection';
    else if (isTopicNoun(st.noun)) tally = 'the parenthesis names what the tests cover, not the tests';
    else if (items.some((i) => ownCount(i))) tally = 'the inline items carry counts of their own';
    else {
      const r = ctx.lines.range(block.range.offset + listStart, block.range.offset + listStart + listText.length);
      const ev = items.map((it) => {
        const n = idRangeSize(it);
        return evidence('item', it, r, n !== null ? { quantity: countQuantity(ctx, n, r) } : {});
      });
      tally = { evidence: ev, what: 'inline list', also: [], doubt: null };
    }
    const stmtEnd = block.range.offset + listStart + listText.length + (a.groups!.paren ? 1 : 0);
    out.push(claimOf(ctx, 'inline', text.slice(m.index, m.index + 60), ctx.lines.range(block.range.offset + m.index, stmtEnd), st, block.section, tally));
  }
}
