/**
 * `analyze(text) -> StatusDoc`: parses once with unified/remark and turns the tree into the
 * plain-data model. No mdast node outlives this function.
 *
 * Two steps: `ChunkBuilder` reads what a run of top-level nodes decides on its own text
 * (headings, blocks, numbers, tasks, lists, tables, fields, scores, damaged characters);
 * `assemble` runs the document-level passes over those parts (sections and their ranges and
 * parents, roll-ups, the date context and the dates, title and status, milestones, claims). A
 * cold analysis reads the whole document as one run; `ChunkModels` (the editor's path) reads
 * each chunk of the incremental parser on its own and keeps the parts of unchanged chunks
 * between calls.
 */
import type { List as MdList, ListItem, Nodes, Parent, Root, RootContent, Table as MdTable } from 'mdast';
import { FOREIGN_DATE_COLUMN } from '../grammar/milestones';
import { findSuppressions } from '../grammar/suppressions';
import { extractChunkClaims, extractClaims } from './claims/index';
import type { ChunkDoc, ClaimDraft } from './claims/types';
import { documentDateContext, findDates, type FindDatesOptions } from './dates';
import { detectLanguage, LANGUAGE_SAMPLE, UNDETERMINED, type DocumentLanguage } from './language';
import { canonicalFieldName, matchBoldField, matchFrontMatterLine, PLAIN_FIELD_NAMES, type FieldMatch } from './fields';
import { extractMilestones } from './milestones';
import { findMojibake } from './mojibake';
import { extractNumbers } from './numbers';
import { parseMarkdown, type ParsedChunk } from './parse';
import { LineIndex } from './positions';
import { checkedTextOf, rememberCheckedText } from './text';
import { RememberingScans, RUN_EVERY_TIME, type Scans } from './scans';
import type {
  Block, ColumnRole, MojibakeRun, DateValue, Field, List, NumberToken, Quantity, Range, Score, Section, StatusDoc,
  StatusMention, StatusValue, Suppression, Table, TableCell, TableRow, TaskItem,
} from './schema';
import { getVocabulary, RememberingVocabulary, type StatusMatch, type Vocabulary } from './vocabulary';
import { pushAll } from '../collections';

export interface AnalyzeOptions {
  /** Extra status words (the `statusWords` setting). */
  statusWords?: Partial<Record<StatusValue, readonly string[]>>;
}

/** Languages of fenced blocks whose content is prose-like results and is checked. */
const PLAIN_CODE_LANGS = new Set(['', 'text', 'txt', 'plain', 'plaintext']);

export function analyze(text: string, options: AnalyzeOptions = {}): StatusDoc {
  return analyzeTree(text, parseMarkdown(text), options);
}

/**
 * The model from a tree parsed elsewhere: `root` must be what `parseMarkdown(text)` returns,
 * with the same positions. The tree is only read.
 */
export function analyzeTree(text: string, root: Root, options: AnalyzeOptions = {}): StatusDoc {
  const vocab = getVocabulary(options.statusWords);
  const parts = new ChunkBuilder(text, vocab).build(root.children);
  return assemble(text, [{ children: root.children, offset: 0 }], [{ parts, offset: 0, line: 1, end: text.length }], vocab, true);
}

// ------------------------------------------------------------------------ chunks

/**
 * What a run of top-level nodes yields on its own (see ChunkBuilder): everything of the model
 * that its text decides. Positions are those of the chunk's own text (offset 0 and line 1 at
 * its first character). Indices are the chunk's own: `block`, `list`, `parent`, `table`,
 * `parentItem`, `children` count from the chunk's first block, list, task or table; `section`
 * is the index of one of `headings`, or null for text before the chunk's first heading (the
 * document's section before the chunk, if any).
 */
export interface ChunkParts {
  headings: HeadingPart[];
  blocks: Block[];
  numbers: NumberToken[];
  tasks: TaskItem[];
  lists: List[];
  tables: Table[];
  fields: Field[];
  scores: Score[];
  /** Per score: the chunk's indices of its before, after and delta numbers (-1: no delta). */
  scoreNumbers: [number, number, number][];
  /** Damaged characters (a run never spans a line break, so never two chunks). */
  mojibake: MojibakeRun[];
  /** The chunk's part of the checked text (see `checkedTextOf`). */
  checked: string;
  /** The dates of the blocks, for one date context (it comes from the whole document). */
  dates: { context: string; dates: DateValue[] } | null;
  /** What each chunk extractor finds in the chunk (see `ClaimExtractor`), once asked for. */
  claims: ClaimDraft[][] | null;
}

/** A top-level heading: what a section takes from its own line. */
export interface HeadingPart {
  title: string;
  level: number;
  headingRange: Range;
  status: StatusMention | null;
}

/** A chunk's parts and where the chunk starts in the document. */
export interface PlacedChunk {
  parts: ChunkParts;
  offset: number;
  /** 1-based line of the chunk's first character. */
  line: number;
  /** Offset just past the chunk's last character. */
  end: number;
}

/**
 * Builds the model again and again as a document is edited, from the chunks the incremental
 * parser returns: a chunk whose key did not change keeps its parts (moved and renumbered), only
 * changed chunks are read again, and the document-level passes (sections, roll-ups, date
 * context, title and status, milestones, claims) run over the combined parts. Keeps the parts
 * of the last text's chunks only. The result equals `analyze(text, options)`.
 */
export class ChunkModels {
  private parts = new Map<object, ChunkParts>();
  private vocabKey: string | null = null;
  private vocab: RememberingVocabulary | null = null;
  private readonly scans = new RememberingScans();
  /** Chunks of the last call, and how many of them were read again (the rest were reused). */
  stats = { chunks: 0, built: 0 };

  /** How many chunks' parts are kept. */
  get size(): number {
    return this.parts.size;
  }

