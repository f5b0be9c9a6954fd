/**
 * How a stale item is marked done in the author's own style: which characters state its status
 * on the line (the whole table cell, else the emoji or word and the status words after it), and
 * the text that replaces them (`✅ Done`, `done`, `DONE`, a ticked box). Used by the `milestone`
 * and `sprint` claims, whose rules offer "Mark as done".
 */

/** Status words that may follow the status mention on its line (`🚧` + ` In Progress`). */
export const OPEN_WORDS = /^\uFE0F?[ \t]{0,3}(?:in[ -]progress|in[ -]review|not[ -]started|planned|blocked|at[ -]risk|on[ -]hold|pending|ongoing|open|to[ -]?do|wip|started|delayed)\b/i;
/** A table row: the status then fills the cell. */
const TABLE_ROW = /^[ \t]{0,3}\|/;
const EMOJI = /\p{Extended_Pictographic}/u;
const EMOJI_PARTS = /[\p{Extended_Pictographic}\uFE0F\u200D]/gu;
const OPEN_BOX = /^\[ \]$/;

/**
 * The span that states an item's status on its line, 0-based columns of `line`: the whole table
 * cell (trimmed) when the status sits in one, else the mention `[start, end)` plus the status
 * words right after it.
 */
export function statusSpan(line: string, start: number, end: number): [number, number] {
  if (TABLE_ROW.test(line)) {
    const left = line.lastIndexOf('|', start - 1);
    const right = line.indexOf('|', end);
    if (left >= 0 && right >= 0) {
      const cell = line.slice(left + 1, right);
      const lead = cell.length - cell.trimStart().length;
      return [left + 1 + lead, left + 1 + cell.trimEnd().length];
    }
  }
  const more = OPEN_WORDS.exec(line.slice(end));
  return [start, more ? end + more[0].length : end];
}

/** The text that replaces a stale item's status: keeps its style (emoji, word, capitals); a task item's box is ticked. */
export function doneText(statusText: string): string {
  if (OPEN_BOX.test(statusText.trim())) return '[x]';
  const hasEmoji = EMOJI.test(statusText);
  const words = statusText.replace(EMOJI_PARTS, '').trim();
  const word = words === '' ? '' : words === words.toUpperCase() && /[A-Z]/.test(words) ? 'DONE' : /^[a-z]/.test(words) ? 'done' : 'Done';
  return [hasEmoji ? '✅' : '', word].filter(Boolean).join(' ') || 'Done';
}
