/**
 * Dates as status documents write them. This file holds the date grammar; every form has
 * fixtures in `test/unit/dates.test.ts` and `test/unit/grammar/dates.test.ts`.
 *
 * Forms: ISO days (`2026-02-10`, `2026/02/10`), month names (`February 2, 2026`, `Feb 2`,
 * `2 February 2026`), an optional time after the day (`Oct 31, 2025 @ 12:00 UTC`), ranges
 * (`Oct 19-31, 2025`, `Nov 2-30`, `Oct 31 - Nov 2, 2025`, `2026-02-10 → 2026-02-18`), months
 * (`March 2026`), quarters (`Q2 2026`, due at the quarter's end), weeks relative to a start date
 * (`Week 1`, `Weeks 2-3`), and "no date" markers (`TBD`, `TBA`, a lone `—`). A weekday written
 * next to a date (`Friday, 2026-05-14`, `Feb 2 (Mon)`) is captured. Text that looks like a date
 * but names no calendar day (`2026-02-30`) is returned with `invalid` set and no `date`.
 *
 * Other languages: month names and abbreviations in Portuguese, Spanish, French, German, Italian,
 * Russian, Ukrainian and Arabic (`3 de novembro de 2025`, `1er mars 2026`, `15. März 2026`,
 * `22 декабря 2025`, `يناير 2025`), CJK days (`2026年3月1日`, `2026년 3월 1일`), and numeric days
 * (`03/11/2025`, `15.03.2026`) read day-first or month-first as the document decides
 * (`numericOrder`); a numeric day the document does not decide is not read.
 *
 * Every pattern is linear: repetitions are bounded and no two unbounded quantifiers overlap.
 */
import { addDays, isoDay, lastDayOfMonth } from '../model/calendar';
import { isLastUpdatedKey } from './documents';
import { detectLanguage } from '../model/language';
import { allMatches } from '../model/regex';

export { addDays, daysBetween, isoDay, weekdayLike, weekdayOf, WEEKDAY_NAMES } from '../model/calendar';

export type DateKind = 'day' | 'range' | 'month' | 'quarter' | 'week' | 'none';
/** How a document writes numeric days: `03/11/2025` is 3 November (`dmy`) or March 11 (`mdy`). */
export type NumericOrder = 'dmy' | 'mdy';

export interface RawDate {
  /** `YYYY-MM-DD` of the day meant (for ranges the last day), or null when none/invalid. */
  date: string | null;
  start: string | null;
  text: string;
  /** Offsets in the searched text. */
  index: number;
  length: number;
  weekday: number | null;
  /** Offsets of the weekday name when one is written next to the date. */
  weekdayIndex: number | null;
  weekdayLength: number | null;
  invalid: string | null;
  none: boolean;
  kind: DateKind;
}

export interface FindDatesOptions {
  /** Month (1-12) of the document's own date: a yearless January written in a December document is next year's. */
  defaultMonth?: number | null;
  /** `YYYY-MM-DD` that `Week 1` starts on; without it `Week N` is not a date. */
  weekStart?: string | null;
  /** How the document writes numeric days; without it only a day above 12 decides (`25/03/2026`). */
  numericOrder?: NumericOrder | null;
}

export const MONTHS: Record<string, number> = {
  jan: 1, january: 1, feb: 2, february: 2, mar: 3, march: 3, apr: 4, april: 4, may: 5, jun: 6, june: 6,
  jul: 7, july: 7, aug: 8, august: 8, sep: 9, sept: 9, september: 9, oct: 10, october: 10,
  nov: 11, november: 11, dec: 12, december: 12,
};

export const WEEKDAYS: Record<string, number> = {
  sun: 0, sunday: 0, mon: 1, monday: 1, tue: 2, tues: 2, tuesday: 2, wed: 3, wednesday: 3,
  thu: 4, thur: 4, thurs: 4, thursday: 4, fri: 5, friday: 5, sat: 6, saturday: 6,
};

/**
 * Month names and abbreviations of other languages (lower case; Russian and Ukrainian in the
 * genitive a day takes, `22 декабря`, and the nominative a month takes, `Март 2026`).
 */
