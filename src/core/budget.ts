/**
 * The time budget of one document's analysis. The core has no clock: a host that wants a
 * budget passes one (`CheckOptions.now`), and the analysis checks it between its steps (after
 * the model is built, before each rule). A step that runs away is not interrupted here: the CLI
 * runs each analysis in a worker thread it can terminate.
 */

/** Thrown by `check` when `config.maxAnalysisMs` has passed; hosts list the document as skipped. */
export class AnalysisStopped extends Error {
  constructor(readonly ms: number) {
    super(analysisStoppedReason(ms));
    this.name = 'AnalysisStopped';
  }
}

/** The reason every host shows for a document whose analysis ran out of time. */
export function analysisStoppedReason(ms: number): string {
  return `analysis stopped after ${ms} ms`;
}

/** A function that throws `AnalysisStopped` once `ms` have passed on `now` (a no-op without a clock). */
export function budgetCheck(ms: number, now: (() => number) | undefined): () => void {
  if (!now) return () => {};
  const end = now() + ms;
  return () => {
    if (now() > end) throw new AnalysisStopped(ms);
  };
}

/** `text` without a leading byte order mark (U+FEFF), which editors do not show as a column. */
export function stripBom(text: string): string {
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}
