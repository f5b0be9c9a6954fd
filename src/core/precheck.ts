/**
 * A cheap pre-check, no parse: does this markdown look like a status document? The hosts run
 * the full analysis only on documents it accepts (the CLI checks every file with `--all`), so
 * it must accept every document on which a rule can find something, and reject ordinary
 * READMEs, changelogs and notes quickly.
 *
 * Each signal is one regular expression over the whole text; the first that matches answers.
 * `test/unit/precheck.test.ts` proves on every document we have (fixtures, eval documents,
 * corpus, labeled sets, seeds, the generated bench workspace) that each document with a
 * finding is accepted.
 */

// `(?=([ \t]*))\1` takes a whitespace run whole, as a possessive quantifier would: adjacent
// runs (`[ \t]*%?[ \t]*`) otherwise retry every split of a long run, quadratic in its length.

/** `- [ ] task`, `* [x] done`, `1. [X] step`. */
const TASK_ITEM = /^[ \t]{0,12}(?:[-*+]|\d{1,9}[.)])[ \t]+\[[ xX]\][ \t]/m;

/** Field names written plain or bold: a status, a progress, a phase or a due date. */
const FIELD_NAMES = ['status', 'progress', 'completion', 'phase', 'sprint', 'milestone', 'due', 'due date', 'target date', 'eta', 'deadline'];
/**
 * Field names that count only in bold (`**Date:**`): dates and the other languages' fields,
 * which READMEs and code samples also write plain (`data:`, `Updated:`).
 */
const BOLD_FIELD_NAMES = [
  ...FIELD_NAMES, 'state', 'date', 'last updated', 'updated', 'last update', 'end date', 'start date',
  // pt, es, fr, it, de, ru, uk, zh, ja, ko
  'estado', 'estatus', 'situação', 'progresso', 'progreso', 'avance', 'fase', 'prazo', 'data', 'fecha', 'última atualização', 'atualizado em', 'última actualización', 'actualizado',
  'statut', 'avancement', 'état', 'échéance', 'mis à jour', 'dernière mise à jour',
  'stato', 'avanzamento', 'scadenza', 'aggiornato', 'ultimo aggiornamento',
  'stand', 'fortschritt', 'fällig', 'datum', 'zuletzt aktualisiert', 'aktualisiert', 'termin', 'frist',
  'статус', 'состояние', 'прогресс', 'срок', 'дата', 'обновлено', 'дата начала', 'дата окончания', 'стан', 'оновлено',
  '状态', '狀態', '进度', '進度', '日期', '更新', 'ステータス', '進捗', '状況', '期限', '상태', '진행률', '마감',
];
const alternatives = (names: string[]) => names.map((s) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/ /g, '[ \\t]+')).join('|');
/** A field line: `**Status**: …`, `- Progress: …`, `> Phase: …`. */
const STATUS_FIELD = new RegExp(
  `^(?=([ \\t>]*))\\1(?:[-*+](?=([ \\t]+))\\2)?(?:\\*\\*|__)?[ \\t]*(?:overall[ \\t]+)?(?:${alternatives(FIELD_NAMES)})(?=([ \\t]*))\\3(?::[ \\t]*(?:\\*\\*|__)|(?:\\*\\*|__)?[ \\t]*:)`,
  'im',
);
/** A bold field at a line's start: `**Date:** …`, `**Статус:** …`, `- **Last Updated**: …`. */
const BOLD_FIELD = new RegExp(
  `^[ \\t>]{0,8}(?:[-*+][ \\t]{1,4})?(?:\\*\\*|__)(?:overall[ \\t]+)?(?:${alternatives(BOLD_FIELD_NAMES)})[ \\t]{0,4}(?::[ \\t]{0,4}(?:\\*\\*|__)|(?:\\*\\*|__)[ \\t]{0,4}[:：]|[：](?:\\*\\*|__))`,
  'im',
);
/** A bold status inside a line or a table cell (`| | **Status: Shipped** |`). */
const INLINE_STATUS = /(?:\*\*|__)(?:status|progress|completion)[ \t]{0,4}:/i;
/** A heading that names a sprint, phase, milestone or week by number (`## Sprint 2: …`). */
const PLAN_HEADING = /^#{1,6}[ \t]+(?:sprint|phase|milestone|iteration|stage|week|wave|fase|etapa|phase|этап|спринт)[ \t]+\d/im;
/** A number moving to another (`40% → 65%`, `12 -> 18`). */
const PROGRESS_ARROW = /\d(?=([ \t]*))\1%?(?=([ \t]*))\2(?:→|->|⟶|=>)[ \t]*\d/;
/** Status emoji and words (English; other languages are caught by their emoji, fields and columns). */
const STATUS_WORD_SOURCE = '(?:✅|☑️|✔️|🚧|⏳|⌛|📋|🔄|🔜|⏸️|❌|🔴|🟡|🟢|🟠|⚠️|\\b(?:done|complete(?:d)?|in[ \\t]progress|blocked|at[ \\t]risk|planned|on[ \\t]track|not[ \\t]started|pending|delayed|overdue|todo|tbd|wip)\\b)';
const PERCENT_SOURCE = '\\b\\d{1,3}(?:[.,]\\d+)?[ \\t]?%';
const DATE_SOURCE = '(?:\\b\\d{4}-\\d{1,2}-\\d{1,2}\\b|\\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\\.?[ \\t]+\\d{1,2}\\b|\\bQ[1-4][ \\t]+\\d{4}\\b)';
/** A percentage or a date and a status word on one line (a tracker row, a milestone row). */
const STATUS_ROW = new RegExp(`(?:${PERCENT_SOURCE}|${DATE_SOURCE})[^\\n]{0,200}?${STATUS_WORD_SOURCE}|${STATUS_WORD_SOURCE}[^\\n]{0,200}?(?:${PERCENT_SOURCE}|${DATE_SOURCE})`, 'i');
/** A status emoji leading a list item or a heading (`- ⏳ detect`, `## Phase 2 ✅`). */
const STATUS_MARK = /^[ \t]{0,12}(?:[-*+]|\d{1,9}[.)]|#{1,6})[ \t]+[^\n]{0,120}?(?:✅|🚧|⏳|📋|🔄|❌)/m;
/**
 * A table header cell that names a computed or tracked column (Change, Weight, Progress,
 * Status, …), or a summary row (`| **Total** |`, `| Average |`).
 */
