/**
 * `analyze(text) -> StatusDoc`: parses once with unified/remark and turns the tree into the
 * plain-data model. No mdast node outlives this function.
 */
import type { Heading, List as MdList, ListItem, Nodes, Parent, Root, Table as MdTable } from 'mdast';
import { FOREIGN_DATE_COLUMN } from '../grammar/milestones';
import { findSuppressions } from '../grammar/suppressions';
import { extractClaims } from './claims/index';
import { documentDateContext, findDates, type FindDatesOptions } from './dates';
import { detectLanguage } from './language';
import { canonicalFieldName, matchBoldField, matchFrontMatterLine, PLAIN_FIELD_NAMES, type FieldMatch } from './fields';
import { extractMilestones } from './milestones';
import { findMojibake } from './mojibake';
import { extractNumbers } from './numbers';
import { parseMarkdown } from './parse';
import { LineIndex } from './positions';
import type {
  Block, ColumnRole, DateValue, Field, List, NumberToken, Range, Score, Section, StatusDoc,
  StatusMention, StatusValue, Suppression, Table, TableCell, TableRow, TaskItem,
} from './schema';
import { getVocabulary, type StatusMatch, type StatusVocabulary } from './vocabulary';

export interface AnalyzeOptions {
  /** Extra status words (the `statusWords` setting). */
  statusWords?: Partial<Record<StatusValue, readonly string[]>>;
}

/** Languages of fenced blocks whose content is prose-like results and is checked. */
const PLAIN_CODE_LANGS = new Set(['', 'text', 'txt', 'plain', 'plaintext']);

export function analyze(text: string, options: AnalyzeOptions = {}): StatusDoc {
  return new Builder(text, getVocabulary(options.statusWords)).build(parseMarkdown(text));
}

/**
 * The model from a tree parsed elsewhere (the incremental path): `root` must be what
 * `parseMarkdown(text)` returns, with the same positions. The tree is only read.
 */
export function analyzeTree(text: string, root: Root, options: AnalyzeOptions = {}): StatusDoc {
  return new Builder(text, getVocabulary(options.statusWords)).build(root);
}

interface Pos { start: { offset?: number }; end: { offset?: number } }
const startOf = (n: { position?: Pos }) => n.position?.start.offset ?? 0;
const endOf = (n: { position?: Pos }) => n.position?.end.offset ?? 0;

class Builder {
  private readonly idx: LineIndex;
  private readonly sections: Section[] = [];
  private sectionStarts: number[] = [];
  private readonly blocks: Block[] = [];
  private readonly numbers: NumberToken[] = [];
  private readonly tasks: TaskItem[] = [];
  private readonly lists: List[] = [];
  private readonly tables: Table[] = [];
  private readonly fields: Field[] = [];
  private readonly scores: Score[] = [];
  private readonly dates: DateValue[] = [];
  private defaultYear: number | null = null;
  private dateOptions: FindDatesOptions = {};

  constructor(private readonly text: string, private readonly vocab: StatusVocabulary) {
    this.idx = new LineIndex(text);
  }

