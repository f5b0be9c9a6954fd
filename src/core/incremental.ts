/**
 * Re-analysis that reuses earlier work, for editors (each keystroke) and for scans (each run).
 *
 * Within a document: the text is split into chunks at top-level ATX heading lines. A heading
 * line interrupts paragraphs, lists, block quotes and tables, so each chunk parses on its own to
 * exactly the nodes the whole document yields there. Chunks whose text did not change keep
 * their tree (positions shifted when they moved); only changed chunks are parsed again, and the
 * model and rules run over the combined tree. Where chunking could change the parse — link
 * reference or footnote definitions (they act across the whole document), or a heading-like
 * line that may sit inside fenced code, HTML or front matter — the line is not a split point or
 * the whole document is parsed at once.
 *
 * Across runs: results are keyed by a hash of the file content and a context key (tool version,
 * settings, today). The hosts hash and store; this file only composes keys and checks entries.
 */
import type { Nodes, Parent, Root, RootContent } from 'mdast';
import { DEFAULT_CONFIG, type Config } from './config';
import type { CheckOptions, CheckResult } from './index';
import { analyzeTree } from './model/analyze';
import { parseMarkdown } from './model/parse';
import { LineIndex } from './model/positions';
import { FileReportSchema, type FileReport } from './output/report';
import { evaluate } from './runner';
import { budgetCheck, stripBom } from './budget';

// ------------------------------------------------------------------------ chunking

export interface Chunk {
  /** Offset of the chunk's first character (always the start of a line). */
  offset: number;
  /** 1-based line of that character. */
  line: number;
  text: string;
}

