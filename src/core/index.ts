/**
 * The public API of the core. Pure: no `vscode`, no file system, no clock — the hosts pass
 * the text, the configuration and "today".
 */
import { budgetCheck, stripBom } from './budget';
import { DEFAULT_CONFIG, type Config } from './config';
import type { Finding } from './findings';
import { analyze } from './model/analyze';
import { LineIndex } from './model/positions';
import type { ClaimVerdict, StatusDoc } from './model/schema';
import { evaluate } from './runner';

export interface CheckOptions {
  /** `YYYY-MM-DD`. */
  today: string;
  config?: Config;
  /** Report suppression comments that silence nothing (`unused-disable` warnings). */
  reportUnusedDisables?: boolean;
  /**
   * A clock in milliseconds, passed by the host (the core reads none). With it, analysis that
   * takes longer than `config.maxAnalysisMs` stops with `AnalysisStopped`, checked between steps.
   */
  now?: () => number;
}

export interface CheckResult {
  doc: StatusDoc;
  findings: Finding[];
  /** What the rules decided about each of `doc.claims`, by claim id. */
  verdicts: ClaimVerdict[];
}

/**
 * Parses, builds the model and runs every enabled rule. A leading byte order mark is dropped
 * first, so positions are those an editor shows.
 */
export function check(input: string, options: CheckOptions): CheckResult {
  const text = stripBom(input);
  const config = options.config ?? DEFAULT_CONFIG;
  const stopIfLate = budgetCheck(config.maxAnalysisMs, options.now);
  const doc = analyze(text, { statusWords: config.statusWords });
  stopIfLate();
  const { findings, verdicts } = evaluate(doc, text, new LineIndex(text), { today: options.today, config, stopIfLate, reportUnusedDisables: options.reportUnusedDisables });
  return { doc, findings, verdicts };
}

export { analyze } from './model/analyze';
export * from './model/schema';
export * from './findings';
export * from './config';
export { RULES, RULE_IDS, getRule, ruleDocsAnchor } from './rules/index';
export type { Rule, RuleContext, RuleReport } from './rules/types';
export { evaluate, runRules, INTERNAL_RULE_ID, UNUSED_DISABLE_RULE_ID, type Evaluation } from './runner';
export { applySuppressions } from './suppress';
export { disableLineComment, disableNextLineComment } from './grammar/suppressions';
export { LineIndex } from './model/positions';
export { applyFixes, applyEdits, FIX_ALL, fixToFixedPoint, MAX_FIX_PASSES, planFixes, selectFixes, type FixOptions, type FixResult, type FixSelection, type Plan } from './fixes';
export { diffLines, splitLines, textEdits, unifiedDiff, type DiffOp } from './diff';
export { AnalysisStopped, analysisStoppedReason, stripBom } from './budget';
export { decodeText, type DecodeResult } from './decode';
export { configFileCandidates, parseProjectConfig, PROJECT_CONFIG_FILES, projectConfigJsonSchema, type ProjectConfig, type ProjectConfigIssue } from './projectConfig';
