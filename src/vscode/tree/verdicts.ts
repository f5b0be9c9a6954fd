/**
 * What each row of the Progress view says about itself, read from the core's model and the
 * rules' verdicts: a score row its own delta check, a milestone its date check, a section the
 * status its heading or Status field marks (never a word inside a title), a document its counts
 * by severity and one overall progress. Values from the core come through `engine()`, so the
 * extension's bundle stays free of the parser.
 */
import type { Claim, ClaimVerdict, Finding, Milestone, Score, Section, StatusDoc, StatusValue } from '../../core/index';
import type { Entry } from '../documents';
import { engine } from '../lazy';

/** Rules whose findings are overdue milestones or sprints (a stale "Last updated" is not one). */
export const OVERDUE_RULES: ReadonlySet<string> = new Set(['stale-milestone', 'stale-sprint']);

export interface SeverityCounts {
  error: number;
  warning: number;
  info: number;
}

export function severityCounts(findings: readonly Finding[]): SeverityCounts {
  const c: SeverityCounts = { error: 0, warning: 0, info: 0 };
  for (const f of findings) c[f.severity]++;
  return c;
}

export const overdueCount = (findings: readonly Finding[]) => findings.filter((f) => f.stale && OVERDUE_RULES.has(f.rule)).length;

/** The text as the author meant it: damaged characters repaired, markup and runs of space removed. */
export function display(text: string): string {
  return engine().repairMojibake(text).replace(/[*_`]+/g, '').replace(/\s+/g, ' ').trim();
}

export interface Overall {
  /** 0–100. */
  percent: number;
  /** Where it comes from: the checklist's boxes, or the document's own headline. */
  source: 'checklist' | 'headline';
  done?: number;
  total?: number;
}

/** One overall progress: the checklist's share of ticked boxes, else the last figure of the Overall Progress field. */
export function overallProgress(doc: StatusDoc): Overall | undefined {
  const { done, total } = doc.checklist;
  if (total > 0) return { percent: Math.round((done / total) * 100), source: 'checklist', done, total };
  const headline = engine().headlineProgress(doc);
  const figures = headline ? [...headline.matchAll(/(\d{1,3}(?:[.,]\d+)?)\s?%/g)] : [];
  const last = figures[figures.length - 1];
  if (!last) return undefined;
  const percent = Math.round(Number(last[1]!.replace(',', '.')));
  return percent >= 0 && percent <= 100 ? { percent, source: 'headline' } : undefined;
}

export interface RowVerdict {
  verdict: ClaimVerdict['verdict'] | 'none';
  claim?: Claim;
  reason?: string | null;
}

const sameRange = (a: { offset: number; endOffset: number }, b: { offset: number; endOffset: number }) => a.offset === b.offset && a.endOffset === b.endOffset;

function verdictOf(entry: Entry, claim: Claim | undefined): RowVerdict {
  if (!claim) return { verdict: 'none' };
  const v = entry.verdicts[claim.id];
  return { verdict: v?.verdict ?? 'unchecked', claim, reason: v ? v.reason : claim.unchecked };
}

/** A score's delta check: the change claim whose stated value is the score's delta. */
export function scoreVerdict(entry: Entry, score: Score): RowVerdict {
  if (!score.delta || !entry.doc) return { verdict: 'none' };
  const delta = score.delta.range;
  // The claim's stated value is the delta's digits (`+20` of `+20 points`).
  return verdictOf(entry, entry.doc.claims.find((c) => c.kind === 'change' && c.range.offset < delta.endOffset && c.range.endOffset > delta.offset));
}

/** A milestone's date check: the milestone or sprint claim stated on its lines. */
export function milestoneVerdict(entry: Entry, m: Milestone): RowVerdict & { stale?: Finding } {
  if (!entry.doc) return { verdict: 'none' };
  const within = (line: number) => line >= m.range.line && line <= m.range.endLine;
  const claim = entry.doc.claims.find((c) => (c.kind === 'milestone' || c.kind === 'sprint') && within(c.statement.line));
  const stale = entry.findings.find((f) => f.stale && OVERDUE_RULES.has(f.rule) && within(f.line));
  return { ...verdictOf(entry, claim), stale };
}

/** What a stale finding is about: the milestone, sprint or document its claim names. */
export function staleSubject(entry: Entry, f: Finding): string | undefined {
  if (!f.stale || !entry.doc) return undefined;
  const claim = entry.doc.claims.find((c) => (c.kind === 'milestone' || c.kind === 'sprint' || c.kind === 'document') && f.line >= c.statement.line && f.line <= c.statement.endLine);
  // A sprint stated in the document's head is the document itself (the claim calls it "this sprint").
  if (claim?.kind === 'sprint' && claim.section === null && entry.doc.title) return display(entry.doc.title);
  if (claim?.kind === 'sprint' && claim.section !== null) return display(entry.doc.sections[claim.section]?.title ?? claim.subject);
  if (claim?.subject) return display(claim.subject);
  const m = entry.doc.milestones.find((x) => f.line >= x.range.line && f.line <= x.range.endLine);
  return m ? display(m.name) : undefined;
}

/**
 * Whether a status mention in a heading marks the heading (`Phase 2 — Complete`, `Sprint 1 ✅`)
 * rather than being part of its title (`Definition of Done`, `US-12: Complete Data Validation`),
 * by the core's grammar for status claims.
 */
function marksHeading(doc: StatusDoc, headingOffset: number, mention: { text: string; range: { offset: number } }): boolean {
  const block = doc.blocks.find((b) => b.kind === 'heading' && b.range.offset === headingOffset);
  if (!block) return false;
  return engine().isHeadingMarker(block.text, mention.range.offset - block.range.offset, mention.text);
}

/** A section (or one of its ancestors) that lists conditions, not work (`Definition of Done`, `Acceptance Criteria`). */
function listsConditions(doc: StatusDoc, s: Section): boolean {
  for (let k: Section | undefined = s; k; k = k.parent === null ? undefined : doc.sections[k.parent]) {
    if (engine().CONDITIONS.test(k.title) && !(k.level === 1 && engine().TRACKER_TITLE.test(k.title))) return true;
  }
  return false;
}

export interface SectionState {
  /** The status the section's icon shows, if any. */
  status: StatusValue | undefined;
  /** The rules found the stated status wrong (a section marked done with open boxes). */
  wrong?: string | null;
}

/**
 * A section's status: the status claim of its heading or Status field (with its verdict), else a
 * status word that marks the heading, else done when every box of its checklist is ticked.
 * Done never comes from a word inside a title.
 */
export function sectionState(entry: Entry, s: Section): SectionState {
  const doc = entry.doc!;
  const claim = doc.claims.find((c) => c.kind === 'status' && c.form === 'section' && c.section === s.index);
  if (claim?.status) {
    const v = entry.verdicts[claim.id];
    return { status: claim.status.value, wrong: v?.verdict === 'wrong' ? v.reason ?? '' : undefined };
  }
  const all = s.checklist.total > 0 && s.checklist.done === s.checklist.total;
  const m = s.status;
  if (m) {
    const inHeading = m.range.offset >= s.headingRange.offset && m.range.endOffset <= s.headingRange.endOffset;
    const marks = inHeading ? marksHeading(doc, s.headingRange.offset, m) : true;
    if (marks && !(m.value === 'done' && (listsConditions(doc, s) || (s.checklist.total > 0 && !all)))) return { status: m.value };
  }
  return { status: all ? 'done' : undefined };
}

/** The document's own status: its Status field, or a status that marks its title; never a word inside the title. */
export function documentStatus(doc: StatusDoc): StatusValue | undefined {
  const m = doc.status;
  if (!m) return undefined;
  if (doc.fields.some((f) => f.status && sameRange(f.status.range, m.range))) return m.value;
  return doc.titleRange && marksHeading(doc, doc.titleRange.offset, m) ? m.value : undefined;
}

/** A milestone's status; for a heading milestone only a status that marks the heading. */
export function milestoneStatus(doc: StatusDoc, m: Milestone): StatusValue | undefined {
  if (!m.status) return undefined;
  const inHeading = m.kind === 'heading' && m.status.range.offset >= m.range.offset && m.status.range.endOffset <= m.range.endOffset;
  return !inHeading || marksHeading(doc, m.range.offset, m.status) ? m.status.value : undefined;
}