  /**
   * `parsed`: what the incremental parser returned for `text`, the whole tree or (when it split
   * the text) its chunks. `lines`: the LineIndex of `text`, when the caller has one.
   */
  analyze(text: string, parsed: Root | readonly ParsedChunk[], options: AnalyzeOptions = {}, lines = new LineIndex(text)): StatusDoc {
    const vocabKey = stableWords(options.statusWords);
    if (vocabKey !== this.vocabKey || !this.vocab) {
      this.vocabKey = vocabKey;
      this.vocab = new RememberingVocabulary(getVocabulary(options.statusWords));
      this.parts = new Map();
    }
    const vocab = this.vocab;
    vocab.nextGeneration();
    this.scans.nextGeneration();
    if (!Array.isArray(parsed)) {
      const root = parsed as Root;
      this.parts = new Map();
      this.stats = { chunks: 1, built: 1 };
      const parts = new ChunkBuilder(text, vocab).build(root.children);
      return assemble(text, [{ children: root.children, offset: 0 }], [{ parts, offset: 0, line: 1, end: text.length }], vocab, true, lines, detectLanguage, this.scans);
    }
    const chunks = parsed as readonly ParsedChunk[];
    const next = new Map<object, ChunkParts>();
    const placed: PlacedChunk[] = [];
    let built = 0;
    for (const c of chunks) {
      let parts = next.get(c.key) ?? this.parts.get(c.key);
      if (!parts) {
        parts = new ChunkBuilder(text.slice(c.offset, c.end), vocab).build(c.children);
        built++;
      }
      next.set(c.key, parts);
      placed.push({ parts, offset: c.offset, line: c.line, end: c.end });
    }
    this.parts = next;
    this.stats = { chunks: chunks.length, built };
    return assemble(text, chunks, placed, vocab, false, lines, (t) => this.language(t), this.scans);
  }

  private lastLanguage: { sample: string; language: DocumentLanguage } | null = null;

  /** `detectLanguage`, which reads only the first LANGUAGE_SAMPLE characters: kept while they stay the same. */
  private language(text: string): DocumentLanguage {
    const sample = text.slice(0, LANGUAGE_SAMPLE);
    if (this.lastLanguage?.sample !== sample) this.lastLanguage = { sample, language: detectLanguage(sample) };
    const l = this.lastLanguage.language;
    return l === UNDETERMINED ? l : { code: l.code, confidence: l.confidence, also: [...l.also], evidence: [...l.evidence] };
  }
}

/** A key for the extra status words: equal words, equal keys (none and `{}` alike). */
function stableWords(words: AnalyzeOptions['statusWords']): string {
  const keys = Object.keys(words ?? {}).filter((k) => words![k as StatusValue]?.length).sort();
  return keys.length ? JSON.stringify(keys.map((k) => [k, words![k as StatusValue]])) : '';
}

// ------------------------------------------------------------------------ the document

/** Top-level nodes in positions `offset` characters before the document's (a chunk's own). */
interface Tree { children: readonly RootContent[]; offset: number }

interface Pos { start: { offset?: number }; end: { offset?: number } }
const startOf = (n: { position?: Pos }) => n.position?.start.offset ?? 0;
const endOf = (n: { position?: Pos }) => n.position?.end.offset ?? 0;

/**
 * The document-level passes over the chunks' parts, in document order. With `owned`, a single
 * chunk at the start whose parts were built for this call: they become the model as they are.
 * Otherwise every part is copied (moved to the chunk's place, renumbered), so a model never
 * shares objects with the parts kept for the next call.
 */