const ATX_HEADING = /^#{1,6}(?:[ \t]|$)/;
const FENCE = /^ {0,3}(`{3,}|~{3,})(.*)$/;
const HTML_START = /^ {0,3}<[A-Za-z/!?]/;
const RAW_HTML = /^ {0,3}<(script|pre|style|textarea)(?:[\s>]|$)/i;
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
  // The parser drops a leading byte order mark from its offsets; such text is parsed whole.
  if (text.charCodeAt(0) === 0xfeff || DEFINITION.test(text)) return null;
  const chunks: Chunk[] = [];
  let chunkStart = 0;
  let chunkLine = 1;
  let fence: { char: string; length: number } | null = null;
  /** Closing marker of an open raw HTML block (comment, `<pre>`, `<?`, CDATA, declaration). */
  let rawClose: string | null = null;
  /** A tag-started HTML block runs until the next blank line. */
  let htmlUntilBlank = false;
  /** The fence that closes front matter opened on line 1. */
  let frontMatter: string | null = null;
  let line = 1;
  for (let at = 0; at < text.length; line++) {
    let end = at;
    while (end < text.length && text.charCodeAt(end) !== 10 && text.charCodeAt(end) !== 13) end++;
    const src = text.slice(at, end);
    const next = end < text.length ? end + (text.charCodeAt(end) === 13 && text.charCodeAt(end + 1) === 10 ? 2 : 1) : end;
    if (line === 1 && FRONT_MATTER_OPEN.test(src)) frontMatter = src.slice(0, 3);
    else if (frontMatter) {
      if (src === frontMatter) frontMatter = null;
    } else if (fence) {
      const m = FENCE.exec(src);
      if (m && m[1]![0] === fence.char && m[1]!.length >= fence.length && m[2]!.trim() === '') fence = null;
    } else if (rawClose) {
      if (src.toLowerCase().includes(rawClose)) rawClose = null;
    } else {
      if (src.trim() === '') htmlUntilBlank = false;
      else if (at > chunkStart && !htmlUntilBlank && ATX_HEADING.test(src)) {
        chunks.push({ offset: chunkStart, line: chunkLine, text: text.slice(chunkStart, at) });
        chunkStart = at;
        chunkLine = line;
      }
      const f = FENCE.exec(src);
      if (f) fence = { char: f[1]![0]!, length: f[1]!.length };
      else if (HTML_START.test(src)) {
        rawClose = rawCloser(src);
        if (!rawClose) htmlUntilBlank = true;
      }
    }
    at = next;
  }
  chunks.push({ offset: chunkStart, line: chunkLine, text: text.slice(chunkStart) });
  return chunks;
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

interface ChunkTree {
  offset: number;
  line: number;
  children: RootContent[];
  /** End point of the chunk's own root, in document coordinates. */
  end: { line: number; column: number; offset: number };
}

/** A copy of `node` with every position moved by `dLine` lines and `dOffset` characters. */
function shifted<T extends Nodes>(node: T, dLine: number, dOffset: number): T {
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

export interface ParseStats {
  /** Whether the document was split (false: parsed whole). */
  chunked: boolean;
  chunks: number;
  /** Chunks parsed in this call (the rest were reused). */
  parsed: number;
}

/**
 * Parses a document again and again as it is edited, re-parsing only the chunks that changed.
 * The tree it returns equals `parseMarkdown(text)`; treat it as read-only.
 *
 * Each chunk is parsed together with the first two lines after it and kept only if the line
 * after it really parses as a top-level heading there (block structure never looks further
 * ahead than one line: table delimiter rows, setext underlines), so a wrong guess of
 * `splitChunks` costs time, never correctness: the chunk is merged with the next one instead.
 */
export class IncrementalParser {
  private chunks = new Map<string, ChunkTree>();
  stats: ParseStats = { chunked: false, chunks: 0, parsed: 0 };

  parse(text: string): Root {
    const chunks = splitChunks(text);
    if (!chunks || chunks.length < 2) {
      this.chunks = new Map();
      this.stats = { chunked: false, chunks: 1, parsed: 1 };
      return parseMarkdown(text);
    }
    const next = new Map<string, ChunkTree>();
    const children: RootContent[] = [];
    let parsed = 0;
    let count = 0;
    let last: ChunkTree | undefined;
    for (let i = 0; i < chunks.length; ) {
      const first = chunks[i]!;
      let body = first.text;
      let j = i + 1;
      let key: string;
      let tree: ChunkTree | undefined;
      for (;;) {
        const ahead = j < chunks.length ? lookahead(text, chunks[j]!.offset) : '';
        key = `${body}\u0000${ahead}`;
        tree = next.get(key) ?? this.chunks.get(key);
        if (tree) break;
        const root = parseMarkdown(body + ahead);
        parsed++;
        const kept = j < chunks.length ? verifiedChildren(root, body.length) : root.children;
        if (!kept) {
          // The next split point is not a top-level heading after all: take the next chunk in.
          body += chunks[j]!.text;
          j++;
          continue;
        }
        const end = root.position!.end;
        tree = {
          offset: 0,
          line: 1,
          children: kept,
          end: { line: end.line, column: end.column, offset: end.offset ?? 0 },
        };
        break;
      }
      const moved = moveTree(tree, first.line, first.offset);
      next.set(key, moved);
      children.push(...moved.children);
      last = moved;
      count++;
      i = j;
    }
    this.chunks = next;
    this.stats = { chunked: true, chunks: count, parsed };
    return {
      type: 'root',
      children,
      position: { start: { line: 1, column: 1, offset: 0 }, end: { ...last!.end } },
    };
  }
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
 * The top-level nodes before `boundary` when the node starting exactly at `boundary` is a
 * heading and nothing before it reaches past it; else null.
 */
function verifiedChildren(root: Root, boundary: number): RootContent[] | null {
  const kept: RootContent[] = [];
  for (const c of root.children) {
    const start = c.position?.start.offset ?? -1;
    const end = c.position?.end.offset ?? -1;
    if (start < boundary) {
      if (end > boundary) return null;
      kept.push(c);
    } else return start === boundary && c.type === 'heading' ? kept : null;
  }
  return null;
}

/** The chunk's tree at another place in the document (shared when it did not move). */
function moveTree(tree: ChunkTree, line: number, offset: number): ChunkTree {
  if (tree.line === line && tree.offset === offset) return tree;
  const dLine = line - tree.line;
  const dOffset = offset - tree.offset;
  return {
    offset,
    line,
    children: tree.children.map((n) => shifted(n, dLine, dOffset)),
    end: { line: tree.end.line + dLine, column: tree.end.column, offset: tree.end.offset + dOffset },
  };
}

/**
 * `check` for a document that keeps changing (an editor buffer): same results as
 * `check(text, options)`, re-parsing only what changed since the previous call.
 */
export class IncrementalChecker {
  readonly parser = new IncrementalParser();

  check(input: string, options: CheckOptions): CheckResult {
    const text = stripBom(input);
    const config = options.config ?? DEFAULT_CONFIG;
    const stopIfLate = budgetCheck(config.maxAnalysisMs, options.now);
    const doc = analyzeTree(text, this.parser.parse(text), { statusWords: config.statusWords });
    stopIfLate();
    const { findings, verdicts } = evaluate(doc, text, new LineIndex(text), { today: options.today, config, stopIfLate, reportUnusedDisables: options.reportUnusedDisables });
    return { doc, findings, verdicts };
  }
}

// ------------------------------------------------------------------------ result cache

/** What a cache keeps per document: the file report without its path. */
export const CachedResultSchema = FileReportSchema.omit({ path: true });
export type CachedResult = Omit<FileReport, 'path'>;

export interface CacheContext {
  toolVersion: string;
  config: Config;
  today: string;
  /** `--report-unused-disables`: adds findings, so results with and without it differ. */
  reportUnusedDisables?: boolean;
}

/**
 * The part of a result's key that is the same for every file of a run: a result is valid only
 * for the same tool version, settings and day (time-based rules depend on the day).
 */
export function cacheContextKey(context: CacheContext): string {
  // The time budget changes whether an analysis finishes, never what a finished one found (and
  // a stopped one is not cached): it is not part of the key.
  const { maxAnalysisMs: _budget, ...config } = context.config;
  const key = { tool: context.toolVersion, config, today: context.today, ...(context.reportUnusedDisables ? { reportUnusedDisables: true } : {}) };
  return `v1:${hash64(stableJson(key))}`;
}

export function toCachedResult(report: FileReport): CachedResult {
  const { path: _path, ...rest } = report;
  return rest;
}

/** A stored entry if it is well formed, else null (a damaged cache is a miss, never an error). */
export function readCachedResult(raw: unknown): CachedResult | null {
  // The stored object itself, not zod's copy: the copy orders keys by schema, and the
  // output must be byte-identical to a fresh run.
  return CachedResultSchema.safeParse(raw).success ? (raw as CachedResult) : null;
}

/** JSON with object keys sorted, so equal settings give equal keys. */
export function stableJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(stableJson).join(',')}]`;
  if (value && typeof value === 'object') {
    const keys = Object.keys(value).filter((k) => (value as Record<string, unknown>)[k] !== undefined).sort();
    return `{${keys.map((k) => `${JSON.stringify(k)}:${stableJson((value as Record<string, unknown>)[k])}`).join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}

/** FNV-1a, 64 bits, over UTF-16 code units, as 16 hex digits (for short keys; hosts hash content). */
export function hash64(s: string): string {
  let h = 0xcbf29ce484222325n;
  const prime = 0x100000001b3n;
  const mask = 0xffffffffffffffffn;
  for (let i = 0; i < s.length; i++) h = ((h ^ BigInt(s.charCodeAt(i))) * prime) & mask;
  return h.toString(16).padStart(16, '0');
}
