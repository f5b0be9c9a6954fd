/**
 * How authors write a total and its parts: the labels of Total rows (in the languages seen), the
 * column headers whose values never add up, the lead-ins that announce a sum of the items below
 * (`(3 files, ~730 lines)`, `(10 stories, 34 points)`), headings that state a total for the table
 * below (`API Endpoints (117 total)`), status tallies under a table (`✅ Covered: 28 of 38`) and
 * prose sums (`Added type safety for 9,707 rows`).
 */

/** A first cell that says Total and nothing else (`Total payers` is a row of its own). */
export const TOTAL_LABEL = /^(?:grand[ \t]{1,4})?(?:total|totals|sum|overall|gesamt|insgesamt|summe|gesamtsumme|total[ \t]{1,4}geral|totale|suma|somme|итого|всего|всього|разом|合计|总计|合計|총계|tổng(?:[ \t]{1,4}cộng)?)[ \t]{0,4}:?$/iu;

/** A first cell that names a partial sum: `Subtotal`, `Zwischensumme`, `小计`. */
export const SUBTOTAL_LABEL = /^(?:sub-?[ \t]?totals?|zwischensumme|teilsumme|subtotal|sous-total|小计|小計|промежуточный[ \t]{1,4}итог)[ \t]{0,4}:?/iu;

/** Column headers that hold averages, rates, scores or sizes, never sums. */
export const NOT_ADDITIVE = /avg|average|mean|median|durchschnitt|moyenne|promedio|média|rate|ratio|score|coverage|velocity|percent|%|\bper\b|\/|speed|latency|max|min|progress|complet(?!ed\b|ad[oa]s?\b)|status|trend|p9\d|p50|accuracy|quality|health|grade|rating|level|version|priority|rank|confidence|cpu|memory|duration|\btime\b|\beta\b|variance|growth|share|anteil|quote|durchsatz|throughput/i;

/** Units whose sums are never stated as totals of the items (sizes, rates, versions). */
export const NON_ADDITIVE_UNITS = new Set(['%', 'x', 'kb', 'mb', 'gb', 'ms', 'fps', 'rps', 'qps']);

/**
 * A lead-in with a count and a sum: `(3 files, ~730 lines)`, `(10 stories, 34 points)`,
 * `(8 Dateien, 1.200 Zeilen)`. Bounded repetitions only.
 */
export const COUNT_AND_SUM = /\((?<count>\d{1,4})[ \t]{1,3}(?<unit>\p{L}[\p{L}-]{0,30}),[ \t]{0,3}(?<q>[~≈])?[ \t]?(?<m>\d{1,3}(?:,\d{3}){1,4}(?:\.\d{1,4})?|\d{1,9}(?:\.\d{1,4})?)(?<plus>\+)?[ \t]{1,3}(?<su>\p{L}[\p{L}-]{0,30}(?:[ \t]of[ \t]code)?)[ \t]{0,3}\)/du;

/**
 * A sum spread over a count: `1,017 lines across 7 files`, `1,017 lines changed across 5 files`,
 * `42 tests in 5 suites`, `1.120 linhas alteradas em 5 arquivos`. At most one word between the
 * unit and the preposition.
 */
export const SUM_ACROSS = /(?<![\p{N},.])(?<q>[~≈])?(?<m>\d{1,3}(?:,\d{3}){1,4}|\d{1,3}(?:\.\d{3}){1,4}|\d{1,9})(?<plus>\+)?[ \t]{1,3}(?<su>\p{L}[\p{L}-]{0,30})[ \t]{1,3}(?:\p{L}[\p{L}-]{0,20}[ \t]{1,3})?(?:across|in|over|em|en|dans|über|в)[ \t]{1,3}(?<count>\d{1,4})[ \t]{1,3}(?<unit>\p{L}[\p{L}-]{0,30})/du;

/** A whole count written with dots for thousands (`1.120 linhas`, `8.000 Zeilen`): never a fraction of a line. */
export const DOT_THOUSANDS = /^\d{1,3}(?:\.\d{3}){1,4}$/;

/** The value of a count of whole things: `1.120` (dots for thousands) is 1120, `1,017` is 1017. */
export function wholeCount(text: string): number {
  const t = text.replace(/^[~≈]/, '');
  return DOT_THOUSANDS.test(t) ? Number(t.replace(/\./g, '')) : Number(t.replace(/,/g, ''));
}

/**
 * Header words for a column of done counts (not a completion share): `Completed`, `Completado`,
 * `Concluídas`, `Erledigt`, `Terminées`, `Выполнено`, `已完成`.
 */
export const DONE_COUNT_HEADER = /^(?:completed|done|finished|closed|completad[oa]s?|terminad[oa]s?|conclu[íi]d[oa]s?|erledigt|abgeschlossen|termin[ée]e?s?|réalisé?e?s?|выполнено|завершено|закрыто|已完成|完成|完了|완료)$/iu;

/**
 * Header of an effort or duration amount (`Engineer-weeks`, `Person-days`, `Weeks`, `Tage`,
 * `Semanas`): plural units of time are amounts that add up, not dates.
 */
export const DURATION_AMOUNT_HEADER = /(?:^|[\s-])(?:weeks|days|hours|months|wochen|tage|stunden|monate|semanas|d[ií]as|horas|meses|semaines|jours|heures|mois|недель|дней|часов|人天|人日|人月|天数|工时)$/iu;