function assemble(
  text: string, trees: readonly Tree[], chunks: readonly PlacedChunk[], vocab: Vocabulary, owned: boolean,
  idx = new LineIndex(text), languageOf: (text: string) => DocumentLanguage = detectLanguage, scans: Scans = RUN_EVERY_TIME,
): StatusDoc {
  const range = (start: number, end: number) => idx.range(start, end);
  const sections: Section[] = [];
  const blocks: Block[] = [];
  const numbers: NumberToken[] = [];
  const tasks: TaskItem[] = [];
  const lists: List[] = [];
  const tables: Table[] = [];
  const fields: Field[] = [];
  const scores: Score[] = [];
  const bases: Bases[] = [];
  const single = owned && chunks.length === 1 && chunks[0]!.offset === 0 && chunks[0]!.line === 1;

  for (const chunk of chunks) {
    const dl = chunk.line - 1;
    const d = chunk.offset;
    bases.push({ sections: sections.length, blocks: blocks.length, lists: lists.length, tables: tables.length, tasks: tasks.length, numbers: numbers.length });
    for (const h of chunk.parts.headings) {
      const headingRange = single ? h.headingRange : moved(h.headingRange, dl, d);
      sections.push({
        index: sections.length,
        title: h.title,
        level: h.level,
        headingRange,
        range: headingRange, // set below, once the section's end is known
        parent: null, // set below
        status: single ? h.status : movedMention(h.status, dl, d),
        ownChecklist: { done: 0, total: 0 },
        checklist: { done: 0, total: 0 },
      });
    }
    if (single) {
      const p = chunk.parts;
      pushAll(blocks, p.blocks); pushAll(numbers, p.numbers); pushAll(tasks, p.tasks); pushAll(lists, p.lists);
      pushAll(tables, p.tables); pushAll(fields, p.fields); pushAll(scores, p.scores);
    } else {
      placeParts(chunk, bases[bases.length - 1]!, { blocks, numbers, tasks, lists, tables, fields, scores });
    }
  }
  const { parents, ends } = nestSections(sections, text.length);
  for (const s of sections) {
    const start = s.headingRange.offset;
    s.parent = parents[s.index]!;
    s.range = range(start, trimEnd(text, ends[s.index]!, start));
  }

  // Roll-ups: a section's checklist counts its own tasks and those of its sub-sections.
  for (const t of tasks) {
    if (t.section === null) continue;
    const own = sections[t.section]!.ownChecklist;
    own.total++;
    if (t.checked) own.done++;
    for (let s: number | null = t.section; s !== null; s = sections[s]!.parent) {
      const c = sections[s]!.checklist;
      c.total++;
      if (t.checked) c.done++;
    }
  }
  // A section without a status in its heading takes the Status field written directly under it.
  for (const f of fields) {
    if (f.name !== 'status' || f.section === null || !f.status) continue;
    const s = sections[f.section]!;
    if (!s.status) s.status = f.status;
  }

  const language = languageOf(text);
  const { defaultYear, ...dateOptions } = documentDateContext(fields, text, language.code);
  const dateContext = JSON.stringify([defaultYear, dateOptions.defaultMonth ?? null, dateOptions.weekStart ?? null, dateOptions.numericOrder ?? null]);
  const dates: DateValue[] = [];
  chunks.forEach((chunk, i) => {
    const p = chunk.parts;
    const dl = chunk.line - 1;
    const d = chunk.offset;
    if (single) {
      pushAll(dates, datesOf(p.blocks, defaultYear, dateOptions, range));
      return;
    }
    if (p.dates?.context !== dateContext) {
      // Read from the chunk's blocks as placed, then kept in the chunk's own positions.
      const found = datesOf(blocks.slice(bases[i]!.blocks, bases[i]!.blocks + p.blocks.length), defaultYear, dateOptions, range);
      p.dates = { context: dateContext, dates: found.map((x) => movedDate(x, -dl, -d)) };
    }
    for (const x of p.dates.dates) dates.push(movedDate(x, dl, d));
  });

  const h1 = sections.find((s) => s.level === 1) ?? sections[0] ?? null;
  const statusField = fields.find((f) => f.name === 'status' && f.status && (f.section === null || f.section === h1?.index));
  // Documents whose converter escaped every heading (`\# Sprint 3`) still have a title.
  const escapedTitle = h1 ? null : escapedHeadingTitle(blocks, range);
  const done = tasks.filter((t) => t.checked).length;
  const doc: StatusDoc = {
    version: 1,
    title: h1 ? h1.title : escapedTitle?.title ?? null,
    language,
    titleRange: h1 ? h1.headingRange : escapedTitle?.range ?? null,
    status: statusField?.status ?? h1?.status ?? null,
    lineCount: idx.lineCount,
    fields,
    sections,
    tasks,
    checklist: { done, total: tasks.length },
    lists,
    tables,
    numbers,
    scores,
    dates,
    milestones: [],
    blocks,
    claims: [],
    suppressions: collectSuppressions(text, trees, range),
    mojibake: single ? chunks[0]!.parts.mojibake : chunks.flatMap((c) => c.parts.mojibake.map((r) => ({ range: moved(r.range, c.line - 1, c.offset), original: r.original, repaired: r.repaired }))),
    isStatusDocument: false,
  };
  rememberCheckedText(doc, text, single ? chunks[0]!.parts.checked : chunks.map((c) => c.parts.checked).join(''));
  doc.milestones = extractMilestones(doc, { text, index: idx, vocabulary: vocab });
  doc.isStatusDocument =
    doc.tasks.length > 0 || doc.scores.length > 0 || doc.milestones.length > 0 ||
    doc.fields.some((f) => f.name === 'status' || f.name === 'overall-progress') ||
    (doc.numbers.filter((n) => n.kind === 'percent').length >= 3 && doc.sections.some((s) => s.status));
  const ctx = { doc, text, lines: idx, vocabulary: vocab, scans };
  if (single) {
    doc.claims = extractClaims(ctx);
    return doc;
  }
  // The chunk extractors' claims are kept with each chunk's parts, in the chunk's own positions.
  for (const chunk of chunks) chunk.parts.claims ??= chunkClaims(chunk.parts, text.slice(chunk.offset, chunk.end), vocab, scans);
  doc.claims = extractClaims(ctx, (x) => {
    const drafts: ClaimDraft[] = [];
    chunks.forEach((chunk, i) => {
      // Every chunk but the first starts with its heading, so a claim without a section in its
      // chunk has none in the document either.
      const base = bases[i]!.sections;
      for (const c of chunk.parts.claims![x]!) drafts.push(movedDraft(c, chunk.line - 1, chunk.offset, c.section === null ? null : base + c.section));
    });
    return drafts;
  });
  return doc;
}

/**
 * How headings nest: a section runs to the next heading of the same or a higher level. For each
 * heading, in order: the index of the heading it is under (or null), and the offset where its
 * section ends (`end` for the sections still open at the end).
 */
function nestSections(headings: readonly { level: number; headingRange: { offset: number } }[], end: number): { parents: (number | null)[]; ends: number[] } {
  const stack: number[] = [];
  const parents: (number | null)[] = [];
  const ends: number[] = [];
  headings.forEach((h, i) => {
    while (stack.length && headings[stack[stack.length - 1]!]!.level >= h.level) ends[stack.pop()!] = h.headingRange.offset;
    parents.push(stack.length ? stack[stack.length - 1]! : null);
    stack.push(i);
  });
  for (const i of stack) ends[i] = end;
  return { parents, ends };
}

/** What the chunk extractors find in one chunk read alone: its parts, its text, its own sections. */
function chunkClaims(p: ChunkParts, text: string, vocabulary: Vocabulary, scans: Scans): ClaimDraft[][] {
  const lines = new LineIndex(text);
  // Sections as `assemble` delimits them, within the chunk.
  const sections: ChunkDoc['sections'][number][] = p.headings.map((h, index) => ({ index, title: h.title, level: h.level, headingRange: h.headingRange, range: h.headingRange }));
  const { ends } = nestSections(sections, text.length);
  for (const s of sections) s.range = lines.range(s.headingRange.offset, ends[s.index]!);
  const doc: ChunkDoc = { blocks: p.blocks, numbers: p.numbers, tasks: p.tasks, lists: p.lists, tables: p.tables, fields: p.fields, scores: p.scores, sections };
  rememberCheckedText(doc, text, p.checked);
  return extractChunkClaims({ doc, text, lines, vocabulary, scans });
}

function movedQuantity(q: Quantity | null, dl: number, d: number): Quantity | null {
  return q && { value: q.value, of: q.of, unit: q.unit, qualifier: q.qualifier, sign: q.sign, precision: q.precision, text: q.text, range: moved(q.range, dl, d) };
}

