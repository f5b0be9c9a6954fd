/** The ordered registry of rules. Order is the order of the README's table and of SARIF's rule list. */
import { countMismatch } from './count-mismatch';
import { deltaMismatch } from './delta-mismatch';
import { factorMismatch } from './factor-mismatch';
import { headlineMismatch } from './headline-mismatch';
import { mojibake } from './mojibake';
import { percentRange } from './percent-range';
import { ratioMismatch } from './ratio-mismatch';
import { staleDocument } from './stale-document';
import { staleMilestone } from './stale-milestone';
import { staleSprint } from './stale-sprint';
import { statusMismatch } from './status-mismatch';
import { totalMismatch } from './total-mismatch';
import type { Rule } from './types';
import { undatedMilestone } from './undated-milestone';
import { weekdayMismatch } from './weekday-mismatch';

export const RULES: readonly Rule[] = [
  deltaMismatch,
  ratioMismatch,
  totalMismatch,
  countMismatch,
  factorMismatch,
  headlineMismatch,
  statusMismatch,
  percentRange,
  staleMilestone,
  staleSprint,
  staleDocument,
  undatedMilestone,
  weekdayMismatch,
  mojibake,
];

export const RULE_IDS: readonly string[] = RULES.map((r) => r.id);

export function getRule(id: string): Rule | undefined {
  return RULES.find((r) => r.id === id);
}

/** The README heading anchor that documents a rule; hosts add the README's location. */
export function ruleDocsAnchor(id: string): string {
  return `rule-${id}`;
}
