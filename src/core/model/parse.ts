/**
 * The one markdown parser: unified + remark-parse + GFM without autolink literals (see ../gfm.ts)
 * (+ front matter).
 *
 * Every parse is chunked at top-level ATX headings (see below): an edit reparses only the chunks
 * it touches, and a chunk is the unit of the staged parse. Within a chunk the parse is
 * staged (`parseStaged`): top-level fenced code blocks are built from their lines, and the text
 * between them is parsed with only the extensions it can trigger. The tree is the same as one
 * parse of the whole text (`parseWhole`; test/unit/staged-parse.test.ts). Trees are bounded in
 * depth (see MAX_DEPTH) so no consumer that walks them recursively can run out of stack.
 * micromark runs with a linear `EditMap.consume` (./editMap.ts): with micromark's own, the
 * time of a run of lists (or of headings with lists) parsed together grows with its square.
 */
import type { Nodes, Parent, Root, RootContent } from 'mdast';
import remarkFrontmatter from 'remark-frontmatter';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { gfmWithoutAutolinkLiteral } from '../gfm';
import { type LineBlock, lineBlocks } from './lineBlocks';
// micromark with a linear EditMap.consume (see ./editMap): installed before any parse.
import './editMap';
import { pushAll } from '../collections';

/** Which syntax extensions a piece of text can trigger (see `extensionsFor`). */
interface Extensions { table: boolean; strikethrough: boolean; footnote: boolean; task: boolean; frontMatter: boolean }

interface Parser { parse(text: string): unknown }

const processors = new Map<string, Parser>();

/**
 * The parser with only the extensions whose syntax can occur in the text: each construct
 * starts at a character of its own, so without it the extension can never apply and the tree
 * is the same (a GFM table needs `|`, strikethrough `~`, a footnote call `^`, a task item `[`;
 * footnote definitions `]:` are never parsed in pieces, see `splitChunks`; front matter only at
 * the document's first character). Skipping the table extension alone saves about a fifth of
 * the parse of text without tables.
 */
function processorFor(x: Extensions): Parser {
  const key = `${+x.table}${+x.strikethrough}${+x.footnote}${+x.task}${+x.frontMatter}`;
  let p = processors.get(key);
  if (!p) {
    const base = unified().use(remarkParse).use(gfmWithoutAutolinkLiteral, x);
    p = (x.frontMatter ? base.use(remarkFrontmatter, ['yaml', 'toml']) : base).freeze();
    processors.set(key, p);
  }
  return p;
}

/** The parser with every extension: what `parseWhole` runs. */
const processor = processorFor({ table: true, strikethrough: true, footnote: true, task: true, frontMatter: true });

function extensionsFor(src: string, atStart: boolean): Extensions {
  return {
    table: src.includes('|'),
    strikethrough: src.includes('~'),
    footnote: src.includes('^'),
    task: src.includes('['),
    frontMatter: atStart && (src.startsWith('---') || src.startsWith('+++')),
  };
}

/**
 * Containers nested deeper than this (`> > > …` hundreds of levels) keep no children: no status
 * document nests so deep, and walking such a tree recursively would exhaust the stack.
 */
export const MAX_DEPTH = 256;

/** The tree of `text` (chunked at top-level headings; equal to `parseWhole(text)`). */
export function parseMarkdown(text: string): Root {
  const parser = new IncrementalParser();
  // The parser is not used again: its chunks' trees are moved in place, not copied.
  return parser.update(text) ?? documentTree(parser.parsedChunks!, true);
}

/**
 * One parse of the whole text with every extension, depth-bounded; text the parser cannot
 * handle yields an empty tree. The reference that every faster path must equal.
 */
export function parseWhole(text: string): Root {
  return parseWith(processor, text);
}

function parseWith(p: Parser, text: string): Root {
  let root: Root;
  try {
    root = p.parse(text.includes('>') ? flattenDeepQuotes(text) : text) as Root;
  } catch (error) {
    // The parser itself recurses per nesting level: thousands of nested block quotes overflow it.
    if (!(error instanceof RangeError)) throw error;
    return emptyRoot(text);
  }
  boundDepth(root);
  return root;
}

