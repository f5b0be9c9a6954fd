/** Wording shared by the rules' messages: lead with the fact, name the subject, then the arithmetic. */

/** At most this many characters of a subject (a heading, a row name, a milestone line) in a message. */
const MAX_SUBJECT = 60;

/** A subject as a message names it: trimmed, list markers and emphasis stars left out, cut at a word. */
export function subjectOf(subject: string | null | undefined): string {
  let s = (subject ?? '').trim();
  let start = 0;
  while (start < s.length && (s[start] === '-' || s[start] === '*' || s[start] === '_' || s[start] === '#' || s[start] === ' ')) start++;
  let end = s.length;
  while (end > start && (s[end - 1] === '*' || s[end - 1] === '_' || s[end - 1] === ' ' || s[end - 1] === ':')) end--;
  s = s.slice(start, end).split('**').join('');
  for (const box of ['[ ] ', '[x] ', '[X] ']) if (s.startsWith(box)) s = s.slice(box.length).trim();
  if (s.length > 1 && s.startsWith('"') && s.endsWith('"')) s = s.slice(1, -1);
  if (s.length <= MAX_SUBJECT) return s;
  const cut = s.lastIndexOf(' ', MAX_SUBJECT);
  return `${s.slice(0, cut > MAX_SUBJECT / 2 ? cut : MAX_SUBJECT)}…`;
}

/** The first letter in upper case (a message that starts with "the 3 files…"). */
export function capitalize(s: string): string {
  return s ? s[0]!.toUpperCase() + s.slice(1) : s;
}

/** `Ingest: ` when the claim names something other than its own numbers (`texts`), else nothing. */
export function named(subject: string | null | undefined, ...texts: string[]): string {
  const raw = (subject ?? '').trim();
  if (!raw || texts.some((t) => t.trim() && (raw.includes(t.trim()) || t.includes(raw)))) return '';
  const s = subjectOf(raw);
  return s ? `${s}: ` : '';
}

/** ` (73 − 55)` for plain arithmetic, `, as (170 − 210) ÷ 210 = -19.0%` for arithmetic with parentheses of its own. */
export function because(arithmetic: string): string {
  return arithmetic.includes('(') ? `, as ${arithmetic}` : ` (${arithmetic})`;
}

/** Whether a character is a letter of a cased script (`p` of `points`, `п` of `п.п.`). */
export function isLetter(c: string | undefined): boolean {
  return c !== undefined && c.toLowerCase() !== c.toUpperCase();
}

/** A row named by a number in its first column (`4`) reads `Row 4`. */
export function rowName(subject: string | null | undefined): string {
  const s = subjectOf(subject);
  return s && [...s].every((ch) => ch >= '0' && ch <= '9') ? `Row ${s}` : s;
}

/**
 * A subject without a closing parenthesis that only repeats what the message says next (its
 * date or status): `Sprint 3 (Nov 2-30, Projected)` is `Sprint 3` before "(due Nov 2-30)".
 */
export function withoutOwnParenthesis(subject: string, said: readonly string[]): string {
  const open = subject.lastIndexOf(' (');
  if (open <= 0 || !subject.endsWith(')')) return subject;
  const inner = subject.slice(open + 2, -1);
  return said.some((t) => t.trim() && inner.includes(t.trim())) ? subject.slice(0, open) : subject;
}
