/**
 * The data of the Status Overview and of the exported status report, shaped from the checked
 * documents: per document its progress, errors, warnings and overdue milestones; the overdue
 * milestones of every document on one date axis; the score changes (before → after) that change
 * claims state. Pure: the host passes the documents, their findings and verdicts, and "today".
 */
import type { Finding } from '../findings';
import type { Claim, ClaimVerdict, StatusDoc } from '../model/schema';
import { repairMojibake } from '../model/mojibake';
import { GENERATED_REPORT_MARKER } from '../precheck';
import { headlineProgress } from './report';
import { append } from '../collections';

export interface OverviewInput {
  /** The path shown (relative to the workspace). */
  path: string;
  /** An address the host can open again (a URI); passed through. */
  uri: string;
  doc: StatusDoc;
  findings: readonly Finding[];
  verdicts: readonly ClaimVerdict[];
}

export interface OverviewDocument {
  path: string;
  uri: string;
  title: string | null;
  /** The line of the title (1-based), else 1. */
  line: number;
  status: string | null;
  /** 0–100: the headline progress when the document states one, else its checklist, else null. */
  progress: number | null;
  progressSource: 'headline' | 'checklist' | null;
  /** The headline as written (`75% → 95%`), without markup. */
  headline: string | null;
  checklist: { done: number; total: number };
  errors: number;
  warnings: number;
  overdue: number;
  claimsChecked: number;
  claimsWrong: number;
}

export interface OverdueMilestone {
  path: string;
  uri: string;
  /** What is overdue: the milestone's or sprint's name. */
  name: string;
  line: number;
  /** `YYYY-MM-DD`. */
  due: string;
  daysOverdue: number;
  status: string | null;
  rule: string;
}

export interface ScoreChange {
  path: string;
  uri: string;
  subject: string;
  line: number;
  before: number;
  after: number;
  unit: string | null;
  /** The change as written (`+20 points`). */
  text: string;
  /** The top of the bars' scale: 100 for percentages, else the larger endpoint. */
  scale: number;
  verdict: 'right' | 'wrong' | 'unchecked';
}

export interface OverviewTotals {
  documents: number;
  errors: number;
  warnings: number;
  overdue: number;
  claimsChecked: number;
  claimsWrong: number;
}

export interface OverviewData {
  today: string;
  totals: OverviewTotals;
  documents: OverviewDocument[];
  /** Most overdue first. */
  milestones: OverdueMilestone[];
  /** In document order, at most `MAX_CHANGES`. */
  changes: ScoreChange[];
  /** How many score changes were left out past `MAX_CHANGES`. */
  changesLeftOut: number;
  skipped: { path: string; reason: string }[];
}

export const MAX_CHANGES = 200;

/** Rules whose findings are overdue work (a document that is merely old is not a milestone). */
const OVERDUE_RULES = new Set(['stale-milestone', 'stale-sprint']);

const PERCENT = /(\d{1,3}(?:\.\d+)?)\s?%/g;

/** The last percentage of a headline (`75% → 95%`: 95), within 0–100, else null. */
export function headlinePercent(headline: string | null): number | null {
  if (!headline) return null;
  const all = [...headline.matchAll(PERCENT)].map((m) => Number(m[1]));
  const last = all.at(-1);
  return last !== undefined && last >= 0 && last <= 100 ? last : null;
}

function isOverdue(f: Finding): boolean {
  return f.stale !== undefined && OVERDUE_RULES.has(f.rule);
}

/** The claim a finding was reported on: same kind family, same start. */
function claimAt(doc: StatusDoc, f: Finding): Claim | undefined {
  return doc.claims.find((c) => (c.kind === 'milestone' || c.kind === 'sprint') && c.range.line === f.line && c.range.column === f.column)
    ?? doc.claims.find((c) => (c.kind === 'milestone' || c.kind === 'sprint') && c.statement.line <= f.line && f.line <= c.statement.endLine);
}