/**
 * The parser's time grows with the square of the quote depth; what lies deeper than MAX_DEPTH
 * is dropped from the tree anyway. So the markers past the MAX_DEPTH-th on a line become
 * spaces (same length: every offset stays). Text without such a line is returned as it is.
 */
function flattenDeepQuotes(text: string): string {
  let changed = false;
  let out = '';
  let at = 0;
  while (at <= text.length) {
    let end = text.indexOf('\n', at);
    if (end < 0) end = text.length;
    let depth = 0;
    let i = at;
    let line = '';
    for (; i < end; i++) {
      const c = text[i]!;
      if (c === '>') { depth++; changed ||= depth > MAX_DEPTH; line += depth > MAX_DEPTH ? ' ' : '>'; } else if (c === ' ' || c === '\t') line += c;
      else break;
    }
    out += line + text.slice(i, end) + (end < text.length ? '\n' : '');
    at = end + 1;
  }
  return changed ? out : text;
}

function emptyRoot(text: string): Root {
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 10 || (c === 13 && text.charCodeAt(i + 1) !== 10)) { line++; lineStart = i + 1; }
  }
  return { type: 'root', children: [], position: { start: { line: 1, column: 1, offset: 0 }, end: { line, column: text.length - lineStart + 1, offset: text.length } } };
}

/** Drops the children of containers nested deeper than MAX_DEPTH (iteratively). */
function boundDepth(root: Root): void {
  const stack: [Nodes, number][] = [[root, 0]];
  while (stack.length) {
    const [node, depth] = stack.pop()!;
    if (!('children' in node)) continue;
    if (depth >= MAX_DEPTH) { (node as Parent).children = []; continue; }
    for (const c of (node as Parent).children) stack.push([c as Nodes, depth + 1]);
  }
}

// ------------------------------------------------------------------------ chunking

export interface Chunk {
  /** Offset of the chunk's first character (always the start of a line). */
  offset: number;
  /** 1-based line of that character. */
  line: number;
  text: string;
}

const ATX_HEADING = /^#{1,6}(?:[ \t]|$)/;
// The fence run is taken whole (`(?=(…))\1`: no backtracking into it), as the greedy run would be.
const FENCE = /^ {0,3}(?=(`{3,}|~{3,}))\1(.*)$/;
const HTML_START = /^ {0,3}<[A-Za-z/!?]/;
const RAW_HTML = /^ {0,3}<(script|pre|style|textarea)(?:[\s>]|$)/i;
/** What may follow a closing fence: spaces and tabs only (not other white space). */
const ONLY_SPACES = /^[ \t]*$/;
const FRONT_MATTER_OPEN = /^(?:-{3}|\+{3})[ \t]*$/;
/**
 * Where a link reference or footnote definition might be (`]:` anywhere, also covering labels
 * that span lines). Definitions act across the whole document, so such text is parsed whole.
 */
const DEFINITION = /\]:/;

/**
 * Splits `text` at top-level ATX headings (`# …` at column 1, outside fenced code, HTML blocks
 * and front matter). Returns null when the document must be parsed whole.
 */
export function splitChunks(text: string): Chunk[] | null {
  return scanTopLevel(text)?.chunks ?? null;
}

/**
 * A fenced code block opened at column 1 and closed, with a plain info string (a language
 * and words without escapes or references): its node is known from the lines alone.
 */
interface Fence {
  /** Offset of the opening fence (a line start) and of the end of the closing fence's line. */
  start: number;
  end: number;
  line: number;
  endLine: number;
  endColumn: number;
  lang: string | null;
  meta: string | null;
  /** The lines between the fences, without the last line ending. */
  value: string;
}

/**
 * The language and meta of a plain info string (`js`, `text title="x"`), or null for one the
 * parser would decode (backticks, escapes, references). As the parser reads it: spaces and tabs
 * separate the two and are dropped before the language, the meta keeps its trailing ones.
 */
