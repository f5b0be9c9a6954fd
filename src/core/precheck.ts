/**
 * A cheap pre-check, no parse: does this markdown look like a status document? Task items,
 * progress numbers (`45%`, `7/13`, `40% → 65%`) or status fields (`**Status**: …`) anywhere
 * in the text. Used to keep READMEs and notes out of the Progress view before analysing them.
 */

/** `- [ ] task`, `* [x] done`, `1. [X] step`. */
const TASK_ITEM = /^[ \t]{0,12}(?:[-*+]|\d{1,9}[.)])[ \t]+\[[ xX]\][ \t]/m;
// `(?=([ \t]*))\1` takes a whitespace run whole, as a possessive quantifier would: adjacent
// runs (`[ \t]*%?[ \t]*`) otherwise retry every split of a long run, quadratic in its length.

/** A field line naming a status, a progress, a phase or a due date. */
const STATUS_FIELD = /^(?=([ \t>]*))\1(?:[-*+](?=([ \t]+))\2)?(?:\*\*|__)?[ \t]*(?:overall[ \t]+)?(?:status|progress|completion|phase|sprint|milestone|due(?:[ \t]+date)?|target[ \t]+date|eta|deadline)(?=([ \t]*))\3(?::[ \t]*(?:\*\*|__)|(?:\*\*|__)?[ \t]*:)/im;
/** A number moving to another (`40% → 65%`, `12 -> 18`). */
const PROGRESS_ARROW = /\d(?=([ \t]*))\1%?(?=([ \t]*))\2(?:→|->|⟶|=>)[ \t]*\d/;
/** A table row or line holding a percentage next to a status word or emoji. */
const STATUS_WORD = /(?:✅|🚧|⏳|❌|🔴|🟡|🟢|⚠️|\b(?:done|complete(?:d)?|in[ \t]progress|blocked|at[ \t]risk|planned|on[ \t]track)\b)/i;
const PERCENT = /\b\d{1,3}(?:\.\d+)?[ \t]?%/;

/**
 * The first line of a report the tools write (Export Report): such a document is the tools'
 * own output, never checked again (it repeats every number it reports on).
 */
export const GENERATED_REPORT_MARKER = '<!-- status-docs: generated report, not checked -->';

/** Whether the text starts (after a byte order mark and blank lines) with the generated-report marker. */
export function isGeneratedReport(text: string): boolean {
  return /^\uFEFF?\s*<!--\s*status-docs:\s*generated report\b/.test(text.slice(0, 200));
}

export function looksLikeStatusDocument(text: string): boolean {
  if (isGeneratedReport(text)) return false;
  if (TASK_ITEM.test(text) || STATUS_FIELD.test(text) || PROGRESS_ARROW.test(text)) return true;
  // A percentage and a status word on the same line (a tracker table row).
  let count = 0;
  for (const line of text.split('\n', 20_000)) {
    if (PERCENT.test(line) && STATUS_WORD.test(line) && ++count >= 1) return true;
  }
  return false;
}