export const FOREIGN_MONTHS: Record<string, number> = {
  // Portuguese
  janeiro: 1, fevereiro: 2, 'março': 3, marco: 3, abril: 4, maio: 5, junho: 6, julho: 7, agosto: 8, setembro: 9, outubro: 10, novembro: 11, dezembro: 12,
  fev: 2, abr: 4, mai: 5, ago: 8, set: 9, out: 10, dez: 12,
  // Spanish
  enero: 1, febrero: 2, marzo: 3, mayo: 5, junio: 6, julio: 7, septiembre: 9, setiembre: 9, octubre: 10, noviembre: 11, diciembre: 12,
  ene: 1, dic: 12,
  // French
  janvier: 1, 'février': 2, fevrier: 2, mars: 3, avril: 4, juin: 6, juillet: 7, 'août': 8, aout: 8, septembre: 9, octobre: 10, novembre: 11, 'décembre': 12, decembre: 12,
  janv: 1, 'févr': 2, avr: 4, juil: 7, sept: 9, 'déc': 12,
  // German
  januar: 1, 'jänner': 1, februar: 2, 'märz': 3, maerz: 3, juni: 6, juli: 7, oktober: 10, dezember: 12, 'mär': 3, okt: 10,
  // Italian
  gennaio: 1, febbraio: 2, aprile: 4, maggio: 5, giugno: 6, luglio: 7, settembre: 9, ottobre: 10, dicembre: 12, gen: 1, mag: 5, giu: 6, lug: 7, ott: 10,
  // Russian (genitive, nominative)
  'января': 1, 'февраля': 2, 'марта': 3, 'апреля': 4, 'мая': 5, 'июня': 6, 'июля': 7, 'августа': 8, 'сентября': 9, 'октября': 10, 'ноября': 11, 'декабря': 12,
  'январь': 1, 'февраль': 2, 'март': 3, 'апрель': 4, 'май': 5, 'июнь': 6, 'июль': 7, 'август': 8, 'сентябрь': 9, 'октябрь': 10, 'ноябрь': 11, 'декабрь': 12,
  // Ukrainian (genitive, nominative)
  'січня': 1, 'лютого': 2, 'березня': 3, 'квітня': 4, 'травня': 5, 'червня': 6, 'липня': 7, 'серпня': 8, 'вересня': 9, 'жовтня': 10, 'листопада': 11, 'грудня': 12,
  'січень': 1, 'лютий': 2, 'березень': 3, 'квітень': 4, 'травень': 5, 'червень': 6, 'липень': 7, 'серпень': 8, 'вересень': 9, 'жовтень': 10, 'листопад': 11, 'грудень': 12,
  // Arabic
  'يناير': 1, 'فبراير': 2, 'مارس': 3, 'أبريل': 4, 'ابريل': 4, 'مايو': 5, 'يونيو': 6, 'يوليو': 7, 'أغسطس': 8, 'سبتمبر': 9, 'أكتوبر': 10, 'نوفمبر': 11, 'ديسمبر': 12,
};
/** Foreign month words that are also common words: read only with a day and a year around them. */
const SHORT_FOREIGN = new Set(['fev', 'abr', 'mai', 'ago', 'set', 'out', 'dez', 'ene', 'dic', 'janv', 'févr', 'avr', 'juil', 'sept', 'déc', 'mär', 'okt', 'gen', 'mag', 'giu', 'lug', 'ott', 'mars']);

const escape = (w: string) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const FOREIGN = `(?:${Object.keys(FOREIGN_MONTHS).sort((a, b) => b.length - a.length).map(escape).join('|')})`;
const FOREIGN_FULL = `(?:${Object.keys(FOREIGN_MONTHS).filter((k) => !SHORT_FOREIGN.has(k)).sort((a, b) => b.length - a.length).map(escape).join('|')})`;

const MONTH = String.raw`(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)`;
const ORD = String.raw`(?:st|nd|rd|th)?`;
/** Spaces are bounded everywhere: a run of 100,000 spaces after `Feb 2` costs one look, not a search. */
const SP = String.raw`[ \t\u00a0]{1,3}`;
const OSP = String.raw`[ \t\u00a0]{0,3}`;
const DASH = String.raw`${OSP}(?:-|–|—|to|through|until|→|->|=>)${OSP}`;
const AMPM = String.raw`(?:${OSP}[ap]\.?m\.?)?`;
const ZONE = String.raw`(?:${OSP}(?:UTC|GMT|Z|[ECMP][SD]T|CES?T|BST|IST|JST|KST))?`;
const TIME = String.raw`(?:(?:${OSP}(?:@|at|,)${OSP}|${SP})\d{1,2}:\d{2}(?::\d{2})?${AMPM}(?:${OSP}(?:-|–)${OSP}\d{1,2}:\d{2}${AMPM})?${ZONE})?`;
const ISO_DAY = String.raw`(?<![\w.-])(\d{4})([-/])(\d{2})\2(\d{2})(?![\d])`;

type PatternKind = 'iso-range' | 'iso' | 'md-range2' | 'md-range' | 'md' | 'dm-range' | 'dm' | 'foreign-quarter' | 'cjk' | 'foreign-dm' | 'numeric' | 'month' | 'foreign-month' | 'quarter' | 'week' | 'none';

/** Quarter words of other languages, and the numbers a quarter is written with (`3º`, `III`, `第三`). */
const QUARTER_WORD = String.raw`(?:trimestre|quartal|квартал[а]?|kwartaal|trimestr[eu])`;
const QUARTER_NUMBER: Record<string, number> = { i: 1, ii: 2, iii: 3, iv: 4, '一': 1, '二': 2, '三': 3, '四': 4 };
export const quarterNumber = (q: string): number => QUARTER_NUMBER[q.toLowerCase()] ?? Number(q);