function simpleInfo(info: string): { lang: string | null; meta: string | null } | null {
  if (/[`\\&]/.test(info)) return null;
  const isSpace = (i: number) => info.charCodeAt(i) === 32 || info.charCodeAt(i) === 9;
  let i = 0;
  while (i < info.length && isSpace(i)) i++;
  let j = i;
  while (j < info.length && !isSpace(j)) j++;
  let k = j;
  while (k < info.length && isSpace(k)) k++;
  return { lang: j > i ? info.slice(i, j) : null, meta: k < info.length ? info.slice(k) : null };
}

/**
 * One pass over the lines: the chunks (see `splitChunks`) and the fenced code blocks that
 * `parseStaged` need not parse (see `Fence`). Null when the document must be parsed whole.
 */
function scanTopLevel(text: string): { chunks: Chunk[]; fences: Fence[] } | null {
  // The parser drops a leading byte order mark from its offsets; such text is parsed whole.
  if (text.charCodeAt(0) === 0xfeff || DEFINITION.test(text)) return null;
  const chunks: Chunk[] = [];
  const fences: Fence[] = [];
  let chunkStart = 0;
  let chunkLine = 1;
  let fence: { char: string; length: number; at: number; line: number; info: ReturnType<typeof simpleInfo>; contentStart: number } | null = null;
  /** Closing marker of an open raw HTML block (comment, `<pre>`, `<?`, CDATA, declaration). */
  let rawClose: string | null = null;
  /** A tag-started HTML block runs until the next blank line. */
  let htmlUntilBlank = false;
  /** The fence that closes front matter opened on line 1. */
  let frontMatter: string | null = null;
  // Fence nodes are built only from text the parser reads unchanged (no CR, no NUL).
  const noCR = !text.includes('\r');
  const plainLines = noCR && !text.includes('\0');
  let line = 1;
  for (let at = 0; at < text.length; line++) {
    let end = noCR ? text.indexOf('\n', at) : at;
    if (end < 0) end = text.length;
    else if (!noCR) while (end < text.length && text.charCodeAt(end) !== 10 && text.charCodeAt(end) !== 13) end++;
    const next = end < text.length ? end + (text.charCodeAt(end) === 13 && text.charCodeAt(end + 1) === 10 ? 2 : 1) : end;
    // The first character after at most three spaces (-1: none): fences and HTML start with
    // one of three characters there, headings with `#` at column 1, so most lines need no
    // pattern at all (and no copy of their text).
    let k = at;
    while (k < end && k - at < 4 && text.charCodeAt(k) === 32) k++;
    const lead = k < end && k - at < 4 ? text.charCodeAt(k) : -1;
    const first = text.charCodeAt(at);
    // Not white space (`trim` removes none of these), so the line is not blank.
    const visible = first > 32 && first !== 160 && first < 0x1680;
    const src: string = line === 1 || frontMatter || rawClose || lead === 96 || lead === 126 || lead === 60 || first === 35 || !visible ? text.slice(at, end) : '';
    if (line === 1 && FRONT_MATTER_OPEN.test(src)) frontMatter = src.slice(0, 3);
    else if (frontMatter) {
      if (src === frontMatter) frontMatter = null;
    } else if (fence) {
      const m = lead === fence.char.charCodeAt(0) ? FENCE.exec(src) : null;
      if (m && m[1]![0] === fence.char && m[1]!.length >= fence.length && ONLY_SPACES.test(m[2]!)) {
        if (fence.info && plainLines) {
          fences.push({
            start: fence.at, end, line: fence.line, endLine: line, endColumn: end - at + 1,
            lang: fence.info.lang, meta: fence.info.meta,
            value: fence.contentStart < at ? text.slice(fence.contentStart, at - 1) : '',
          });
        }
        fence = null;
      }
    } else if (rawClose) {
      if (src.toLowerCase().includes(rawClose)) rawClose = null;
    } else {
      if (!visible && src.trim() === '') htmlUntilBlank = false;
      else if (first === 35 && at > chunkStart && !htmlUntilBlank && ATX_HEADING.test(src)) {
        chunks.push({ offset: chunkStart, line: chunkLine, text: text.slice(chunkStart, at) });
        chunkStart = at;
        chunkLine = line;
      }
      const f = lead === 96 || lead === 126 ? FENCE.exec(src) : null;
      if (f) {
        // Only a fence at column 1 outside any HTML block is certainly a top-level block.
        const info = src.charCodeAt(0) === f[1]!.charCodeAt(0) && !htmlUntilBlank ? simpleInfo(f[2]!) : null;
        fence = { char: f[1]![0]!, length: f[1]!.length, at, line, info, contentStart: next };
      } else if (lead === 60 && HTML_START.test(src)) {
        rawClose = rawCloser(src);
        if (!rawClose) htmlUntilBlank = true;
      }
    }
    at = next;
  }
  chunks.push({ offset: chunkStart, line: chunkLine, text: text.slice(chunkStart) });
  return { chunks, fences };
}

/** The end marker of a raw HTML block opened on this line and not closed on it, else null. */
function rawCloser(src: string): string | null {
  const lower = src.toLowerCase();
  const raw = RAW_HTML.exec(src);
  const pairs: [string, string][] = raw
    ? [[`<${raw[1]!.toLowerCase()}`, `</${raw[1]!.toLowerCase()}>`]]
    : [['<!--', '-->'], ['<![cdata[', ']]>'], ['<?', '?>'], ['<!', '>']];
  for (const [open, close] of pairs) {
    const i = lower.indexOf(open);
    if (i < 0) continue;
    return lower.includes(close, i + open.length) ? null : close;
  }
  return null;
}

// ------------------------------------------------------------------------ trees

/** A chunk's nodes, in the chunk's own positions (offset 0 and line 1 at its first character). */
interface ChunkTree {
  children: RootContent[];
  /** End point of the chunk's own root. */
  end: { line: number; column: number; offset: number };
  /** What decides the nodes: the chunk's text and the (up to two) lines after it. */
  body: string;
  ahead: string;
}

/** A copy of `node` with every position moved by `dLine` lines and `dOffset` characters. */
export function shifted<T extends Nodes>(node: T, dLine: number, dOffset: number): T {
  const copy = { ...node } as T;
  const p = node.position;
  if (p) {
    copy.position = {
      start: { line: p.start.line + dLine, column: p.start.column, offset: (p.start.offset ?? 0) + dOffset },
      end: { line: p.end.line + dLine, column: p.end.column, offset: (p.end.offset ?? 0) + dOffset },
    };
  }
  if ('children' in node) (copy as Parent).children = (node as Parent).children.map((c) => shifted(c as Nodes, dLine, dOffset)) as Parent['children'];
  return copy;
}

/**
 * One chunk of a parse (see `IncrementalParser.parsedChunks`). Its nodes are in the chunk's own
 * positions (offset 0 and line 1 at its first character): a chunk that only moved keeps them.
 */
export interface ParsedChunk {
  /**
   * The same object only for the same nodes, chunk text and lines after it (what decides the
   * nodes); a chunk the parser reuses from the previous parse keeps its key.
   */
  key: object;
  offset: number;
  /** 1-based line of the chunk's first character. */
  line: number;
  /** Offset just past the chunk's last character (where the next chunk starts). */
  end: number;
  children: readonly RootContent[];
  /** End point of the chunk's own root, in the chunk's positions. */
  rootEnd: { line: number; column: number; offset: number };
}

export interface ParseStats {
  /** Whether the document was split (false: parsed whole). */
  chunked: boolean;
  chunks: number;
  /** Chunks parsed in this call (the rest were reused). */
  parsed: number;
  /** Fenced code blocks built from their lines in this call instead of parsed (see `parseStaged`). */
  fences: number;
  /**
   * Headings, paragraphs, lists, thematic breaks and tables built from their lines in this call
   * (see ./lineBlocks.ts; a block in the lines a chunk reads ahead counts in both chunks).
   */
  lines: number;
}

/**
 * Parses a document again and again as it is edited, re-parsing only the chunks that changed.
 * The tree it returns equals `parseWhole(text)`; treat it as read-only.
 *
 * Each chunk is parsed together with the first two lines after it and kept only if the line
 * after it really parses as a top-level heading there (block structure never looks further
 * ahead than one line: table delimiter rows, setext underlines), so a wrong guess of
 * `splitChunks` costs time, never correctness: the chunk is merged with the next one instead.
 */
export class IncrementalParser {
  /** The last parse's chunk trees by their offset, and by their distance from the end of the text. */
  private byStart = new Map<number, ChunkTree>();
  private byEnd = new Map<number, ChunkTree>();
  stats: ParseStats = { chunked: false, chunks: 0, parsed: 0, fences: 0, lines: 0 };
  /**
   * The chunks of the last parse, in order (null when the text was parsed whole): each chunk's
   * key (see `ParsedChunk`), place and top-level nodes.
   */
  parsedChunks: ParsedChunk[] | null = null;

  /** The tree of `text`, in the document's positions (built from copies of the chunks' trees). */
  parse(text: string): Root {
    return this.update(text) ?? documentTree(this.parsedChunks!, false);
  }

  /**
   * Parses `text`, reusing the trees of the chunks that did not change. Returns the whole tree
   * when the text was not split (`parsedChunks` is then null); else null, and the chunks with
   * their trees are in `parsedChunks` (no tree of the whole document is built).
   */
  update(text: string): Root | null {
    const scan = scanTopLevel(text);
    if (!scan || scan.chunks.length < 2) {
      this.byStart = new Map();
      this.byEnd = new Map();
      this.parsedChunks = null;
      const built = { fences: 0, lines: 0 };
      const root = scan ? parseStaged(text, scan.fences, true, built) : parseWhole(text);
      this.stats = { chunked: false, chunks: 1, parsed: 1, ...built };
      return root;
    }
    const { chunks, fences } = scan;
    // An edit leaves the chunks before it where they were and those after it as far from the
    // end: a chunk is looked for at both places, and taken when its text is the same. A change in
    // several places (a replace-all, a reload) misses more than one: from the second miss on, the
    // last parse's chunks are also looked up by their text, wherever they were.
    const byStart = new Map<number, ChunkTree>();
    const byEnd = new Map<number, ChunkTree>();
    const same = (t: ChunkTree | undefined, body: string, ahead: string) => (t && t.body === body && t.ahead === ahead ? t : undefined);
    let misses = 0;
    let byText: Map<string, ChunkTree> | null = null;
    const find = (offset: number, body: string, ahead: string): ChunkTree | undefined => {
      const t = same(this.byStart.get(offset), body, ahead) ?? same(this.byEnd.get(text.length - offset), body, ahead);
      if (t || ++misses < 2) return t;
      byText ??= new Map([...this.byStart.values()].map((x) => [`${x.body}\u0000${x.ahead}`, x]));
      return same(byText.get(`${body}\u0000${ahead}`), body, ahead);
    };
    const placed: ParsedChunk[] = [];
    let parsed = 0;
    const built = { fences: 0, lines: 0 };
    for (let i = 0; i < chunks.length; ) {
      const first = chunks[i]!;
      let body = first.text;
      let j = i + 1;
      let tree: ChunkTree | undefined;
      for (;;) {
        const ahead = j < chunks.length ? lookahead(text, chunks[j]!.offset) : '';
        tree = find(first.offset, body, ahead);
        if (tree) break;
        const root = parseStaged(body + ahead, fencesIn(fences, first, body.length), first.offset === 0, built);
        parsed++;
        const kept = j < chunks.length ? verifiedChildren(root, body.length, 'heading') : root.children;
        if (!kept) {
          // The next split point is not a top-level heading after all: take the next chunk in.
          body += chunks[j]!.text;
          j++;
          continue;
        }
        const end = root.position!.end;
        tree = { children: kept, end: { line: end.line, column: end.column, offset: end.offset ?? 0 }, body, ahead };
        break;
      }
      byStart.set(first.offset, tree);
      byEnd.set(text.length - first.offset, tree);
      placed.push({ key: tree, offset: first.offset, line: first.line, end: j < chunks.length ? chunks[j]!.offset : text.length, children: tree.children, rootEnd: tree.end });
      i = j;
    }
    this.byStart = byStart;
    this.byEnd = byEnd;
    this.parsedChunks = placed;
    this.stats = { chunked: true, chunks: placed.length, parsed, ...built };
    return null;
  }
}

/**
 * The document's tree from its chunks' trees: each chunk's nodes moved to the chunk's place,
 * copied, or `inPlace` (the chunks' trees then hold the document's positions).
 */
function documentTree(chunks: readonly ParsedChunk[], inPlace: boolean): Root {
  const children: RootContent[] = [];
  for (const c of chunks) {
    if (inPlace) {
      shiftInPlace(c.children, c.line - 1, c.offset);
      pushAll(children, c.children);
    } else for (const n of c.children) children.push(shifted(n, c.line - 1, c.offset));
  }
  const last = chunks[chunks.length - 1]!;
  return {
    type: 'root',
    children,
    position: { start: { line: 1, column: 1, offset: 0 }, end: { line: last.rootEnd.line + last.line - 1, column: last.rootEnd.column, offset: last.rootEnd.offset + last.offset } },
  };
}

/** The text of the (up to) two lines starting at `offset`. */
function lookahead(text: string, offset: number): string {
  let at = offset;
  for (let n = 0; n < 2 && at < text.length; n++) {
    while (at < text.length && text.charCodeAt(at) !== 10 && text.charCodeAt(at) !== 13) at++;
    if (text.charCodeAt(at) === 13 && text.charCodeAt(at + 1) === 10) at += 2;
    else if (at < text.length) at++;
  }
  return text.slice(offset, at);
}

/**
 * The top-level nodes before `boundary` when the node starting exactly at `boundary` is of
 * type `type` and nothing before it reaches past it; else null.
 */
function verifiedChildren(root: Root, boundary: number, type: RootContent['type']): RootContent[] | null {
  const kept: RootContent[] = [];
  for (const c of root.children) {
    const start = c.position?.start.offset ?? -1;
    const end = c.position?.end.offset ?? -1;
    if (start < boundary) {
      if (end > boundary) return null;
      kept.push(c);
    } else return start === boundary && c.type === type ? kept : null;
  }
  return null;
}

/** Moves every position of `nodes` (and their descendants) by `dLine` lines and `dOffset` characters. */
function shiftInPlace(nodes: readonly Nodes[], dLine: number, dOffset: number): void {
  if (dLine === 0 && dOffset === 0) return;
  const stack: Nodes[] = [...nodes];
  while (stack.length) {
    const n = stack.pop()!;
    const p = n.position;
    if (p) {
      p.start = { line: p.start.line + dLine, column: p.start.column, offset: (p.start.offset ?? 0) + dOffset };
      p.end = { line: p.end.line + dLine, column: p.end.column, offset: (p.end.offset ?? 0) + dOffset };
    }
    if ('children' in n) for (const c of (n as Parent).children) stack.push(c as Nodes);
  }
}

// ------------------------------------------------------------------------ staged parse

/** The fences of `fences` inside the chunk's body, in the body's own positions. */
function fencesIn(fences: readonly Fence[], chunk: Chunk, length: number): Fence[] {
  let lo = 0;
  let hi = fences.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (fences[mid]!.start < chunk.offset) lo = mid + 1; else hi = mid;
  }
  const out: Fence[] = [];
  for (let i = lo; i < fences.length && fences[i]!.end <= chunk.offset + length; i++) {
    const f = fences[i]!;
    out.push({ ...f, start: f.start - chunk.offset, end: f.end - chunk.offset, line: f.line - chunk.line + 1, endLine: f.endLine - chunk.line + 1 });
  }
  return out;
}

