/**
 * Re-analysis that reuses earlier work, for editors (each keystroke) and for scans (each run).
 *
 * Within a document: the text is split into chunks at top-level ATX heading lines. A heading
 * line interrupts paragraphs, lists, block quotes and tables, so each chunk parses on its own to
 * exactly the nodes the whole document yields there. Chunks whose text did not change keep
 * their tree (in the chunk's own positions) and the parts of the model they yield (blocks,
 * numbers, tasks, lists, tables, fields, scores, damaged characters, dates, the claims of the
 * chunk-scoped extractors; moved and renumbered); only changed chunks are parsed and read again.
 * The document-level passes (sections, roll-ups, language and date context, title and status,
 * milestones, the document-scoped claims) and the rules run over the combined parts. Where chunking could change the parse — link reference or
 * footnote definitions (they act across the whole document), or a heading-like line that may
 * sit inside fenced code, HTML or front matter — the line is not a split point or the whole
 * document is parsed at once.
 *
 * Across runs: results are keyed by a hash of the file content and a context key (tool version,
 * settings, today). The hosts hash and store; this file only composes keys and checks entries.
 */
import { DEFAULT_CONFIG, type Config } from './config';
import type { CheckOptions, CheckResult } from './index';
import { ChunkModels } from './model/analyze';
import { IncrementalParser } from './model/parse';
import { LineIndex } from './model/positions';
import { FileReportSchema, type FileReport } from './output/report';
import { evaluate } from './runner';
import { budgetCheck, stripBom } from './budget';

// Chunked parsing lives with the parser (every parse is chunked); re-exported for the hosts.
export { IncrementalParser, splitChunks, type Chunk, type ParsedChunk, type ParseStats } from './model/parse';
export { ChunkModels } from './model/analyze';

/**
 * `check` for a document that keeps changing (an editor buffer): same results as
 * `check(text, options)`, re-parsing only what changed since the previous call.
 */
export class IncrementalChecker {
  readonly parser = new IncrementalParser();
  /** The model's parts per chunk of the last text (see ChunkModels). */
  readonly models = new ChunkModels();

  check(input: string, options: CheckOptions): CheckResult {
    const text = stripBom(input);
    const config = options.config ?? DEFAULT_CONFIG;
    const stopIfLate = budgetCheck(config.maxAnalysisMs, options.now);
    const parsed = this.parser.update(text) ?? this.parser.parsedChunks!;
    const lines = new LineIndex(text);
    const doc = this.models.analyze(text, parsed, { statusWords: config.statusWords }, lines);
    stopIfLate();
    const { findings, verdicts } = evaluate(doc, text, lines, { today: options.today, config, stopIfLate, reportUnusedDisables: options.reportUnusedDisables });
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

/**
 * A result as a cache may keep it for most outputs: each finding reduced to its place, rule,
 * severity and message (what the text, GitHub, JUnit and Markdown outputs print), no claims.
 */
export type CachedReport = Omit<CachedResult, 'claims'>;
/** The rest of a result: its findings in full (fixes, related places, explanations) and its claims. */
export interface CachedDetails {
  findings: CachedResult['findings'];
  claims: CachedResult['claims'];
}
const CachedReportSchema = CachedResultSchema.omit({ claims: true });
const CachedDetailsSchema = CachedResultSchema.pick({ findings: true, claims: true });

// The stored object itself, not zod's copy: the copy orders keys by schema, and the output
// must be byte-identical to a fresh run. A damaged entry is a miss, never an error.

const readWith = <T>(schema: { safeParse(raw: unknown): { success: boolean } }) => (raw: unknown): T | null => (schema.safeParse(raw).success ? (raw as T) : null);

/** A stored report (see CachedReport) if it is well formed, else null. */
export const readCachedReport = readWith<CachedReport>(CachedReportSchema);

/** Stored details (see CachedDetails) if they are well formed, else null. */
export const readCachedDetails = readWith<CachedDetails>(CachedDetailsSchema);

/** A result as two parts to store: the brief report and the details. */
export function splitResult(result: CachedResult): { report: CachedReport; details: CachedDetails } {
  const { findings, claims, summary, ...rest } = result;
  const brief = findings.map((f) => ({ rule: f.rule, severity: f.severity, message: f.message, line: f.line, column: f.column, endLine: f.endLine, endColumn: f.endColumn }));
  return { report: { ...rest, findings: brief, summary }, details: { findings, claims } };
}

/**
 * A result from its stored parts, keys in the order of a fresh result. Without details: the
 * brief findings and no claims (the summary still counts them).
 */
export function joinResult(report: CachedReport, details: CachedDetails | null): CachedResult {
  const { findings, summary, ...rest } = report;
  return { ...rest, findings: details ? details.findings : findings, claims: details ? details.claims : [], summary };
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