  build(root: Root): StatusDoc {
    this.collectSections(root);
    for (const child of root.children) this.visit(child, null, 0);
    this.rollUpChecklists();
    this.sectionStatuses();
    const language = detectLanguage(this.text);
    const { defaultYear, ...dateOptions } = documentDateContext(this.fields, this.text, language.code);
    this.defaultYear = defaultYear;
    this.dateOptions = dateOptions;
    this.collectDates();

    const h1 = this.sections.find((s) => s.level === 1) ?? this.sections[0] ?? null;
    const statusField = this.fields.find((f) => f.name === 'status' && f.status && (f.section === null || f.section === h1?.index));
    // Documents whose converter escaped every heading (`\# Sprint 3`) still have a title.
    const escapedTitle = h1 ? null : this.escapedHeadingTitle();
    const done = this.tasks.filter((t) => t.checked).length;
    const doc: StatusDoc = {
      version: 1,
      title: h1 ? h1.title : escapedTitle?.title ?? null,
      language,
      titleRange: h1 ? h1.headingRange : escapedTitle?.range ?? null,
      status: statusField?.status ?? h1?.status ?? null,
      lineCount: this.idx.lineCount,
      fields: this.fields,
      sections: this.sections,
      tasks: this.tasks,
      checklist: { done, total: this.tasks.length },
      lists: this.lists,
      tables: this.tables,
      numbers: this.numbers,
      scores: this.scores,
      dates: this.dates,
      milestones: [],
      blocks: this.blocks,
      claims: [],
      suppressions: this.collectSuppressions(root),
      mojibake: findMojibake(this.text).map((r) => ({ range: this.range(r.start, r.end), original: r.original, repaired: r.repaired })),
      isStatusDocument: false,
    };
    doc.milestones = extractMilestones(doc, { text: this.text, index: this.idx, vocabulary: this.vocab });
    doc.isStatusDocument =
      doc.tasks.length > 0 || doc.scores.length > 0 || doc.milestones.length > 0 ||
      doc.fields.some((f) => f.name === 'status' || f.name === 'overall-progress') ||
      (doc.numbers.filter((n) => n.kind === 'percent').length >= 3 && doc.sections.some((s) => s.status));
    doc.claims = extractClaims({ doc, text: this.text, lines: this.idx, vocabulary: this.vocab });
    return doc;
  }

  /** Suppression comments in HTML nodes, block or inline (never in code). */
  private collectSuppressions(root: Root): Suppression[] {
    if (!this.text.includes('status-docs-')) return [];
    const out: Suppression[] = [];
    const stack: Nodes[] = [root];
    while (stack.length) {
      const n = stack.pop()!;
      if (n.type === 'html') {
        for (const d of findSuppressions(this.text.slice(startOf(n), endOf(n)), startOf(n))) out.push({ kind: d.kind, rules: d.rules, range: this.range(d.start, d.end) });
      } else if ('children' in n) {
        const kids = (n as Parent).children;
        for (let i = kids.length - 1; i >= 0; i--) stack.push(kids[i] as Nodes);
      }
    }
    return out;
  }

  private escapedHeadingTitle(): { title: string; range: Range } | null {
    const first = this.blocks.find((b) => b.kind === 'paragraph');
    const m = first && /^\\#{1,6}[ \t]+(\S[^\r\n]*)/.exec(first.text);
    if (!first || !m) return null;
    const start = first.range.offset + m.index + m[0].length - m[1]!.length;
    const title = m[1]!.trim();
    return { title, range: this.range(start, start + title.length) };
  }

  private range(start: number, end: number): Range {
    return this.idx.range(start, end);
  }

  /** Innermost section containing `offset`: the last heading that starts at or before it. */
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

  // ---------------------------------------------------------------- sections

  private collectSections(root: Root): void {
    const headings = root.children.filter((n): n is Heading => n.type === 'heading');
    const stack: number[] = [];
    headings.forEach((h, i) => {
      const start = startOf(h);
      let end = this.text.length;
      for (let j = i + 1; j < headings.length; j++) {
        if (headings[j]!.depth <= h.depth) { end = startOf(headings[j]!); break; }
      }
      while (stack.length && this.sections[stack[stack.length - 1]!]!.level >= h.depth) stack.pop();
      const masked = this.mask(h);
      const title = masked.trim().replace(/\s+/g, ' ');
      this.sections.push({
        index: i,
        title,
        level: h.depth,
        headingRange: this.range(start, endOf(h)),
        range: this.range(start, trimEnd(this.text, end, start)),
        parent: stack.length ? stack[stack.length - 1]! : null,
        status: this.statusIn(masked, start),
        ownChecklist: { done: 0, total: 0 },
        checklist: { done: 0, total: 0 },
      });
      stack.push(i);
    });
    this.sectionStarts = this.sections.map((s) => s.headingRange.offset);
  }