/**
 * The tree of `src`, equal to `parseWhole(src)`, parsing less: the fenced code blocks of
 * `fences` are built from their lines (a code block's node is its info string and its lines),
 * and so are the headings, paragraphs, lists, thematic breaks and tables that ./lineBlocks.ts
 * can build; the text between them is parsed piece by piece, each with only the extensions its
 * characters can trigger (see `processorFor`). A piece is parsed with the first two lines of the block after it
 * and kept only if that block really starts a node of its type there (as chunks are verified in
 * `IncrementalParser`); otherwise `src` is parsed again without line blocks, and then in one
 * piece. `atStart`: `src` starts the document (front matter is possible). `built` counts the
 * blocks built from lines.
 */
function parseStaged(src: string, fences: readonly Fence[], atStart: boolean, built: Built = { fences: 0, lines: 0 }, withLines = true): Root {
  const blocks = withLines && !src.includes('\r') && !src.includes('\0') ? builtBlocks(src, fences, atStart) : fences.map(fenceBlock);
  if (!blocks.length) return parseWith(processorFor(extensionsFor(src, atStart)), src);
  const children: RootContent[] = [];
  let at = 0;
  let line = 1;
  for (const b of blocks) {
    if (b.start > at && HAS_CONTENT.test(src.slice(at, b.start))) {
      const piece = src.slice(at, b.start) + lookahead(src, b.start);
      const kept = verifiedChildren(parseWith(processorFor(extensionsFor(piece, atStart && at === 0)), piece), b.start - at, b.node.type);
      if (!kept) return withLines ? parseStaged(src, fences, atStart, built, false) : parseWith(processorFor(extensionsFor(src, atStart)), src);
      shiftInPlace(kept, line - 1, at);
      pushAll(children, kept);
    }
    children.push(b.node);
    at = b.end;
    line = b.endLine;
    if (src.charCodeAt(at) === 10) { at++; line++; }
  }
  if (at < src.length && HAS_CONTENT.test(src.slice(at))) {
    const tail = parseWith(processorFor(extensionsFor(src.slice(at), false)), src.slice(at)).children;
    shiftInPlace(tail, line - 1, at);
    pushAll(children, tail);
  }
  built.fences += fences.length;
  built.lines += blocks.length - fences.length;
  const lastBreak = src.lastIndexOf('\n');
  let lines = 1;
  for (let i = src.indexOf('\n'); i >= 0; i = src.indexOf('\n', i + 1)) lines++;
  return {
    type: 'root',
    children,
    position: { start: { line: 1, column: 1, offset: 0 }, end: { line: lines, column: src.length - lastBreak, offset: src.length } },
  };
}

