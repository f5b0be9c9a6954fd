/**
 * The public API of the core. Pure: no `vscode`, no file system, no clock — the hosts pass
 * the text, the configuration and "today".
 */
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
}

export interface CheckResult {
  doc: StatusDoc;
  findings: Finding[];
  /** What the rules decided about each of `doc.claims`, by claim id. */
  verdicts: ClaimVerdict[];
}

/** Parses, builds the model and runs every enabled rule. */
export function check(text: string, options: CheckOptions): CheckResult {
  const config = options.config ?? DEFAULT_CONFIG;
  const doc = analyze(text, { statusWords: config.statusWords });
  const { findings, verdicts } = evaluate(doc, text, new LineIndex(text), { today: options.today, config, reportUnusedDisables: options.reportUnusedDisables });
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
export { applyFixes } from './fix';
