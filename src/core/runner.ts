/**
 * Runs the registry over a model: stamps rule id and configured severity, validates what rules
 * report, sorts findings, and turns a rule's exception into a finding instead of losing the rest.
 */
import { AnalysisStopped } from './budget';
import type { Config } from './config';
import { FindingSchema, type Finding, type Severity } from './findings';
import type { LineIndex } from './model/positions';
import type { Claim, ClaimKind, ClaimVerdict, Range, StatusDoc } from './model/schema';
import { RULES } from './rules/index';
import type { Rule, RuleContext, RuleReport } from './rules/types';
import { foldEchoes } from './echoes';
import { applySuppressions } from './suppress';

import { INTERNAL_RULE_ID, UNUSED_DISABLE_RULE_ID } from './ids';

export { INTERNAL_RULE_ID, UNUSED_DISABLE_RULE_ID };

export interface RunOptions {
  today: string;
  config: Config;
  rules?: readonly Rule[];
  /** Report suppression comments that silence nothing, as `unused-disable` warnings. */
  reportUnusedDisables?: boolean;
  /** Called before each rule; throws `AnalysisStopped` when the time budget is spent. */
  stopIfLate?: () => void;
}


const loc = (r: Range) => ({ line: r.line, column: r.column, endLine: r.endLine, endColumn: r.endColumn });

export function severityOf(rule: Rule, config: Config): Severity | 'off' {
  return config.rules[rule.id] ?? rule.defaultSeverity;
}

export interface Evaluation {
  findings: Finding[];
  /** One verdict per claim of `doc.claims`, by claim id. */
  verdicts: ClaimVerdict[];
}

export function runRules(doc: StatusDoc, text: string, lines: LineIndex, options: RunOptions): Finding[] {
  return evaluate(doc, text, lines, options).findings;
}

/** Verdict precedence: a claim any rule found wrong is wrong; one found right stays right over unchecked. */
const RANK: Record<ClaimVerdict['verdict'], number> = { unchecked: 0, right: 1, wrong: 2 };

/** Runs the rules and collects what they decided about each claim. */
export function evaluate(doc: StatusDoc, text: string, lines: LineIndex, options: RunOptions): Evaluation {
  const findings: Finding[] = [];
  const verdicts: ClaimVerdict[] = doc.claims.map((c) => ({
    claim: c.id,
    verdict: 'unchecked',
    rule: null,
    reason: c.unchecked ?? 'no enabled rule checks this claim',
  }));
  const claimOf = new Map<Finding, Claim>();
  const byKind = new Map<ClaimKind, Claim[]>();
  for (const c of doc.claims) {
    const list = byKind.get(c.kind);
    if (list) list.push(c);
    else byKind.set(c.kind, [c]);
  }
  const claimsOf = (...kinds: ClaimKind[]): readonly Claim[] =>
    kinds.length === 1 ? byKind.get(kinds[0]!) ?? [] : doc.claims.filter((c) => kinds.includes(c.kind));
  const decide = (claim: Claim, verdict: ClaimVerdict['verdict'], rule: string, reason: string | null) => {
    const v = verdicts[claim.id];
    if (!v || doc.claims[claim.id] !== claim) return;
    if (RANK[verdict] < RANK[v.verdict] || (v.rule !== null && RANK[verdict] === RANK[v.verdict])) return;
    verdicts[claim.id] = { claim: claim.id, verdict, rule, reason };
  };
  for (const rule of options.rules ?? RULES) {
    const severity = severityOf(rule, options.config);
    if (severity === 'off') continue;
    options.stopIfLate?.();
    const report = (r: RuleReport) => {
      const finding: Finding = {
        rule: rule.id,
        severity,
        message: r.message,
        ...loc(r.range),
      };
      if (r.related?.length) finding.related = r.related.map((x) => ({ ...loc(x.range), message: x.message }));
      if (r.fix) {
        finding.fix = {
          title: r.fix.title,
          preferred: r.fix.preferred ?? true,
          edits: r.fix.edits.map((e) => ({ ...loc(e.range), text: e.text })),
        };
      }
      if (r.alternatives?.length) {
        finding.alternatives = r.alternatives.map((a) => ({ title: a.title, preferred: false, edits: a.edits.map((e) => ({ ...loc(e.range), text: e.text })) }));
      }
      if (r.stale) {
        finding.stale = {
          due: r.stale.due,
          daysOverdue: r.stale.daysOverdue,
          statusText: r.stale.statusText,
          dateRange: r.stale.dateRange ? loc(r.stale.dateRange) : null,
          statusRange: r.stale.statusRange ? loc(r.stale.statusRange) : null,
        };
      }
      if (r.detail) finding.detail = r.detail;
      const checked = FindingSchema.safeParse(finding);
      if (!checked.success) throw new Error(`invalid finding: ${checked.error.issues[0]?.message}`);
      findings.push(finding);
      if (r.claim) {
        decide(r.claim, 'wrong', rule.id, r.message);
        claimOf.set(finding, r.claim);
      }
    };
    const verdict = (claim: Claim, v: 'right' | 'unchecked', reason?: string) => {
      decide(claim, v, rule.id, v === 'unchecked' ? reason ?? 'not checked' : reason ?? null);
    };
    const ctx: RuleContext = Object.freeze({ doc, text, lines, today: options.today, config: options.config, report, claims: claimsOf, verdict });
    try {
      rule.run(ctx);
    } catch (error) {
      if (error instanceof AnalysisStopped) throw error;
      findings.push({
        rule: INTERNAL_RULE_ID,
        severity: 'warning',
        message: `Rule "${rule.id}" failed on this document and was skipped: ${error instanceof Error ? error.message : String(error)}`,
        line: 1, column: 1, endLine: 1, endColumn: 1,
      });
    }
  }
  const { kept: unfolded, suppressed, unused } = applySuppressions(findings, doc.suppressions);
  for (const f of suppressed) {
    const claim = claimOf.get(f);
    if (claim) verdicts[claim.id] = { claim: claim.id, verdict: 'unchecked', rule: f.rule, reason: 'silenced by a status-docs-disable comment' };
  }
  // One error, one finding: the same wrong number stated in several places is reported once, at its root.
  const { findings: kept, folds } = foldEchoes(unfolded, claimOf);
  for (const { root, rootClaim, echo } of folds) {
    verdicts[rootClaim.id] = { claim: rootClaim.id, verdict: 'wrong', rule: root.rule, reason: root.message };
    const claim = claimOf.get(echo);
    if (claim) verdicts[claim.id] = { claim: claim.id, verdict: 'wrong', rule: echo.rule, reason: `${echo.message} Reported with line ${root.line} (${root.rule}), which states the same number.` };
  }
  if (options.reportUnusedDisables) {
    for (const s of unused) {
      kept.push({
        rule: UNUSED_DISABLE_RULE_ID,
        severity: 'warning',
        message: `Unused suppression: no finding${s.rules.length ? ` of ${s.rules.join(', ')}` : ''} ${s.kind === 'file' ? 'in this document' : s.kind === 'next-line' ? 'on the next line' : s.kind === 'line' ? 'on this line' : 'below it'} to silence.`,
        ...loc(s.range),
        fix: { title: 'Remove the unused suppression comment', preferred: false, edits: [{ ...loc(s.range), text: '' }] },
      });
    }
  }
  return { findings: sortFindings(kept), verdicts };
}

export function sortFindings(findings: Finding[]): Finding[] {
  return findings.sort((a, b) => a.line - b.line || a.column - b.column || a.rule.localeCompare(b.rule) || a.endLine - b.endLine || a.endColumn - b.endColumn);
}