/** A chunk's claim draft in the document: a copy, moved to the chunk's place, in `section`. */
function movedDraft(c: ClaimDraft, dl: number, d: number, section: number | null): ClaimDraft {
  return {
    kind: c.kind, form: c.form, subject: c.subject, range: moved(c.range, dl, d), statement: moved(c.statement, dl, d),
    stated: movedQuantity(c.stated, dl, d), status: movedMention(c.status, dl, d), date: c.date && movedDate(c.date, dl, d),
    evidence: c.evidence.map((e) => ({
      role: e.role, label: e.label, range: moved(e.range, dl, d), quantity: movedQuantity(e.quantity, dl, d),
      status: movedMention(e.status, dl, d), date: e.date && movedDate(e.date, dl, d), group: e.group,
    })),
    data: { ...c.data }, section, unchecked: c.unchecked,
  };
}

function datesOf(blocks: readonly Block[], defaultYear: number | null, options: FindDatesOptions, range: (s: number, e: number) => Range): DateValue[] {
  const out: DateValue[] = [];
  for (const block of blocks) {
    for (const d of findDates(block.text, defaultYear, options)) {
      const s = block.range.offset + d.index;
      const w = d.weekdayIndex === null ? null : block.range.offset + d.weekdayIndex;
      out.push({
        date: d.date, start: d.start, text: d.text, range: range(s, s + d.length),
        weekday: d.weekday, invalid: d.invalid, none: d.none, kind: d.kind,
        weekdayRange: w === null ? null : range(w, w + d.weekdayLength!),
      });
    }
  }
  return out;
}

/** Suppression comments in HTML nodes, block or inline (never in code). */
function collectSuppressions(text: string, trees: readonly Tree[], range: (s: number, e: number) => Range): Suppression[] {
  if (!text.includes('status-docs-')) return [];
  const out: Suppression[] = [];
  for (const { children, offset } of trees) {
    const stack: Nodes[] = [...children].reverse();
    while (stack.length) {
      const n = stack.pop()!;
      if (n.type === 'html') {
        const start = startOf(n) + offset;
        for (const d of findSuppressions(text.slice(start, endOf(n) + offset), start)) out.push({ kind: d.kind, rules: d.rules, range: range(d.start, d.end) });
      } else if ('children' in n) {
        const kids = (n as Parent).children;
        for (let i = kids.length - 1; i >= 0; i--) stack.push(kids[i] as Nodes);
      }
    }
  }
  return out;
}

function escapedHeadingTitle(blocks: readonly Block[], range: (s: number, e: number) => Range): { title: string; range: Range } | null {
  const first = blocks.find((b) => b.kind === 'paragraph');
  const m = first && /^\\#{1,6}[ \t]+(\S[^\r\n]*)/.exec(first.text);
  if (!first || !m) return null;
  const start = first.range.offset + m.index + m[0].length - m[1]!.length;
  const title = m[1]!.trim();
  return { title, range: range(start, start + title.length) };
}

// ------------------------------------------------------------------------ moving parts

/** A range `dl` lines and `d` characters further (a chunk starts a line: columns stay). */
function moved(r: Range, dl: number, d: number): Range {
  return { line: r.line + dl, column: r.column, endLine: r.endLine + dl, endColumn: r.endColumn, offset: r.offset + d, endOffset: r.endOffset + d };
}

function movedMention(m: StatusMention | null, dl: number, d: number): StatusMention | null {
  return m ? { value: m.value, text: m.text, range: moved(m.range, dl, d) } : null;
}

function movedDate(x: DateValue, dl: number, d: number): DateValue {
  return {
    date: x.date, start: x.start, text: x.text, range: moved(x.range, dl, d),
    weekday: x.weekday, invalid: x.invalid, none: x.none, kind: x.kind,
    weekdayRange: x.weekdayRange ? moved(x.weekdayRange, dl, d) : null,
  };
}

/** How many sections, blocks, lists, tables, tasks and numbers the chunks before one hold. */
interface Bases { sections: number; blocks: number; lists: number; tables: number; tasks: number; numbers: number }

interface Out { blocks: Block[]; numbers: NumberToken[]; tasks: TaskItem[]; lists: List[]; tables: Table[]; fields: Field[]; scores: Score[] }

/** Copies a chunk's parts into the document: moved to the chunk's place, indices renumbered. */
function placeParts(chunk: PlacedChunk, base: Bases, out: Out): void {
  const p = chunk.parts;
  const dl = chunk.line - 1;
  const d = chunk.offset;
  const before = base.sections > 0 ? base.sections - 1 : null;
  const section = (s: number | null) => (s === null ? before : base.sections + s);
  const cell = (c: TableCell): TableCell => ({ text: c.text, range: moved(c.range, dl, d) });
  for (const b of p.blocks) {
    out.blocks.push({
      kind: b.kind, range: moved(b.range, dl, d), section: section(b.section), text: b.text,
      table: b.table ? [b.table[0] + base.tables, b.table[1], b.table[2]] : null,
      listItem: b.listItem ? [b.listItem[0] + base.lists, b.listItem[1]] : null,
    });
  }
  for (const n of p.numbers) {
    out.numbers.push({
      kind: n.kind, value: n.value, of: n.of, precision: n.precision, qualifier: n.qualifier, sign: n.sign,
      unit: n.unit, text: n.text, range: moved(n.range, dl, d), section: section(n.section), block: n.block + base.blocks,
    });
  }
  for (const t of p.tasks) {
    out.tasks.push({
      checked: t.checked, text: t.text, range: moved(t.range, dl, d), boxRange: moved(t.boxRange, dl, d), depth: t.depth,
      parent: t.parent === null ? null : t.parent + base.tasks, section: section(t.section), list: t.list + base.lists,
    });
  }
  for (const l of p.lists) {
    out.lists.push({
      index: l.index + base.lists, ordered: l.ordered, range: moved(l.range, dl, d), section: section(l.section),
      parentItem: l.parentItem ? [l.parentItem[0] + base.lists, l.parentItem[1]] : null,
      items: l.items.map((it) => ({ text: it.text, range: moved(it.range, dl, d), depth: it.depth, children: it.children === null ? null : it.children + base.lists })),
    });
  }
  for (const t of p.tables) {
    out.tables.push({
      index: t.index + base.tables, range: moved(t.range, dl, d), section: section(t.section), header: t.header.map(cell), columns: [...t.columns],
      rows: t.rows.map((r) => ({ cells: r.cells.map(cell), range: moved(r.range, dl, d), isTotal: r.isTotal, status: movedMention(r.status, dl, d) })),
    });
  }
  for (const f of p.fields) {
    out.fields.push({
      key: f.key, name: f.name, value: f.value, source: f.source, keyRange: moved(f.keyRange, dl, d), valueRange: moved(f.valueRange, dl, d),
      section: section(f.section), status: movedMention(f.status, dl, d),
    });
  }
  p.scores.forEach((s, i) => {
    const [b, a, delta] = p.scoreNumbers[i]!;
    out.scores.push({
      name: s.name, role: s.role, before: out.numbers[base.numbers + b]!, after: out.numbers[base.numbers + a]!,
      delta: delta < 0 ? null : out.numbers[base.numbers + delta]!, deltaUnit: s.deltaUnit, status: movedMention(s.status, dl, d),
      range: moved(s.range, dl, d), section: section(s.section),
    });
  });
}

