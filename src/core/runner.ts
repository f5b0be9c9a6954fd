/**
 * Runs the registry over a model: stamps rule id and configured severity, validates what rules
 * report, sorts findings, and turns a rule's exception into a finding instead of losing the rest.
 */
import { AnalysisStopped } from './budget';
import type { Config } from './config';
import { FindingSchema, type Finding, type Severity } from './findings';
import type { LineIndex } from './model/positions';
import type { Range, StatusDoc } from './model/schema';
import { RULES } from './rules/index';
import type { Rule, RuleContext, RuleReport } from './rules/types';

export const INTERNAL_RULE_ID = 'internal-error';

export interface RunOptions {
  today: string;
  config: Config;
  rules?: readonly Rule[];
  /** Called before each rule; throws `AnalysisStopped` when the time budget is spent. */
  stopIfLate?: () => void;
}

const loc = (r: Range) => ({ line: r.line, column: r.column, endLine: r.endLine, endColumn: r.endColumn });

export function severityOf(rule: Rule, config: Config): Severity | 'off' {
  return config.rules[rule.id] ?? rule.defaultSeverity;
}

export function runRules(doc: StatusDoc, text: string, lines: LineIndex, options: RunOptions): Finding[] {
  const findings: Finding[] = [];
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
    };
    const ctx: RuleContext = Object.freeze({ doc, text, lines, today: options.today, config: options.config, report });
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
  return sortFindings(findings);
}

export function sortFindings(findings: Finding[]): Finding[] {
  return findings.sort((a, b) => a.line - b.line || a.column - b.column || a.rule.localeCompare(b.rule) || a.endLine - b.endLine || a.endColumn - b.endColumn);
}