/** The patterns, most specific first; a later match never overlaps an earlier one. */
export const PATTERNS: { kind: PatternKind; re: RegExp }[] = [
  { kind: 'iso-range', re: new RegExp(String.raw`(?<![\w.-])(?<y1>\d{4})-(?<m1>\d{2})-(?<d1>\d{2})${DASH}(?<y2>\d{4})-(?<m2>\d{2})-(?<d2>\d{2})(?!\d)`, 'giu') },
  { kind: 'iso', re: new RegExp(String.raw`${ISO_DAY}(?:T\d{2}:\d{2}(?::\d{2}(?:\.\d{1,6})?)?(?:Z|[+-]\d{2}:?\d{2})?|${TIME})`, 'giu') },
  // `Oct 31 - Nov 2, 2025`, `October 31, 2025 – November 2, 2025`
  { kind: 'md-range2', re: new RegExp(String.raw`\b(?<m1>${MONTH})\.?${SP}(?<d1>\d{1,2})${ORD}(?:,?${SP}(?<y1>\d{4}))?${DASH}(?<m2>${MONTH})\.?${SP}(?<d2>\d{1,2})${ORD}(?:,?${SP}(?<y2>\d{4}))?(?![\d:])`, 'giu') },
  // `Oct 19-31, 2025`, `Nov 2-30`
  { kind: 'md-range', re: new RegExp(String.raw`\b(?<m1>${MONTH})\.?${SP}(?<d1>\d{1,2})${ORD}${OSP}(?:-|–|—)${OSP}(?<d2>\d{1,2})${ORD}(?:,?${SP}(?<y2>\d{4}))?(?![\d:%])`, 'giu') },
  // `February 2, 2026`, `Feb 2`, `Oct 31, 2025 @ 12:00 UTC`
  // (`May 1,000 users` is a count, not a date: a comma and a digit after the day is a thousands separator.)
  { kind: 'md', re: new RegExp(String.raw`\b(?<m1>${MONTH})\.?${SP}(?<d1>\d{1,2})${ORD}(?:(?:,${OSP}|${SP})(?<y1>\d{4})(?!\d))?(?![\d%]|[.,]\d)${TIME}`, 'giu') },
  // `2-5 February 2026`
  { kind: 'dm-range', re: new RegExp(String.raw`(?<![\w.])(?<d1>\d{1,2})${ORD}${OSP}(?:-|–)${OSP}(?<d2>\d{1,2})${ORD}${SP}(?<m1>${MONTH})\.?,?${SP}(?<y1>\d{4})\b`, 'giu') },
  // `2 February 2026`
  { kind: 'dm', re: new RegExp(String.raw`(?<![\w.])(?<d1>\d{1,2})${ORD}${SP}(?<m1>${MONTH})\.?,?${SP}(?<y1>\d{4})\b${TIME}`, 'giu') },
  // `3º trimestre de 2026`, `3. Quartal 2026`, `III квартал 2026`, `T3 2026`, `Q3/2026`, `2026年第三季度`, `2026年Q3`
  { kind: 'foreign-quarter', re: new RegExp(String.raw`(?<![\p{L}\p{N}.])(?:(?<q1>[1-4]|I{1,3}|IV)(?:º|°|o|er|e|\.)?${SP}${QUARTER_WORD}${SP}(?:de${SP}|del${SP})?(?<y1>\d{4})|[TQ](?<q2>[1-4])${OSP}[/-]?${OSP}(?<y2>\d{4}))(?!\d)|(?<y3>\d{4})${OSP}年${OSP}(?:第${OSP}(?<q3>[一二三四1-4])${OSP}季度?|Q(?<q4>[1-4]))`, 'giu') },
  // `2026年3月1日`, `2026年3月`, `2026년 3월 1일`
  { kind: 'cjk', re: /(?<!\d)(?<y1>\d{4})[ ]?(?:年|년)[ ]?(?<m1>\d{1,2})[ ]?(?:月|월)(?:[ ]?(?<d1>\d{1,2})[ ]?(?:日|号|號|일))?/gu },
  // `3 de novembro de 2025`, `1er mars 2026`, `15. März 2026`, `22 декабря 2025 г.`, `20 Nov. 2025`
  { kind: 'foreign-dm', re: new RegExp(String.raw`(?<![\p{L}\p{N}.])(?<d1>\d{1,2})(?:er|º|°|\.)?${SP}(?:de${SP})?(?<m1>${FOREIGN})(?![\p{L}])\.?,?${SP}(?:de${SP}|del${SP})?(?<y1>\d{4})(?!\d)(?:${OSP}(?:г\.|р\.))?${TIME}`, 'giu') },
  // `03/11/2025`, `15.03.2026`: read as the document writes them (see `numericOrder`).
  { kind: 'numeric', re: new RegExp(String.raw`(?<![\w./-])(?<a>\d{1,2})(?<sep>[/.])(?<b>\d{1,2})\k<sep>(?<y1>\d{4})(?![\d]|[./-]\d)${TIME}`, 'gu') },
  // `March 2026`
  { kind: 'month', re: new RegExp(String.raw`\b(?<m1>${MONTH})\.?,?${SP}(?<y1>\d{4})\b`, 'giu') },
  // `novembro de 2025`, `Март 2026`, `يناير 2025`
  { kind: 'foreign-month', re: new RegExp(String.raw`(?<![\p{L}])(?<m1>${FOREIGN_FULL})(?![\p{L}])${SP}(?:de${SP}|del${SP})?(?<y1>\d{4})(?!\d)`, 'giu') },
  // `Q2 2026`, `Q2-2026`, `2026 Q2`, `2026-Q2`
  { kind: 'quarter', re: /\b(?:Q(?<q1>[1-4])[\s-]?(?:FY)?(?<y1>\d{4})|(?<y2>\d{4})[\s-]?Q(?<q2>[1-4]))\b/gu },
  // `Week 1`, `Weeks 2-3`
  { kind: 'week', re: /\bweeks?[ \t]{1,3}(?<w1>\d{1,2})(?:[ \t]{0,3}(?:-|–)[ \t]{0,3}(?<w2>\d{1,2}))?\b/giu },
  { kind: 'none', re: /\b(?:TBD|TBA|TBC)\b/gu },
];