// ------------------------------------------------------------------------ one chunk

/**
 * Reads a run of top-level nodes (a chunk, or the whole document) on its own text: headings,
 * blocks, numbers, tasks, lists, tables, fields and scores. Everything it reads lies inside the
 * chunk; what depends on the rest of the document is left to `assemble`.
 */
class ChunkBuilder {
  private readonly idx: LineIndex;
  private readonly headings: HeadingPart[] = [];
  private sectionStarts: number[] = [];
  private readonly blocks: Block[] = [];
  private readonly numbers: NumberToken[] = [];
  private readonly tasks: TaskItem[] = [];
  private readonly lists: List[] = [];
  private readonly tables: Table[] = [];
  private readonly fields: Field[] = [];
  private readonly scores: Score[] = [];
  private readonly scoreNumbers: [number, number, number][] = [];

  constructor(private readonly text: string, private readonly vocab: Vocabulary) {
    this.idx = new LineIndex(text);
  }

  build(children: readonly RootContent[]): ChunkParts {
    this.collectHeadings(children);
    for (const child of children) this.visit(child, null, 0);
    return {
      headings: this.headings, blocks: this.blocks, numbers: this.numbers, tasks: this.tasks, lists: this.lists,
      tables: this.tables, fields: this.fields, scores: this.scores, scoreNumbers: this.scoreNumbers,
      mojibake: findMojibake(this.text).map((r) => ({ range: this.range(r.start, r.end), original: r.original, repaired: r.repaired })),
      checked: checkedTextOf(this.blocks, this.text),
      dates: null,
      claims: null,
    };
  }

  private range(start: number, end: number): Range {
    return this.idx.range(start, end);
  }