/** A change's subject; a change written without one (`55% → 73% (+20 points)`) takes its field's key. */
function changeSubject(doc: StatusDoc, c: Claim): string {
  if (c.subject && c.subject !== c.data.text) return clean(c.subject);
  const field = doc.fields.find((f) => f.keyRange.line === c.statement.line);
  return field ? clean(field.key) : `Line ${c.statement.line}`;
}

const clean = (s: string) => repairMojibake(s).replace(/\s+/g, ' ').trim();

export function overviewData(inputs: readonly OverviewInput[], today: string, skipped: readonly { path: string; reason: string }[] = []): OverviewData {
  const documents: OverviewDocument[] = [];
  const milestones: OverdueMilestone[] = [];
  const changes: ScoreChange[] = [];
  let changesLeftOut = 0;
  for (const input of inputs) {
    const { doc, findings, path, uri } = input;
    const headline = headlineProgress(doc);
    const fromHeadline = headlinePercent(headline);
    const { done, total } = doc.checklist;
    const progress = fromHeadline ?? (total > 0 ? Math.round((done / total) * 100) : null);
    const overdue = findings.filter(isOverdue);
    const verdictOf = (c: Claim) => input.verdicts[c.id]?.verdict ?? 'unchecked';
    const checked = doc.claims.filter((c) => verdictOf(c) !== 'unchecked').length;
    documents.push({
      path, uri,
      title: doc.title === null ? null : clean(doc.title),
      line: doc.titleRange?.line ?? 1,
      status: doc.status?.value ?? null,
      progress,
      progressSource: fromHeadline !== null ? 'headline' : progress !== null ? 'checklist' : null,
      headline: headline === null ? null : clean(headline),
      checklist: { done, total },
      errors: findings.filter((f) => f.severity === 'error').length,
      warnings: findings.filter((f) => f.severity === 'warning').length,
      overdue: overdue.length,
      claimsChecked: checked,
      claimsWrong: doc.claims.filter((c) => verdictOf(c) === 'wrong').length,
    });
    for (const f of overdue) {
      const claim = claimAt(doc, f);
      milestones.push({
        path, uri, line: f.line, rule: f.rule,
        name: clean(claim?.subject || `Line ${f.line}`),
        due: f.stale!.due, daysOverdue: f.stale!.daysOverdue,
        status: f.stale!.statusText === null ? null : clean(f.stale!.statusText),
      });
    }
    for (const c of doc.claims) {
      if (c.kind !== 'change' || c.unchecked !== null) continue;
      const before = c.evidence.find((e) => e.role === 'before')?.quantity;
      const after = c.evidence.find((e) => e.role === 'after')?.quantity;
      if (!before || !after || !Number.isFinite(before.value) || !Number.isFinite(after.value) || before.value < 0 || after.value < 0) continue;
      if (changes.length >= MAX_CHANGES) { changesLeftOut++; continue; }
      const percent = before.unit === '%' && after.unit === '%' && before.value <= 100 && after.value <= 100;
      changes.push({
        path, uri, line: c.statement.line,
        subject: changeSubject(doc, c),
        before: before.value, after: after.value,
        unit: after.unit ?? before.unit,
        text: String(c.data.text ?? c.stated?.text ?? ''),
        scale: percent ? 100 : Math.max(before.value, after.value, 1e-9),
        verdict: verdictOf(c),
      });
    }
  }
  milestones.sort((a, b) => b.daysOverdue - a.daysOverdue || a.path.localeCompare(b.path) || a.line - b.line);
  const sum = (k: 'errors' | 'warnings' | 'overdue' | 'claimsChecked' | 'claimsWrong') => documents.reduce((n, d) => n + d[k], 0);
  return {
    today,
    totals: { documents: documents.length, errors: sum('errors'), warnings: sum('warnings'), overdue: sum('overdue'), claimsChecked: sum('claimsChecked'), claimsWrong: sum('claimsWrong') },
    documents, milestones, changes, changesLeftOut,
    skipped: [...skipped],
  };
}