const WEEKDAY = String.raw`(?:mon(?:day)?|tue(?:s(?:day)?)?|wed(?:nesday)?|thu(?:r(?:s(?:day)?)?)?|fri(?:day)?|sat(?:urday)?|sun(?:day)?)\.?`;
/** `Mon-Fri`, `Tue/Thu`, `Mon to Wed`: the days of a span or a list, not the weekday of the date next to them. */
const WEEKDAY_JOIN = String.raw`${OSP}(?:-|–|—|/|&|\+|\bto\b|\bthrough\b|\band\b|\bor\b)${OSP}`;
const WEEKDAY_BEFORE = new RegExp(String.raw`(?<!\b${WEEKDAY}${WEEKDAY_JOIN})\b(${WEEKDAY}),?[ \t]{1,3}$`, 'iu');
const WEEKDAY_AFTER = new RegExp(String.raw`^(?:${OSP}\(${OSP}(${WEEKDAY})${OSP}\)|,${OSP}(${WEEKDAY})\b(?!${WEEKDAY_JOIN}${WEEKDAY}))`, 'iu');

/**
 * Weekday names of other languages, Sunday first, one list per way of writing them: a wrong
 * weekday is replaced from the list it was written from (`viernes` → `jueves`, `星期一` → `星期日`).
 */
export const FOREIGN_WEEKDAYS: Readonly<Record<string, readonly (readonly string[])[]>> = {
  es: [['domingo', 'lunes', 'martes', 'miércoles', 'jueves', 'viernes', 'sábado'], ['domingo', 'lunes', 'martes', 'miercoles', 'jueves', 'viernes', 'sabado']],
  pt: [['domingo', 'segunda-feira', 'terça-feira', 'quarta-feira', 'quinta-feira', 'sexta-feira', 'sábado'], ['domingo', 'segunda feira', 'terça feira', 'quarta feira', 'quinta feira', 'sexta feira', 'sábado']],
  fr: [['dimanche', 'lundi', 'mardi', 'mercredi', 'jeudi', 'vendredi', 'samedi']],
  de: [['Sonntag', 'Montag', 'Dienstag', 'Mittwoch', 'Donnerstag', 'Freitag', 'Samstag']],
  it: [['domenica', 'lunedì', 'martedì', 'mercoledì', 'giovedì', 'venerdì', 'sabato']],
  // Nominative (`пятница, 13 марта`) and the accusative of `в пятницу 13 марта`.
  ru: [['воскресенье', 'понедельник', 'вторник', 'среда', 'четверг', 'пятница', 'суббота'], ['воскресенье', 'понедельник', 'вторник', 'среду', 'четверг', 'пятницу', 'субботу']],
  uk: [['неділя', 'понеділок', 'вівторок', 'середа', 'четвер', 'пʼятниця', 'субота'], ['неділю', 'понеділок', 'вівторок', 'середу', 'четвер', 'пʼятницю', 'суботу']],
  zh: [['星期日', '星期一', '星期二', '星期三', '星期四', '星期五', '星期六'], ['周日', '周一', '周二', '周三', '周四', '周五', '周六'], ['週日', '週一', '週二', '週三', '週四', '週五', '週六'], ['礼拜日', '礼拜一', '礼拜二', '礼拜三', '礼拜四', '礼拜五', '礼拜六']],
  ja: [['日曜日', '月曜日', '火曜日', '水曜日', '木曜日', '金曜日', '土曜日']],
  ko: [['일요일', '월요일', '화요일', '수요일', '목요일', '금요일', '토요일']],
};
/** Short forms, read only in parentheses right after a date: `13/11/2026 (sex)`, `15.03.2026 (So)`, `3月1日(日)`. */
export const SHORT_WEEKDAYS: Readonly<Record<string, readonly string[]>> = {
  es: ['dom', 'lun', 'mar', 'mié', 'jue', 'vie', 'sáb'],
  pt: ['dom', 'seg', 'ter', 'qua', 'qui', 'sex', 'sáb'],
  fr: ['dim', 'lun', 'mar', 'mer', 'jeu', 'ven', 'sam'],
  de: ['So', 'Mo', 'Di', 'Mi', 'Do', 'Fr', 'Sa'],
  it: ['dom', 'lun', 'mar', 'mer', 'gio', 'ven', 'sab'],
  ru: ['вс', 'пн', 'вт', 'ср', 'чт', 'пт', 'сб'],
  ja: ['日', '月', '火', '水', '木', '金', '土'],
  ko: ['일', '월', '화', '수', '목', '금', '토'],
};
/** Other names of a day: `星期天` for Sunday (`星期日`), the apostrophe of `п'ятниця`. */
const WEEKDAY_VARIANTS: Readonly<Record<string, string>> = { '星期天': '星期日', '周天': '周日', '礼拜天': '礼拜日', "п'ятниця": 'пʼятниця', "п'ятницю": 'пʼятницю' };