  /** Innermost of the chunk's sections containing `offset`: the last heading that starts at or before it. */
  private sectionAt(offset: number): number | null {
    const starts = this.sectionStarts;
    let lo = 0;
    let hi = starts.length - 1;
    let found = -1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      if (starts[mid]! <= offset) { found = mid; lo = mid + 1; } else hi = mid - 1;
    }
    return found < 0 ? null : found;
  }

  private collectHeadings(children: readonly RootContent[]): void {
    for (const h of children) {
      if (h.type !== 'heading') continue;
      const start = startOf(h);
      const masked = this.mask(h);
      this.headings.push({
        title: masked.trim().replace(/\s+/g, ' '),
        level: h.depth,
        headingRange: this.range(start, endOf(h)),
        status: this.statusIn(masked, start),
      });
    }
    this.sectionStarts = this.headings.map((s) => s.headingRange.offset);
  }

  // ---------------------------------------------------------------- tree walk

  private visit(node: Nodes, listItem: [number, number] | null, depth: number): void {
    switch (node.type) {
      case 'heading':
        this.addBlock('heading', node, null, null);
        return;
      case 'paragraph':
        this.addBlock('paragraph', node, null, listItem);
        this.collectFields(node);
        return;
      case 'table':
        this.collectTable(node);
        return;
      case 'list':
        this.collectList(node, listItem, depth);
        return;
      case 'code':
        if (PLAIN_CODE_LANGS.has((node.lang ?? '').toLowerCase())) this.addCodeBlocks(node);
        return;
      case 'yaml':
        this.collectFrontMatter(node);
        return;
      default:
        if ('children' in node) for (const c of (node as Parent).children) this.visit(c as Nodes, listItem, depth);
    }
  }

  private collectList(node: MdList, parentItem: [number, number] | null, depth: number): void {
    const index = this.lists.length;
    const list: List = {
      index,
      ordered: Boolean(node.ordered),
      range: this.range(startOf(node), endOf(node)),
      section: this.sectionAt(startOf(node)),
      parentItem,
      items: [],
    };
    this.lists.push(list);
    const parentTask = parentItem ? this.taskOfItem.get(parentItem.join(':')) ?? null : null;
    node.children.forEach((item: ListItem, i) => {
      const first = item.children[0];
      const text = first && first.type === 'paragraph' ? this.mask(first).trim().replace(/\s+/g, ' ') : '';
      list.items.push({ text, range: this.range(startOf(item), trimEnd(this.text, endOf(item), startOf(item))), depth, children: null });
      if (typeof item.checked === 'boolean') this.addTask(item, text, depth, parentTask, index, [index, i]);
      for (const c of item.children) {
        if (c.type === 'list') {
          if (list.items[i]!.children === null) list.items[i]!.children = this.lists.length;
          this.collectList(c, [index, i], depth + 1);
        } else this.visit(c, [index, i], depth + 1);
      }
    });
  }

  private readonly taskOfItem = new Map<string, number>();

  private addTask(item: ListItem, text: string, depth: number, parent: number | null, list: number, key: [number, number]): void {
    const start = startOf(item);
    const firstLineEnd = this.idx.lineEnd(this.idx.lineOf(start));
    const box = /\[([ xX])\]/.exec(this.text.slice(start, firstLineEnd));
    const boxStart = box ? start + box.index : start;
    this.taskOfItem.set(key.join(':'), this.tasks.length);
    this.tasks.push({
      checked: Boolean(item.checked),
      text,
      range: this.range(start, trimEnd(this.text, endOf(item), start)),
      boxRange: this.range(boxStart, boxStart + 3),
      depth,
      parent,
      section: this.sectionAt(start),
      list,
    });
  }

  // ---------------------------------------------------------------- blocks and masking

  /**
   * The node's source with markup blanked to spaces, so offsets stay exact: heading markers,
   * emphasis delimiters, inline code, HTML, link and image syntax.
   */
  private mask(node: Nodes): string {
    const base = startOf(node);
    const src = this.text.slice(base, endOf(node));
    // The spans to blank, as [start, end) document offsets; most blocks have none.
    const spans: number[] = [];
    const blank = (s: number, e: number) => { spans.push(s, e); };
    const walk = (n: Nodes) => {
      switch (n.type) {
        case 'inlineCode': case 'html': case 'image': case 'imageReference': case 'footnoteReference':
          blank(startOf(n), endOf(n));
          return;
        case 'strong': case 'emphasis': case 'delete': case 'link': case 'linkReference': {
          const kids = n.children;
          if (kids.length === 0) { blank(startOf(n), endOf(n)); return; }
          blank(startOf(n), startOf(kids[0]!));
          blank(endOf(kids[kids.length - 1]!), endOf(n));
          for (const k of kids) walk(k as Nodes);
          return;
        }
        default:
          if ('children' in n) for (const k of (n as Parent).children) walk(k as Nodes);
      }
    };
    if (node.type === 'heading') {
      const atx = /^ {0,3}#{1,6}(?:[ \t]+|$)/.exec(src);
      if (atx) blank(base, base + atx[0].length);
      const closing = /(?<![ \t])[ \t]+#+[ \t]*$/.exec(src);
      if (atx && closing) blank(base + closing.index, base + src.length);
      if (!atx) {
        // Setext: blank the underline.
        const nl = src.search(/\r?\n[ \t]*[=-]+[ \t]*$/);
        if (nl >= 0) blank(base + nl, base + src.length);
      }
    }
    if ('children' in node) for (const k of (node as Parent).children) walk(k as Nodes);
    return spans.length === 0 ? src : blankSpans(src, base, spans);
  }

  private addBlock(kind: Block['kind'], node: Nodes, table: [number, number, number] | null, listItem: [number, number] | null): Block {
    const start = startOf(node);
    const text = this.mask(node);
    return this.pushBlock(kind, start, text, table, listItem);
  }

  private pushBlock(kind: Block['kind'], start: number, text: string, table: [number, number, number] | null, listItem: [number, number] | null): Block {
    const section = this.sectionAt(start);
    const block: Block = { kind, range: this.range(start, start + text.length), section, text, table, listItem };
    const blockIndex = this.blocks.length;
    this.blocks.push(block);
    const firstNumber = this.numbers.length;
    for (const n of extractNumbers(text)) {
      this.numbers.push({
        kind: n.kind, value: n.value, of: n.of, precision: n.precision, qualifier: n.qualifier, sign: n.sign,
        unit: n.unit, text: n.text, range: this.range(start + n.start, start + n.end), section, block: blockIndex,
      });
    }
    if (kind === 'heading' || kind === 'paragraph') this.collectScores(block, firstNumber);
    return block;
  }

  /** Plain fenced blocks: each non-empty line is a block of its own. */
  private addCodeBlocks(node: Nodes): void {
    const start = startOf(node);
    const firstLine = this.idx.lineOf(start);
    const lastLine = this.idx.lineOf(Math.max(start, endOf(node) - 1));
    const fenced = /^\s*(`{3,}|~{3,})/.test(this.idx.lineText(firstLine));
    const from = fenced ? firstLine + 1 : firstLine;
    const to = fenced && /^\s*(`{3,}|~{3,})\s*$/.test(this.idx.lineText(lastLine)) ? lastLine - 1 : lastLine;
    for (let l = from; l <= to; l++) {
      const line = this.idx.lineText(l);
      if (line.trim()) this.pushBlock('code', this.idx.starts[l]!, line, null, null);
    }
  }

  // ---------------------------------------------------------------- statuses

  private statusIn(masked: string, base: number): StatusMention | null {
    const m = this.vocab.find(masked);
    return m ? { value: m.value, text: m.text, range: this.range(base + m.index, base + m.index + m.length) } : null;
  }

  // ---------------------------------------------------------------- fields

  private collectFields(node: Nodes): void {
    const start = startOf(node);
    const src = this.text.slice(start, endOf(node));
    const masked = this.blocks[this.blocks.length - 1]!.text;
    let at = 0;
    for (const line of src.split(/(?<=\n)/)) {
      this.fieldFromLine(line.replace(/\r?\n$/, ''), masked.slice(at, at + line.length), start + at);
      at += line.length;
    }
  }

  private fieldFromLine(src: string, masked: string, base: number): void {
    let m: FieldMatch | null = matchBoldField(src);
    let source: Field['source'] = 'bold';
    if (m && Boolean(m.groups!.c1) === Boolean(m.groups!.c2)) m = null;
    if (!m) { m = EMPH_FIELD.exec(src); source = 'emphasis'; }
    if (!m) {
      m = PLAIN_FIELD.exec(src);
      source = 'plain';
      if (m && !PLAIN_FIELD_NAMES.has(canonicalFieldName(m.groups!.key!))) m = null;
    }
    if (!m) return;
    const [ks, ke] = m.indices!.groups!.key!;
    const [vs, ve] = m.indices!.groups!.value!;
    const rawValue = masked.slice(vs, ve);
    const lead = rawValue.length - rawValue.trimStart().length;
    const value = rawValue.trim().replace(/\\$/, '').trim();
    if (!value) return;
    const key = src.slice(ks, ke).trim();
    this.pushField(key, value, base + ks, base + ks + key.length, base + vs + lead, base + vs + lead + value.length, source);
  }

  private pushField(key: string, value: string, ks: number, ke: number, vs: number, ve: number, source: Field['source']): void {
    const name = canonicalFieldName(key);
    const status = name === 'status' || name === 'overall-progress' || name === 'phase' ? this.statusIn(this.text.slice(vs, ve), vs) : null;
    this.fields.push({
      key, name, value, source,
      keyRange: this.range(ks, ke),
      valueRange: this.range(vs, ve),
      section: this.sectionAt(ks),
      status,
    });
  }

  private collectFrontMatter(node: Nodes): void {
    const start = startOf(node);
    const src = this.text.slice(start, endOf(node));
    let at = 0;
    for (const line of src.split(/(?<=\n)/)) {
      const m = matchFrontMatterLine(line.replace(/\r?\n$/, ''));
      if (m && m.groups!.value) {
        let [vs, ve] = m.indices!.groups!.value!;
        const quoted = /^(['"]).*\1$/.exec(m.groups!.value);
        if (quoted) { vs++; ve--; }
        const [ks, ke] = m.indices!.groups!.key!;
        this.pushField(m.groups!.key!, line.slice(vs, ve), start + at + ks, start + at + ke, start + at + vs, start + at + ve, 'front-matter');
      }
      at += line.length;
    }
  }

  // ---------------------------------------------------------------- tables

  private collectTable(node: MdTable): void {
    const index = this.tables.length;
    const start = startOf(node);
    const cellsOf = (rowIndex: number): TableCell[] =>
      (node.children[rowIndex]?.children ?? []).map((cell, col) => {
        const block = this.addBlock('cell', cell, [index, rowIndex - 1, col], null);
        // A cell's position includes its delimiting pipes; the cell's text does not.
        const raw = block.text;
        const cs = raw.startsWith('|') ? 1 : 0;
        let ce = raw.length;
        if (ce > cs && raw.endsWith('|') && raw[ce - 2] !== '\\') ce--;
        const inner = raw.slice(cs, ce);
        const lead = cs + inner.length - inner.trimStart().length;
        const t = inner.trim();
        const s = cell.position ? startOf(cell) + lead : start;
        return { text: t.replace(/\s+/g, ' '), range: this.range(s, s + t.length) };
      });
    const header = cellsOf(0);
    const columns = header.map((h, i) => columnRole(h.text, i));
    const statusCol = columns.indexOf('status');
    const rows: TableRow[] = [];
    for (let r = 1; r < node.children.length; r++) {
      const cells = cellsOf(r);
      const row = node.children[r]!;
      const first = cells.find((c) => c.text !== '')?.text ?? '';
      const statusCell = statusCol >= 0 ? cells[statusCol] : undefined;
      rows.push({
        cells,
        range: this.range(startOf(row), endOf(row)),
        isTotal: TOTAL_ROW.test(first),
        status: statusCell ? this.statusIn(this.text.slice(statusCell.range.offset, statusCell.range.endOffset), statusCell.range.offset) : null,
      });
    }
    this.tables.push({ index, range: this.range(start, endOf(node)), section: this.sectionAt(start), header, columns, rows });
    // Two-column Metric | Value tables hold fields.
    if (header.length === 2 && /^(?:metric|field|property|key|item|attribute|name|métrique|champ|campo|métrica|指标|項目|항목)s?$/i.test(header[0]!.text.trim())) {
      for (const row of rows) {
        const [k, v] = row.cells;
        if (k && v && k.text && v.text) this.pushField(k.text, v.text, k.range.offset, k.range.endOffset, v.range.offset, v.range.endOffset, 'table');
      }
    }
  }

  // ---------------------------------------------------------------- scores

  /** Score lines of a block; `numbers` are the block's own (a search of all would be quadratic). */
  private collectScores(block: Block, first: number): void {
    if (!/[→>➔⟶]|â†’/.test(block.text)) return;
    let at = 0;
    for (const line of block.text.split(/(?<=\n)/)) {
      // A leading status token (`✅ **Chuck**: …`, also in its mojibake form) is blanked first.
      const lead = this.vocab.find(line);
      const bare = lead && line.slice(0, lead.index).trim() === ''
        ? line.slice(0, lead.index) + ' '.repeat(lead.length) + line.slice(lead.index + lead.length)
        : line;
      const m = SCORE.exec(bare);
      if (m) this.pushScore(block, first, m, block.range.offset + at, bare !== line ? lead : null);
      at += line.length;
    }
  }

  private pushScore(block: Block, first: number, m: RegExpExecArray, base: number, lead: StatusMatch | null): void {
    const g = m.groups!;
    const name = g.name!.trim();
    if (PLAIN_FIELD_NAMES.has(canonicalFieldName(name))) return;
    const numberAt = (offset: number) => numberCovering(this.numbers, first, offset);
    const before = numberAt(base + m.indices!.groups!.before![0]);
    const after = numberAt(base + m.indices!.groups!.after![0]);
    if (before < 0 || after < 0) return;
    let delta = -1;
    let deltaUnit: string | null = null;
    if (g.delta) {
      delta = numberAt(base + m.indices!.groups!.delta![0]);
      const unit = (g.dunit ?? '').toLowerCase();
      deltaUnit = unit === '%' ? '%' : /^p(?:oin)?ts?$|^points?$/.test(unit) ? 'points' : unit === 'pp' ? 'pp' : unit ? unit : null;
    }
    const pre = lead
      ? { value: lead.value, text: lead.text, range: this.range(base + lead.index, base + lead.index + lead.length) }
      : g.pre ? this.statusIn(g.pre, base + m.indices!.groups!.pre![0]) : null;
    const restStart = m.indices!.groups!.rest![0];
    const post = g.rest ? this.statusIn(g.rest, base + restStart) : null;
    this.scoreNumbers.push([before, after, delta]);
    this.scores.push({
      name,
      role: g.role?.trim() || null,
      before: this.numbers[before]!,
      after: this.numbers[after]!,
      delta: delta < 0 ? null : this.numbers[delta]!,
      deltaUnit,
      status: pre ?? post,
      range: this.range(base + m.index + (m[0].length - m[0].trimStart().length), base + m.index + m[0].trimEnd().length),
      section: block.section,
    });
  }
}

/**
 * The index of the number whose range holds `offset`, among `numbers[first..]` (the block's own,
 * the last pushed: in text order, not overlapping), by binary search; -1 when none does.
 */
function numberCovering(numbers: readonly NumberToken[], first: number, offset: number): number {
  let lo = first;
  let hi = numbers.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const n = numbers[mid]!;
    if (offset < n.range.offset) hi = mid - 1;
    else if (offset >= n.range.endOffset) lo = mid + 1;
    else return mid;
  }
  return -1;
}