// ------------------------------------------------------------------ the exported report

export { GENERATED_REPORT_MARKER };

/** A table cell: pipes, backslashes and line breaks cannot stand in one as they are. */
function cell(s: string): string {
  return s.replace(/\\/g, '\\\\').replace(/\|/g, '\\|').replace(/[\r\n]+/g, ' ').replace(/([`*_[\]<>])/g, '\\$1');
}

function progressCell(d: OverviewDocument): string {
  if (d.progress === null) return '—';
  return d.progressSource === 'headline' && d.headline ? cell(d.headline) : `${d.progress}%`;
}

export interface StatusReportFinding { path: string; line: number; severity: string; rule: string; message: string }

/**
 * The status report as GitHub-flavoured markdown: the marker line, a pipe table with one row per
 * document and a total row, the overdue milestones, score changes stated wrong, then every
 * problem under its document's heading and the skipped files.
 */
export function formatStatusReport(data: OverviewData, findings: readonly StatusReportFinding[] = []): string {
  const t = data.totals;
  const out: string[] = [GENERATED_REPORT_MARKER, '', `# Status report — ${data.today}`, ''];
  out.push(`${t.documents} document(s): ${t.errors} error(s), ${t.warnings} warning(s), ${t.overdue} overdue milestone(s); ${t.claimsChecked} claim(s) checked, ${t.claimsWrong} wrong.`, '');
  if (data.documents.length) {
    out.push(
      '| Document | Title | Status | Progress | Checklist | Errors | Warnings | Overdue | Claims checked | Claims wrong |',
      '| --- | --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |',
    );
    for (const d of data.documents) {
      const checklist = d.checklist.total ? `${d.checklist.done}/${d.checklist.total}` : '—';
      out.push(`| ${cell(d.path)} | ${cell(d.title ?? '—')} | ${d.status ?? '—'} | ${progressCell(d)} | ${checklist} | ${d.errors} | ${d.warnings} | ${d.overdue} | ${d.claimsChecked} | ${d.claimsWrong} |`);
    }
    out.push(`| **Total** | | | | | **${t.errors}** | **${t.warnings}** | **${t.overdue}** | **${t.claimsChecked}** | **${t.claimsWrong}** |`, '');
  } else {
    out.push('No status documents were checked.', '');
  }
  if (data.milestones.length) {
    out.push('## Overdue milestones', '', '| Document | Line | Milestone | Due | Days overdue | Status |', '| --- | ---: | --- | --- | ---: | --- |');
    for (const m of data.milestones) out.push(`| ${cell(m.path)} | ${m.line} | ${cell(m.name)} | ${m.due} | ${m.daysOverdue} | ${cell(m.status ?? '—')} |`);
    out.push('');
  }
  const wrong = data.changes.filter((c) => c.verdict === 'wrong');
  if (wrong.length) {
    out.push('## Score changes stated wrong', '', '| Document | Line | Subject | Before | After | Stated |', '| --- | ---: | --- | ---: | ---: | --- |');
    for (const c of wrong) out.push(`| ${cell(c.path)} | ${c.line} | ${cell(c.subject)} | ${c.before} | ${c.after} | ${cell(c.text)} |`);
    out.push('');
  }
  const byPath = new Map<string, StatusReportFinding[]>();
  for (const f of findings) append(byPath, f.path, f);
  if (byPath.size) {
    for (const [path, list] of byPath) {
      out.push(`## ${cell(path)}`, '');
      for (const f of list) out.push(`- line ${f.line}, ${f.severity}: ${cell(f.message)} (\`${f.rule}\`)`);
      out.push('');
    }
  }
  if (data.skipped.length) {
    out.push('## Skipped', '');
    for (const s of data.skipped) out.push(`- ${cell(s.path)}: ${cell(s.reason)}`);
    out.push('');
  }
  return out.join('\n');
}
