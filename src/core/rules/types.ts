/** The contract between a rule and the runner. A rule only reports; the runner stamps the rest. */
import type { Config } from '../config';
import type { Fix, Related, Severity, StaleInfo } from '../findings';
import type { Claim, ClaimKind, Range, StatusDoc } from '../model/schema';
import type { LineIndex } from '../model/positions';

export type RuleTag = 'arithmetic' | 'consistency' | 'time' | 'encoding' | 'structure';

export interface RuleReport {
  /** The narrowest range: the wrong number, the stale date, the damaged characters. */
  range: Range;
  message: string;
  related?: { range: Range; message: string }[];
  fix?: { title: string; edits: { range: Range; text: string }[]; preferred?: boolean };
  alternatives?: { title: string; edits: { range: Range; text: string }[] }[];
  stale?: Omit<StaleInfo, 'dateRange' | 'statusRange'> & { dateRange?: Range | null; statusRange?: Range | null };
  detail?: string;
  /** The claim this finding says is wrong (its verdict becomes `wrong`). */
  claim?: Claim;
}

export interface RuleContext {
  readonly doc: StatusDoc;
  readonly text: string;
  readonly lines: LineIndex;
  /** `YYYY-MM-DD`; time-based rules never read the clock. */
  readonly today: string;
  readonly config: Config;
  report(finding: RuleReport): void;
  /** The claims of the given kinds, in document order. */
  claims(...kinds: ClaimKind[]): readonly Claim[];
  /**
   * Records what the rule decided about a claim it looked at and did not report: `right`, or
   * `unchecked` with the reason (units differ, an approximation, an ambiguous pairing).
   */
  verdict(claim: Claim, verdict: 'right' | 'unchecked', reason?: string): void;
}

export interface Rule {
  /** Also the file name: `src/core/rules/<id>.ts`. */
  readonly id: string;
  /** One line, for the README, SARIF and the settings UI. */
  readonly description: string;
  readonly defaultSeverity: Severity;
  readonly tags: readonly RuleTag[];
  /** Whether findings can carry a fix. */
  readonly fixable: boolean;
  run(ctx: RuleContext): void;
}

export type { Related, Fix };