interface ForeignWeekday { weekday: number; names: readonly string[] }
const FOREIGN_WEEKDAY_NAMES = new Map<string, ForeignWeekday>();
const SHORT_WEEKDAY_NAMES = new Map<string, ForeignWeekday>();
for (const lists of Object.values(FOREIGN_WEEKDAYS)) {
  for (const names of lists) names.forEach((n, i) => { if (!FOREIGN_WEEKDAY_NAMES.has(n.toLowerCase())) FOREIGN_WEEKDAY_NAMES.set(n.toLowerCase(), { weekday: i, names }); });
}
for (const names of Object.values(SHORT_WEEKDAYS)) names.forEach((n, i) => { if (!SHORT_WEEKDAY_NAMES.has(n.toLowerCase())) SHORT_WEEKDAY_NAMES.set(n.toLowerCase(), { weekday: i, names }); });
for (const [variant, name] of Object.entries(WEEKDAY_VARIANTS)) FOREIGN_WEEKDAY_NAMES.set(variant, FOREIGN_WEEKDAY_NAMES.get(name)!);

/** A weekday name of another language (full, or short with `short`), or null. */
export function foreignWeekday(name: string, short = false): ForeignWeekday | null {
  const key = name.toLowerCase().replace(/\.$/, '');
  return FOREIGN_WEEKDAY_NAMES.get(key) ?? (short ? SHORT_WEEKDAY_NAMES.get(key) ?? null : null);
}

/** The seven names a foreign weekday was written from, in its case (`Viernes` → `Domingo`, … `Sábado`), or null for English. */
export function weekdayNamesLike(sample: string): string[] | null {
  const found = foreignWeekday(sample, true);
  if (!found) return null;
  const bare = sample.replace(/\.$/, '');
  const dot = bare !== sample ? '.' : '';
  const upper = bare.length > 1 && bare === bare.toUpperCase() && bare !== bare.toLowerCase();
  const capital = !upper && bare[0] !== bare[0]!.toLowerCase();
  return found.names.map((n) => (upper ? n.toUpperCase() : capital ? n[0]!.toUpperCase() + n.slice(1) : n.toLowerCase() === n ? n : n.toLowerCase()) + dot);
}

const isCjk = (w: string) => /^[\p{Script=Han}\p{Script=Hangul}]/u.test(w);
const alternation = (words: Iterable<string>) => [...new Set(words)].sort((a, b) => b.length - a.length).map((w) => escape(w).replace(/-/g, '[- ]')).join('|');
const FULL_NAMES = [...FOREIGN_WEEKDAY_NAMES.keys()];
const FW_WORD = alternation(FULL_NAMES.filter((w) => !isCjk(w)));
const FW_CJK = alternation(FULL_NAMES.filter(isCjk));
const FW_SHORT = alternation(SHORT_WEEKDAY_NAMES.keys());
/** `lunes a viernes`, `Mo–Fr`, `周一至周五`: the days of a span or a list. */
const FOREIGN_JOIN = String.raw`(?:${OSP}(?:-|–|—|/|&|\+|~|〜|至|到|、)${OSP}|${SP}(?:a|à|al|bis|до|по|y|e|et|und|и|o|ou|oder|или)${SP})`;
/** What follows the first day of a span (`周一至周五`, `lunes-viernes`). */
const SPAN_NEXT = String.raw`[ \t]{0,3}[-–—/~〜至到、]`;
export const FOREIGN_WEEKDAY_BEFORE = new RegExp(String.raw`(?<!(?:${FW_WORD}|${FW_CJK})${FOREIGN_JOIN})(?:(?<![\p{L}])(${FW_WORD})|(${FW_CJK})),?[ \t\u00a0\u3000]{0,3}$`, 'iu');
export const FOREIGN_WEEKDAY_AFTER = new RegExp(
  String.raw`^(?:[ \t\u00a0\u3000]{0,3}[（(][ \t]{0,3}(${FW_WORD}|${FW_CJK}|${FW_SHORT})\.?[ \t]{0,3}[）)]|[,，][ \t]{0,3}(${FW_WORD})(?![\p{L}]|${SPAN_NEXT})|[ \t\u00a0\u3000]{0,2}(${FW_CJK})(?!${SPAN_NEXT}))`,
  'iu',
);

/** How far around a date the weekday is looked for. */
const WEEKDAY_WINDOW = 28;