  private rollUpChecklists(): void {
    for (const t of this.tasks) {
      if (t.section === null) continue;
      const own = this.sections[t.section]!.ownChecklist;
      own.total++;
      if (t.checked) own.done++;
      for (let s: number | null = t.section; s !== null; s = this.sections[s]!.parent) {
        const c = this.sections[s]!.checklist;
        c.total++;
        if (t.checked) c.done++;
      }
    }
  }

  /** A section without a status in its heading takes the Status field written directly under it. */
  private sectionStatuses(): void {
    for (const f of this.fields) {
      if (f.name !== 'status' || f.section === null || !f.status) continue;
      const s = this.sections[f.section]!;
      if (!s.status) s.status = f.status;
    }
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
    for (const n of extractNumbers(text)) {
      this.numbers.push({
        kind: n.kind, value: n.value, of: n.of, precision: n.precision, qualifier: n.qualifier, sign: n.sign,
        unit: n.unit, text: n.text, range: this.range(start + n.start, start + n.end), section, block: blockIndex,
      });
    }
    if (kind === 'heading' || kind === 'paragraph') this.collectScores(block);
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

  private collectScores(block: Block): void {
    if (!/[→>➔⟶]|â†’/.test(block.text)) return;
    let at = 0;
    for (const line of block.text.split(/(?<=\n)/)) {
      // A leading status token (`✅ **Chuck**: …`, also in its mojibake form) is blanked first.
      const lead = this.vocab.find(line);
      const bare = lead && line.slice(0, lead.index).trim() === ''
        ? line.slice(0, lead.index) + ' '.repeat(lead.length) + line.slice(lead.index + lead.length)
        : line;
      const m = SCORE.exec(bare);
      if (m) this.pushScore(block, m, block.range.offset + at, bare !== line ? lead : null);
      at += line.length;
    }
  }

  private pushScore(block: Block, m: RegExpExecArray, base: number, lead: StatusMatch | null): void {
    const g = m.groups!;
    const name = g.name!.trim();
    if (PLAIN_FIELD_NAMES.has(canonicalFieldName(name))) return;
    const numberAt = (offset: number) => this.numbers.find((n) => n.range.offset <= offset && offset < n.range.endOffset && this.blocks[n.block] === block);
    const before = numberAt(base + m.indices!.groups!.before![0]);
    const after = numberAt(base + m.indices!.groups!.after![0]);
    if (!before || !after) return;
    let delta: NumberToken | null = null;
    let deltaUnit: string | null = null;
    if (g.delta) {
      delta = numberAt(base + m.indices!.groups!.delta![0]) ?? null;
      const unit = (g.dunit ?? '').toLowerCase();
      deltaUnit = unit === '%' ? '%' : /^p(?:oin)?ts?$|^points?$/.test(unit) ? 'points' : unit === 'pp' ? 'pp' : unit ? unit : null;
    }
    const pre = lead
      ? { value: lead.value, text: lead.text, range: this.range(base + lead.index, base + lead.index + lead.length) }
      : g.pre ? this.statusIn(g.pre, base + m.indices!.groups!.pre![0]) : null;
    const restStart = m.indices!.groups!.rest![0];
    const post = g.rest ? this.statusIn(g.rest, base + restStart) : null;
    this.scores.push({
      name,
      role: g.role?.trim() || null,
      before,
      after,
      delta,
      deltaUnit,
      status: pre ?? post,
      range: this.range(base + m.index + (m[0].length - m[0].trimStart().length), base + m.index + m[0].trimEnd().length),
      section: block.section,
    });
  }

  // ---------------------------------------------------------------- dates

  private collectDates(): void {
    for (const block of this.blocks) {
      for (const d of findDates(block.text, this.defaultYear, this.dateOptions)) {
        const s = block.range.offset + d.index;
        const w = d.weekdayIndex === null ? null : block.range.offset + d.weekdayIndex;
        this.dates.push({
          date: d.date, start: d.start, text: d.text, range: this.range(s, s + d.length),
          weekday: d.weekday, invalid: d.invalid, none: d.none, kind: d.kind,
          weekdayRange: w === null ? null : this.range(w, w + d.weekdayLength!),
        });
      }
    }
  }
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