/** Blocks built instead of parsed in one call of `parseStaged`. */
interface Built { fences: number; lines: number }

/** A fenced code block's node. */
function fenceBlock(f: Fence): LineBlock {
  return {
    start: f.start, end: f.end, line: f.line, endLine: f.endLine,
    node: {
      type: 'code', lang: f.lang, meta: f.meta, value: f.value,
      position: { start: { line: f.line, column: 1, offset: f.start }, end: { line: f.endLine, column: f.endColumn, offset: f.end } },
    },
  };
}

/**
 * The fenced code blocks and, between them, the line blocks (./lineBlocks.ts), in order. Front
 * matter at the start of the document is left to the parser (its lines could look like
 * paragraphs), and so is everything when it is not closed.
 */
function builtBlocks(src: string, fences: readonly Fence[], atStart: boolean): LineBlock[] {
  let from = 0;
  let line = 1;
  if (atStart && (src.startsWith('---') || src.startsWith('+++'))) {
    const first = src.indexOf('\n');
    const opener = FRONT_MATTER_OPEN.test(first < 0 ? src : src.slice(0, first)) ? src.slice(0, 3) : null;
    if (opener) {
      let at = first + 1;
      from = -1;
      for (line = 2; first >= 0 && at < src.length; line++) {
        let end = src.indexOf('\n', at);
        if (end < 0) end = src.length;
        if (src.slice(at, end) === opener) { from = Math.min(end + 1, src.length); line++; break; }
        at = end + 1;
      }
      if (from < 0) return fences.map(fenceBlock);
    }
  }
  const out: LineBlock[] = [];
  for (const f of fences) {
    if (f.start >= from) pushAll(out, lineBlocks(src, from, f.start, line));
    out.push(fenceBlock(f));
    from = f.end < src.length ? f.end + 1 : f.end;
    line = f.endLine + 1;
  }
  if (from < src.length) pushAll(out, lineBlocks(src, from, src.length, line));
  return out;
}

/** Text with something besides line breaks, spaces and tabs (blank lines make no node). */
const HAS_CONTENT = /[^ \t\n]/;