/** Finds the dates in `text`. `defaultYear` completes dates written without a year. */
export function findDates(text: string, defaultYear: number | null = null, options: FindDatesOptions = {}): RawDate[] {
  const out: RawDate[] = [];
  const bare = trimCell(text);
  if (bare === '—' || bare === '–' || bare === '-' || bare === '--') {
    const index = text.indexOf(bare);
    out.push(blank(bare, index, 'none'));
    return out;
  }
  if (!/\d|TB[DAC]/.test(text)) return out;
  // Characters already read as part of a date: each is checked once per match over it (matches are bounded).
  const taken = new Uint8Array(text.length);
  const free = (s: number, e: number) => {
    for (let i = s; i < e; i++) if (taken[i]) return false;
    return true;
  };
  const yearFor = (month: number): number | null => {
    if (defaultYear === null) return null;
    const dm = options.defaultMonth ?? null;
    if (dm !== null && dm >= 10 && month <= 3) return defaultYear + 1;
    if (dm !== null && dm <= 3 && month >= 10) return defaultYear - 1;
    return defaultYear;
  };
  const can = new PatternHints(text, options);
  for (const { kind, re } of PATTERNS) {
    if (!can.match(kind)) continue;
    re.lastIndex = 0;
    // exec, not matchAll: the same matches without a copy of the pattern per block.
    for (let m = re.exec(text); m; m = re.exec(text)) {
      if (m[0] === '') { re.lastIndex = advance(text, re.lastIndex); continue; }
      const len = m[0].trimEnd().length;
      if (!len || !free(m.index, m.index + len)) continue;
      const d = interpret(kind, m, yearFor, options);
      if (d === undefined) continue;
      d.text = m[0].slice(0, len);
      d.index = m.index;
      d.length = len;
      taken.fill(1, m.index, m.index + len);
      out.push(d);
    }
  }
  for (const d of out) {
    if (d.kind === 'none' || d.kind === 'week' || d.kind === 'quarter' || d.kind === 'month') continue;
    const before = WEEKDAY_BEFORE.exec(text.slice(Math.max(0, d.index - WEEKDAY_WINDOW), d.index));
    if (before) {
      const start = d.index - before[0].length;
      d.weekday = WEEKDAYS[before[1]!.toLowerCase().replace(/\.$/, '')] ?? null;
      d.weekdayIndex = start;
      d.weekdayLength = before[1]!.length;
      continue;
    }
    const tail = text.slice(d.index + d.length, d.index + d.length + WEEKDAY_WINDOW + 4);
    const after = WEEKDAY_AFTER.exec(tail);
    if (after) {
      const name = after[1] ?? after[2]!;
      d.weekday = WEEKDAYS[name.toLowerCase().replace(/\.$/, '')] ?? null;
      d.weekdayIndex = d.index + d.length + after[0].lastIndexOf(name);
      d.weekdayLength = name.length;
      continue;
    }
    // Other languages: `el viernes, 2026-11-19`, `2026年3月1日（星期一）`, `13/11/2026 (sex)`.
    const fb = FOREIGN_WEEKDAY_BEFORE.exec(text.slice(Math.max(0, d.index - WEEKDAY_WINDOW), d.index));
    const fa = fb ? null : FOREIGN_WEEKDAY_AFTER.exec(tail);
    const name = fb ? fb[1] ?? fb[2]! : fa ? fa[1] ?? fa[2] ?? fa[3]! : null;
    const found = name === null ? null : foreignWeekday(name, Boolean(fa?.[1]));
    if (!name || !found) continue;
    d.weekday = found.weekday;
    d.weekdayIndex = fb ? d.index - fb[0].length + fb[0].indexOf(name) : d.index + d.length + fa![0].lastIndexOf(name);
    d.weekdayLength = name.length;
  }
  out.sort((a, b) => a.index - b.index);
  return out;
}

/**
 * What a pattern needs in the text before it can match: each a plain test that every match of
 * the pattern passes (a year's four digits, the start of an English month name, a quarter's
 * `Q1`…), so a pattern that cannot match is not run over the text. Skipping it changes
 * nothing: a pattern that does not match takes no characters from the later ones.
 */
class PatternHints {
  private year: boolean | undefined;
  private month: boolean | undefined;
  constructor(private readonly text: string, private readonly options: FindDatesOptions) {}

  match(kind: PatternKind): boolean {
    switch (kind) {
      case 'md-range2': case 'md-range': case 'md':
        return this.hasMonth();
      case 'dm-range': case 'dm': case 'month':
        return this.hasYear() && this.hasMonth();
      case 'cjk':
        return this.hasYear() && HINTS.cjk.test(this.text);
      case 'numeric':
        return this.hasYear() && HINTS.numeric.test(this.text);
      case 'quarter':
        return this.hasYear() && HINTS.quarter.test(this.text);
      case 'week':
        // Without a start date `Week N` is read as nothing (and so takes nothing).
        return Boolean(this.options.weekStart) && HINTS.week.test(this.text);
      case 'none':
        return HINTS.none.test(this.text);
      default:
        return this.hasYear();
    }
  }

  private hasYear(): boolean {
    return (this.year ??= HINTS.year.test(this.text));
  }

  private hasMonth(): boolean {
    return (this.month ??= HINTS.month.test(this.text));
  }
}

/** The hints, with the flags of the patterns they stand for (so `ſep` is the start of a month name here too). */
const HINTS = {
  year: /\d{4}/,
  month: /jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec/iu,
  cjk: /[年년]/u,
  numeric: /\d[/.]\d/u,
  quarter: /Q[1-4]/u,
  week: /week/iu,
  none: /TB[ACD]/u,
};

/** The index after the code point at `at` (an empty match steps over one, as matchAll does). */
function advance(text: string, at: number): number {
  const c = text.charCodeAt(at);
  const d = text.charCodeAt(at + 1);
  return c >= 0xd800 && c <= 0xdbff && d >= 0xdc00 && d <= 0xdfff ? at + 2 : at + 1;
}

/** The text without surrounding spaces and table pipes (a loop: no regular expression over a long run of spaces). */
function trimCell(text: string): string {
  let a = 0;
  let b = text.length;
  const skip = (c: string) => c === '|' || c.trim() === '';
  while (a < b && skip(text[a]!)) a++;
  while (b > a && skip(text[b - 1]!)) b--;
  return text.slice(a, b);
}

function blank(text: string, index: number, kind: DateKind): RawDate {
  return { date: null, start: null, text, index, length: text.length, weekday: null, weekdayIndex: null, weekdayLength: null, invalid: null, none: kind === 'none', kind };
}