/**
 * `src` (which starts at document offset `base`) with every character inside one of `spans`
 * (pairs of document offsets, clipped to `src`) turned into a space, line breaks kept.
 */
function blankSpans(src: string, base: number, spans: readonly number[]): string {
  const blanked = new Uint8Array(src.length);
  for (let k = 0; k < spans.length; k += 2) {
    const s = Math.max(spans[k]! - base, 0);
    const e = Math.min(spans[k + 1]! - base, src.length);
    if (s < e) blanked.fill(1, s, e);
  }
  let out = '';
  let i = 0;
  while (i < src.length) {
    let j = i;
    if (blanked[i]) {
      while (j < src.length && blanked[j]) {
        const c = src.charCodeAt(j);
        if (c === 10 || c === 13) break;
        j++;
      }
      if (j === i) { out += src[i]; j++; } else out += ' '.repeat(j - i);
    } else {
      while (j < src.length && !blanked[j]) j++;
      out += src.slice(i, j);
    }
    i = j;
  }
  return out;
}

function trimEnd(text: string, end: number, floor: number): number {
  while (end > floor && /\s/.test(text[end - 1]!)) end--;
  return end;
}

const EMPH_FIELD = /^(?<lead>\s*)(?<o>[*_])(?<key>[^*_\n:]{1,40}?):(?<value>[^*_\n]+?)\k<o>\s*$/d;
const PLAIN_FIELD = /^(?<lead>\s*)(?<key>\p{L}[\p{L}\p{N} /()&'-]{0,40}?)\s*[:：](?<value>\s+\S.*)$/du;

const TOTAL_ROW = /^(?:grand\s+)?(?:total|totals|sum|overall|subtotal|合计|总计|合計|총계|итого|tổng)(?![\p{L}])/iu;

const ARROW = String.raw`(?:→|->|=>|⟶|➔|➡️?|â†’)`;
// `(?=(?<ws1>\s*))\k<ws1>` takes a whitespace run whole (no backtracking into it): the token after each
// never starts with whitespace, so the matches are those of plain `\s*`, in linear time.
const SCORE = new RegExp(
  String.raw`^\s*(?<pre>[^\p{L}\p{N}\s(]{1,8}\s*)?(?<name>\p{L}[\p{L}\p{N}'’.&/-]*(?:[ \t]+[\p{L}\p{N}][\p{L}\p{N}'’.&/-]*){0,3})(?=(?<ws1>\s*))\k<ws1>(?:\((?<role>[^()\n]{1,60})\))?(?=(?<ws2>\s*))\k<ws2>[:\-–—]\s*~?(?<before>\d+(?:\.\d+)?)\s?%\s*${ARROW}\s*~?(?<after>\d+(?:\.\d+)?)\s?%\+?(?=(?<ws3>\s*))\k<ws3>(?:\(\s*(?<delta>[+\-−±]?\s?\d+(?:\.\d+)?)\s?(?<dunit>%|points?|pts?|pp|percentage points?)?\s*\))?(?<rest>.*)$`,
  'du',
);

const COLUMN_ROLES: [RegExp, ColumnRole][] = [
  [/date|deadline|\bdue\b|\bwhen\b|\beta\b|fecha|日期|日付|날짜|期限|échéance|timeline|week|semaine|quarter|target date|完成日/i, 'date'],
  [FOREIGN_DATE_COLUMN, 'date'],
  [/status|state|estado|statut|\bstato\b|状态|狀態|상태|ステータス|статус|trạng thái/i, 'status'],
  // `Weighted Score` is a contribution, not a weight.
  [/contribut|weighted|加权|加權|贡献|貢献|기여/i, 'contribution'],
  [/weight|poids|peso|权重|權重|가중치|比重/i, 'weight'],
  [/change|delta|Δ|\bdiff|improvement|gain|increase|variation|变化/i, 'change'],
  [/complet|progress|% ?done|done ?%|percent|avance|progreso|progresso|fortschritt|avancement|готовност|进度|進捗|完成度|진행|达成|прогресс|tiến độ/i, 'completion'],
  [/before|previous|\bprev\b|baseline|\bfrom\b|\bold\b|initial|antes|avant/i, 'before'],
  [/after|current|\bnow\b|\bnew\b|\bto\b|final|actual|después|après/i, 'after'],
  [/target|goal|objective|objectif|meta|目标|목표/i, 'target'],
  [/points|\bpts\b|\bsp\b|estimate|effort/i, 'points'],
  [/notes?|comments?|details?|description|remarks?|evidence|summary|notas|备注|비고|commentaire/i, 'notes'],
  [/^(?:#|count|number|qty|quantity|files|tests|items|tasks)$/i, 'count'],
  [/value|valeur|valor|result|score|数值|値/i, 'value'],
];

export function columnRole(header: string, index: number): ColumnRole {
  const h = header.trim();
  for (const [re, role] of COLUMN_ROLES) if (re.test(h)) return role;
  return index === 0 ? 'name' : 'other';
}