const TABLE_COLUMN = /^[ \t]{0,3}\|[^\r\n]*?\|(?=([ \t]*))\1(?:\*\*)?(?:change|δ|diff|difference|speed-?up|improvement|gain|weight|weighted(?:[ \t]+score)?|contribution|progress|completion|complete|done|status|estado|statut|stato|статус|fortschritt|avancement|progresso|progreso|avanzamento|прогресс|variação|variación|cambio|änderung|veränderung|évolution|изменение|target|due|deadline|prazo|fällig|срок|fecha|échéance)(?:[ \t]*\([^)\n]{0,20}\))?(?:\*\*)?[ \t]*\|/im;
const TOTAL_ROW = /^[ \t]{0,3}\|(?=([ \t]*))\1(?:(?:\*\*|__)(?=([ \t]*))\2)?(?:total|sum|overall|average|mean|subtotal|gesamt|summe|durchschnitt|média|media|promedio|moyenne|итого|всего|среднее|合计|总计|平均)\b/im;
/** A count in a heading or lead-in (`## Files Changed (11 total)`, `### Backend (4 items)`, `- 3 packages`). */
const HEADING_LINE = /^#{1,6}[ \t][^\r\n]*/gm;
const PAREN_COUNT = /\(\d{1,6}[ \t]*\p{L}[^()\r\n]{0,30}\)/u;
const DASH_COUNT = /[ \t][-–—:][ \t]*\d{1,6}[ \t]+\p{L}+[ \t]*$/u;
const BOLD_COUNT = /^(?:\*\*|__)[^\n*_()]{1,80}\(\d{1,6}[ \t]*\p{L}[^()\n]{0,30}\)[ \t]*:?(?:\*\*|__)/mu;
/** A count in a heading (`## Files Changed (11 total)`, `### Backend - 4 items`) or a bold lead-in: one heading line at a time. */
function hasCountHeading(text: string): boolean {
  if (BOLD_COUNT.test(text)) return true;
  for (const m of text.matchAll(HEADING_LINE)) if (PAREN_COUNT.test(m[0]) || DASH_COUNT.test(m[0])) return true;
  return false;
}
/** A count with the items it counts in parentheses (`3 kinds of report (daily, weekly)`). */
const COUNT_LIST = /\b\d{1,6}[ \t]+\p{L}{2,}(?:[ \t]+\p{L}{1,}){0,3}[ \t]*\([^()\n,\d#]{1,40},[^()\n\d#]{1,120}\)/u;
/** A ratio with its percentage (`12 of 16 (80%)`, `14 из 20 тестов (75%)`, `8/10（90%）`). */
const RATIO = /\d[ \t]*(?:\/|\bof\b|\bde\b|\bvon\b|\bsur\b|\bdi\b|\bsu\b|из)[ \t]*\d[^\n]{0,60}?\d[ \t]?%/i;
/** A stated change in parentheses after a percentage (`from 6,5% to 2,5% (-3 points)`). */
const CHANGE = /%[^\n]{0,80}?[(（][ \t]*[+\-−±][ \t]?\d/;
/**
 * A weekday written next to a date (`Friday, 2026-05-14`, `Tue, Oct 7`, `2025-10-13 (Mon)`,
 * `3月1日（星期一）`); not the `Thu, 13 Nov 2025 10:00:00 GMT` of HTTP headers.
 */
const WEEKDAY_DATE = /\b(?:mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun)(?:day|nesday|sday|rsday|urday)?\b[.,]?[ \t]{0,3}(?:\d{4}-|(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\b)|\d[ \t]*\((?:mon|tue|wed|thu|fri|sat|sun)[a-z]*\.?\)|(?:lunes|martes|miércoles|jueves|viernes|sábado|domingo|montag|dienstag|mittwoch|donnerstag|freitag|samstag|sonntag|lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche|segunda-feira|terça-feira|quarta-feira|quinta-feira|sexta-feira|понедельник|вторник|сред[ау]|четверг|пятниц[ау]|суббот[ау]|воскресенье)[,.]?[ \t]{0,3}(?:de[ \t]+)?\d|\d[ \t]*\((?:seg|ter|qua|qui|sex|sáb|dom|lun|mar|mié|jue|vie)\.?\)|日[ \t]*[（(]?(?:星期|周|週)[一二三四五六日天]|日[（(][月火水木金土日][)）]/i;
/** Text damaged by a cp1252/latin-1 misreading of UTF-8 (`âœ…`, `Ã©`). */
const MOJIBAKE = /â€|âœ|Ã[\u0080-\u00bf]|ðŸ/;

/**
 * The first line of a report the tools write (Export Report): such a document is the tools'
 * own output, never checked again (it repeats every number it reports on).
 */
export const GENERATED_REPORT_MARKER = '<!-- status-docs: generated report, not checked -->';

/** Whether the text starts (after a byte order mark and blank lines) with the generated-report marker. */
export function isGeneratedReport(text: string): boolean {
  return /^\uFEFF?\s*<!--\s*status-docs:\s*generated report\b/.test(text.slice(0, 200));
}

/** Dates that may name no calendar day (`2026-02-30`, `Aug 65, 2026`), checked one by one below. */
const ISO_DAY = /\b(\d{4})[-/](\d{1,2})[-/](\d{1,2})\b/g;
const MONTH_DAY = /\b(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]{0,6}\.?[ \t]{1,3}(\d{1,2})\b(?:(?:st|nd|rd|th)?,?[ \t]{1,3}(\d{4})\b)?|\b(\d{1,2})(?:st|nd|rd|th)?[ \t]{1,3}(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]{0,6}\b(?:,?[ \t]{1,3}(\d{4})\b)?/gi;
const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
/** Days in month `m` (1-12) of year `y` (a leap year when not written). */
const daysIn = (y: number, m: number) => (m === 2 ? (y % 4 === 0 && (y % 100 !== 0 || y % 400 === 0) ? 29 : 28) : [4, 6, 9, 11].includes(m) ? 30 : 31);

/** A date that names no calendar day: the weekday rule reports it in any document. */
function hasInvalidDate(text: string): boolean {
  for (const m of text.matchAll(ISO_DAY)) {
    const month = Number(m[2]);
    const day = Number(m[3]);
    // A month over 12 is not read as a date at all.
    if (month >= 1 && month <= 12 && day >= 1 && day > daysIn(Number(m[1]), month)) return true;
    if (month >= 1 && month <= 12 && day === 0) return true;
  }
  for (const m of text.matchAll(MONTH_DAY)) {
    const month = MONTHS.indexOf((m[1] ?? m[5]!).toLowerCase()) + 1;
    const day = Number(m[2] ?? m[4]);
    if (day > daysIn(Number(m[3] ?? m[6] ?? 2024), month)) return true;
  }
  return false;
}

const SIGNALS = [TASK_ITEM, STATUS_FIELD, BOLD_FIELD, INLINE_STATUS, PLAN_HEADING, PROGRESS_ARROW, STATUS_ROW, STATUS_MARK, TABLE_COLUMN, TOTAL_ROW, COUNT_LIST, RATIO, CHANGE, WEEKDAY_DATE, MOJIBAKE];

export function looksLikeStatusDocument(text: string): boolean {
  if (isGeneratedReport(text)) return false;
  for (const re of SIGNALS) if (re.test(text)) return true;
  return hasCountHeading(text) || hasInvalidDate(text);
}