function interpret(
  kind: (typeof PATTERNS)[number]['kind'],
  m: RegExpMatchArray,
  yearFor: (month: number) => number | null,
  options: FindDatesOptions,
): RawDate | undefined {
  const g = m.groups ?? {};
  const month = (s: string | undefined) => (s ? MONTHS[s.toLowerCase().replace(/\.$/, '')] ?? FOREIGN_MONTHS[s.toLowerCase().replace(/\.$/, '')] ?? 0 : 0);
  const result = (k: DateKind, start: string | null, date: string | null, invalid: string | null = null): RawDate => ({
    ...blank(m[0], m.index!, k), start, date, invalid,
  });
  const notADayOf = (day: string) => `${day} is not a calendar day`;
  const notADay = notADayOf(m[0].trim());
  switch (kind) {
    case 'iso-range': {
      const a = isoDay(+g.y1!, +g.m1!, +g.d1!);
      const b = isoDay(+g.y2!, +g.m2!, +g.d2!);
      if (!plausible(+g.m1!, +g.d1!) || !plausible(+g.m2!, +g.d2!)) return undefined;
      // An end before the start is not a range: the two days are read on their own.
      if (a && b && b < a) return undefined;
      return a && b ? result('range', a, b) : result('range', null, null, notADayOf(a ? `${g.y2}-${g.m2}-${g.d2}` : `${g.y1}-${g.m1}-${g.d1}`));
    }
    case 'iso': {
      const y = +m[1]!, mo = +m[3]!, d = +m[4]!;
      if (!plausible(mo, d) || y < 1900 || y > 2199) return undefined;
      const day = isoDay(y, mo, d);
      return day ? result('day', null, day) : result('day', null, null, `${m[1]}${m[2]}${m[3]}${m[2]}${m[4]} is not a calendar day`);
    }
    case 'md-range2': {
      const m1 = month(g.m1), m2 = month(g.m2);
      const y2 = g.y2 ? +g.y2 : g.y1 ? +g.y1 : yearFor(m2);
      if (y2 === null) return undefined;
      const y1 = g.y1 ? +g.y1 : m1 > m2 ? y2 - 1 : y2;
      const a = isoDay(y1, m1, +g.d1!);
      const b = isoDay(y2, m2, +g.d2!);
      if (a && b && b < a) return undefined;
      return a && b ? result('range', a, b) : result('range', null, null, notADay);
    }
    case 'md-range': {
      const m1 = month(g.m1);
      const y = g.y2 ? +g.y2 : yearFor(m1);
      if (y === null || +g.d2! <= +g.d1!) return undefined;
      const a = isoDay(y, m1, +g.d1!);
      const b = isoDay(y, m1, +g.d2!);
      return a && b ? result('range', a, b) : result('range', null, null, notADay);
    }
    case 'md': case 'dm': {
      const m1 = month(g.m1);
      // Without a year, only a capitalized month name is a date (`may 2` is a verb).
      if (!g.y1 && !/^[A-Z]/.test(g.m1!)) return undefined;
      const y = g.y1 ? +g.y1 : yearFor(m1);
      if (y === null || +g.d1! < 1 || +g.d1! > 31) return undefined;
      const day = isoDay(y, m1, +g.d1!);
      return day ? result('day', null, day) : result('day', null, null, notADay);
    }
    case 'cjk': {
      const y = +g.y1!, mo = +g.m1!;
      if (mo < 1 || mo > 12 || y < 1900 || y > 2199) return undefined;
      if (!g.d1) return result('month', isoDay(y, mo, 1), lastDayOfMonth(y, mo));
      const day = isoDay(y, mo, +g.d1);
      return day ? result('day', null, day) : result('day', null, null, notADay);
    }
    case 'foreign-dm': {
      const m1 = month(g.m1);
      const y = +g.y1!;
      if (!m1 || y < 1900 || y > 2199 || +g.d1! < 1 || +g.d1! > 31) return undefined;
      const day = isoDay(y, m1, +g.d1!);
      return day ? result('day', null, day) : result('day', null, null, notADay);
    }
    case 'numeric': {
      const a = +g.a!, b = +g.b!, y = +g.y1!;
      if (y < 1900 || y > 2199 || a < 1 || b < 1 || a > 31 || b > 31) return undefined;
      // A day above 12 decides the order of this date; otherwise the document must have decided it.
      const order: NumericOrder | null = a > 12 && b <= 12 ? 'dmy' : b > 12 && a <= 12 ? 'mdy' : a > 12 ? null : options.numericOrder ?? null;
      if (order === null) return undefined;
      const [d, mo] = order === 'dmy' ? [a, b] : [b, a];
      const day = isoDay(y, mo, d);
      return day ? result('day', null, day) : result('day', null, null, notADay);
    }
    case 'foreign-month': {
      const m1 = month(g.m1);
      const y = +g.y1!;
      if (!m1 || y < 1900 || y > 2199) return undefined;
      return result('month', isoDay(y, m1, 1), lastDayOfMonth(y, m1));
    }
    case 'dm-range': {
      const m1 = month(g.m1);
      const a = isoDay(+g.y1!, m1, +g.d1!);
      const b = isoDay(+g.y1!, m1, +g.d2!);
      if (+g.d2! <= +g.d1!) return undefined;
      return a && b ? result('range', a, b) : result('range', null, null, notADay);
    }
    case 'month': {
      const m1 = month(g.m1);
      if (!/^[A-Z]/.test(g.m1!)) return undefined;
      return result('month', isoDay(+g.y1!, m1, 1), lastDayOfMonth(+g.y1!, m1));
    }
    case 'foreign-quarter': {
      const q = quarterNumber((g.q1 ?? g.q2 ?? g.q3 ?? g.q4)!);
      const y = +(g.y1 ?? g.y2 ?? g.y3)!;
      if (!(q >= 1 && q <= 4) || y < 1900 || y > 2199) return undefined;
      return result('quarter', isoDay(y, q * 3 - 2, 1), lastDayOfMonth(y, q * 3));
    }
    case 'quarter': {
      const q = +(g.q1 ?? g.q2)!;
      const y = +(g.y1 ?? g.y2)!;
      if (y < 1900 || y > 2199) return undefined;
      return result('quarter', isoDay(y, q * 3 - 2, 1), lastDayOfMonth(y, q * 3));
    }
    case 'week': {
      if (!options.weekStart) return undefined;
      const w1 = +g.w1!;
      const w2 = g.w2 ? +g.w2 : w1;
      if (w1 < 1 || w2 < w1 || w2 > 60) return undefined;
      return result('week', addDays(options.weekStart, (w1 - 1) * 7), addDays(options.weekStart, w2 * 7 - 1));
    }
    case 'none':
      return result('none', null, null);
  }
}