/** A sum announced without a count: `(21 points)` at the end of a heading or a bold lead-in line. */
export const SUM_ONLY = /\((?<q>[~≈])?[ \t]?(?<m>\d{1,3}(?:,\d{3}){1,4}(?:\.\d{1,4})?|\d{1,9}(?:\.\d{1,4})?)(?<plus>\+)?[ \t]{1,3}(?<su>\p{L}[\p{L}-]{0,30}(?:[ \t]of[ \t]code)?)[ \t]{0,3}(?:total)?\)[ \t*:]{0,6}$/du;

/** A number with its unit at the end of an item's first line: `… - 232 lines`, `… (5 points)`. Run on the line's last 120 characters. */
export const ITEM_QUANTITY = /(?<![\p{L}\p{N}.,])(?<q>[~≈])?(?<v>\d[\d,]{0,12}(?:\.\d{1,4})?)(?<plus>\+)?[ \t]{1,3}(?<u>\p{L}[\p{L}-]{0,30})(?:[ \t]of[ \t]code)?\)?[ \t*:]{0,6}$/du;

/** A heading or a lead-in line stating the total of what follows: `(117 total)`, `117 total`, `(insgesamt 117)`. */
export const HEADING_TOTAL = /\((?:(?<n>\d{1,3}(?:,\d{3}){1,4}|\d{1,7})[ \t]{1,3}(?:total|in[ \t]total|gesamt|insgesamt|au[ \t]total|en[ \t]total|всего)|(?:total|gesamt|insgesamt|всего|共)[ \t]{0,2}:?[ \t]{0,2}(?<n2>\d{1,3}(?:,\d{3}){1,4}|\d{1,7}))\)/diu;

/**
 * A status tally under a table: `- ✅ Covered: 28 of 38 (74%)`, `- ⚠️ Teilweise: 10 von 38`,
 * `- ❌ Faltan: 0 de 38`. The status mark leads; the label is short.
 */
export const TALLY_LINE = /^[ \t]{0,8}(?:[-*+][ \t]{1,4})?(?<mark>[^\p{L}\p{N}\s*+\-]{1,8})[ \t]{0,3}(?<label>\p{L}[^:：\n]{0,40})[:：][ \t]{0,3}(?<n>\d{1,6})(?:[ \t]{1,3}(?:von|of|de|sur|из)[ \t]{1,3}|[ \t]{0,2}\/[ \t]{0,2})(?<of>\d{1,6})(?!\d)/du;

/**
 * A line `Label: n/N` or `Label: N unit` (`Phase 1: 10/12`, `Backend: 14 tests`); a run of them
 * ending in a Total line (`Total: 39/47 (83%)`) states the sum of the lines above it.
 */
export const LABELED_LINE = /^[ \t]{0,8}(?:[-*+][ \t]{1,4})?(?<label>[^:：\n]{1,60})[:：][ \t]{0,3}(?<q>[~≈])?(?<n>\d{1,3}(?:,\d{3}){1,3}|\d{1,7})(?:[ \t]{0,2}\/[ \t]{0,2}(?<d>\d{1,3}(?:,\d{3}){1,3}|\d{1,7})|[ \t]{1,3}(?<u>\p{L}[\p{L}-]{0,30}))(?![\p{N}/])/du;

/** Words that make a prose number a total of the items above: `in total`, `total of`, `insgesamt`. */
export const PROSE_TOTAL_WORDS = /(?<![\p{L}\p{N}])(?:in[ \t]total|total(?:[ \t]of)?|altogether|combined|insgesamt|gesamt|au[ \t]total|en[ \t]total|no[ \t]total|em[ \t]total|всего|итого)(?![\p{L}\p{N}])|合计|总计|共/iu;

/** Words that make a total cumulative (the whole project, not the list): `now`, `so far`, `bringing`. */
export const CUMULATIVE_WORDS = /(?<![\p{L}\p{N}])(?:now|so[ \t]far|to[ \t]date|bringing|brings|jetzt|bisher|agora|ahora|desormais|désormais|теперь|всего[ \t]в[ \t]проекте)(?![\p{L}\p{N}])|目前|现在/iu;

/** Normalizes a unit for matching a lead-in's unit with its items' (`lines` = `line` = `LOC`). */
export function unitKey(unit: string): string {
  const u = unit.toLowerCase().replace(/[ \t]of[ \t]code$/, '');
  if (u === 'loc' || u === 'line' || u === 'lines' || u === 'zeilen' || u === 'líneas' || u === 'linhas' || u === 'lignes' || u === 'строк') return 'lines';
  if (u === 'pts' || u === 'pt' || u === 'point' || u === 'points' || u === 'sp' || u === 'punkte' || u === 'puntos' || u === 'pontos') return 'points';
  if (u === 'h' || u === 'hr' || u === 'hrs' || u === 'hour' || u === 'hours' || u === 'stunden' || u === 'horas' || u === 'heures') return 'hours';
  return u.length > 3 && u.endsWith('s') ? u.slice(0, -1) : u;
}

/** A first cell that says Average and nothing else: the row is the mean of the column above. */
export const AVERAGE_LABEL = /^(?:average|avg\.?|mean|média|media|promedio|moyenne|durchschnitt|mittelwert|ø|среднее|平均|平均值|平均値|평균)[ \t]{0,4}:?$/iu;

/** Header of the column that counts a summary row's items: `Tasks`, `Items`, `Stories`, `Tarefas`, `Aufgaben`. */
export const ITEMS_HEADER = /^(?:tasks|items|stories|tickets|issues|deliverables|total|count|scope|#[ \t]?tasks|tarefas|itens|tareas|historias|aufgaben|tâches|livrables|задачи|задач|任务|任务数|タスク|タスク数|작업)$/iu;

/** A heading or row name reduced to its words for matching: marks, emoji and punctuation dropped. */
export function nameKey(text: string): string {
  return text.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, ' ').trim();
}