/** A month 1-12 and a day 1-31: looks like a date (a day past the month's end is invalid, not "no date"). */
function plausible(month: number, day: number): boolean {
  return month >= 1 && month <= 12 && day >= 1 && day <= 31;
}

/** What the document's own fields say about its dates: the year and month yearless dates take, when `Week 1` starts, and (given the text) how it writes numeric days. */
export function documentDateContext(fields: readonly { name: string; value: string }[], text: string | null = null, language?: string): { defaultYear: number | null } & FindDatesOptions {
  const numericOrder = text === null ? null : numericOrderOf(text, language);
  const docDate = fields.find((f) => f.name === 'date' || isLastUpdatedKey(f.name));
  let defaultYear: number | null = null;
  let defaultMonth: number | null = null;
  if (docDate) {
    const d = findDates(docDate.value, null, { numericOrder }).find((x) => x.date);
    if (d?.date) {
      defaultYear = Number(d.date.slice(0, 4));
      defaultMonth = Number(d.date.slice(5, 7));
    } else defaultYear = Number(/\b(?:19|20)\d{2}\b/.exec(docDate.value)?.[0] ?? NaN) || null;
  }
  const options = { defaultMonth, numericOrder };
  const start = fields.find((f) => f.name === 'start-date' && findDates(f.value, defaultYear, options).some((x) => x.date && x.kind === 'day'));
  const weekStart = start ? findDates(start.value, defaultYear, options).find((x) => x.date && x.kind === 'day')!.date : null;
  return text === null ? { defaultYear, defaultMonth, weekStart } : { defaultYear, defaultMonth, weekStart, numericOrder };
}

const NUMERIC_DAY = /(?<![\w./-])(\d{1,2})([/.])(\d{1,2})\2(\d{4})(?![\d]|[./-]\d)/gu;
/** Languages whose numeric days are day-first (`03/11/2025` is 3 November). English is left undecided: both orders occur. */
const DAY_FIRST = new Set(['pt', 'es', 'fr', 'de', 'it', 'ru', 'uk']);

/**
 * How the document writes numeric days: its own dates decide first (a first part above 12 is a
 * day: `25/03/2026`), then its language; `DD.MM.YYYY` is day-first. Null when still undecided.
 */
export function numericOrderOf(text: string, language: string = detectLanguage(text).code): NumericOrder | null {
  let dmy = false;
  let mdy = false;
  let dots = false;
  NUMERIC_DAY.lastIndex = 0;
  for (const m of allMatches(text, NUMERIC_DAY)) {
    const a = +m[1]!, b = +m[3]!;
    if (m[2] === '.') dots = true;
    if (a > 12 && b <= 12) dmy = true;
    else if (b > 12 && a <= 12) mdy = true;
  }
  if (dmy !== mdy) return dmy ? 'dmy' : 'mdy';
  if (dmy && mdy) return null;
  if (DAY_FIRST.has(language)) return 'dmy';
  return dots && language !== 'en' ? 'dmy' : null;
}

/** `Day 1 (Mon)`, `Day 1: Tuesday`, `Day 1 - Wed`: a schedule day with the weekday it falls on. */
export const DAY_N = /\bDay[ \t]{1,3}(\d{1,3})[ \t]{0,3}(?:\([ \t]{0,3}|[:\-–—][ \t]{0,3})((?:mon|tue|wed|thu|fri|sat|sun)[a-z]{0,6})\.?/giu;

/** Why text that looks like a date names no calendar day (`2026-02-30`: February 2026 has 28 days). */
export function invalidReason(text: string, daysIn: (y: number, m: number) => number, monthName: (m: number) => string): string {
  const iso = /(\d{4})[-/](\d{2})[-/](\d{2})/.exec(text);
  if (iso) {
    const y = Number(iso[1]);
    const m = Number(iso[2]);
    return `${monthName(m)} ${y} has ${daysIn(y, m)} days`;
  }
  return 'the day is past the end of the month';
}
