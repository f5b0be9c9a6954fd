/**
 * The wording of a change: `a → b (±d)`, `from a to b (±d)`, `±d (from a to b)`, `N% increase
 * (a → b)`, Previous / Current line pairs, and the column headers of Before | After | Change
 * tables. Patterns are linear: every repetition is bounded or separated by a literal.
 */
import { NUMBER_SOURCE } from './units';

const NUM = NUMBER_SOURCE;
/** A number, or one with a decimal comma (`8,0`, `-1,5`: one or two digits after the comma are never a thousands group). */
const NUM_DC = String.raw`\d{1,3},\d{1,2}(?![\d,.])|${NUMBER_SOURCE}`;
export const ARROW_SOURCE = String.raw`(?:→|->|=>|⟶|➔|➡️?|â†’)`;
/** Any arrow character, to skip lines quickly. */
export const HAS_ARROW = /→|->|=>|⟶|➔|➡|â†’/;
export const HAS_FROM = /(?<![\p{L}])(?:from|de|desde|von|от|с)(?![\p{L}])|从/iu;
/** `from a to b`, `de a para b`, `von a auf b`, `de a à b`, `desde a hasta b`, `с a до b`, `从 a 降到 b`. */
const FROM_WORD = String.raw`(?<![\p{L}])(?:from|de|desde|von|от|с)\s{1,3}|从\s{0,3}`;
const TO_WORD = String.raw`\s{1,3}(?:to|para|a|à|hasta|auf|bis|до)\s{1,3}|\s{0,3}(?:降到|降至|升到|升至|提升到|提高到|增加到|减少到|到)\s{0,3}`;
const UNIT = String.raw`\s?%|\s?/\s?\d+(?:\.\d+)?|\s?[a-zA-Zµ]{1,12}(?:/[a-zA-Z]{1,8})?`;
/** One endpoint: `55%`, `85.5/100`, `~100 lines`, `5.0s`, `$10k`, `80%+` (a floor). */
export const endpointSource = (i: number, num = NUM): string =>
  String.raw`(?<q${i}>[~≈]\s?)?(?<c${i}>[$€£¥])?(?<n${i}>${num})(?<u${i}>${UNIT})?(?<p${i}>\+)?`;
const CHANGE_UNIT = String.raw`%|pp|p\.p\.|percentage points?|pct points?|points?|pts?|pontos(?: percentuais)?|puntos(?: porcentuales)?|prozentpunkte|punkte|points de pourcentage|п\.\s?п\.|процентн\p{L}{1,3} пункт\p{L}{0,2}|个百分点|百分点`;
/** The stated change: `+18 points`, `-6%`, `30% faster`, `(+2 engineers)`. */
const changeSource = (num: string): string => String.raw`(?<cq>[~≈]\s?)?(?<cs>[+\-−±])?\s?(?<cn>${num})\s?(?<cu>${CHANGE_UNIT}|[a-zA-Zµ]{1,12}(?:/[a-zA-Z]{1,8})?)?(?![\p{L}\p{N}])(?<cw>(?:[\s,]{1,3}[\p{L}-]{1,20}){0,3})`;
export const CHANGE_SOURCE = changeSource(NUM);
const NOT_AFTER = String.raw`(?<![\p{L}\p{N}_.,:/\\#@+\-−])`;

/** `Sprint 3 → 4 (+25%)`, `Phase 1 → 2`: positions, not quantities. */
export const ORDINAL_BEFORE = /(?:phase|sprint|week|step|day|stage|wave|iteration|part|page|chapter|level|round|session|epic|milestone|month|quarter|release|version|story|task|item|tier|grade|rank|no\.?|number)\s{0,8}[$€£¥]?\s{0,8}$/i;

/** `55% → 73% (+20 points)`, `5.0s → 3.0s (40% faster)`. */
export const ARROW_CHANGE = new RegExp(String.raw`${NOT_AFTER}${endpointSource(1)}\s{0,8}${ARROW_SOURCE}\s{0,8}${endpointSource(2)}\s{0,8}\(\s{0,8}(?:(?:need|needs|gap|remaining)\s?:?\s{0,8})?${CHANGE_SOURCE}\s{0,8}\)`, 'dgiu');
/** `+25% (from 4.0% to 5.0%)`. */
export const CHANGE_FROM_TO = new RegExp(String.raw`${NOT_AFTER}${CHANGE_SOURCE}\s{0,8}\(\s{0,8}from\s{1,3}${endpointSource(1)}\s{1,3}to\s{1,3}${endpointSource(2)}\s{0,8}\)`, 'dgiu');
/** `from 4.0% to 5.0% (+25%)`, `de 8,0% para 2,0% (-6 pontos)`, `von 2,4% auf 1,1% (-1,3 Prozentpunkte)`. */
export const FROM_TO_CHANGE = new RegExp(String.raw`(?:${FROM_WORD})${endpointSource(1, NUM_DC)}(?:${TO_WORD})${endpointSource(2, NUM_DC)}\s{0,8}[(（]\s{0,8}${changeSource(NUM_DC)}\s{0,8}[)）]`, 'dgiu');
/**
 * `78-108% increase (1400 → 5000 req/s)`, `85% reduction (P95: 800ms → 120ms under load)`,
 * `40% faster (from 10 s to 6 s)`: a relative change (or a range of them) named by a direction
 * word, then its endpoints in parentheses.
 */
export const WORDED_CHANGE = new RegExp(
  String.raw`${NOT_AFTER}(?<cq>[~≈]\s?)?(?:(?<lo>${NUM})\s?%?\s?[-–]\s?)?(?<cn>${NUM})\s?%\s{1,2}(?<cw>\p{L}{2,16}(?:\s\p{L}{2,10})?)\s{0,8}\(\s{0,8}(?:[\p{L}\p{N}]{1,12}\s?:\s{0,8})?(?:from\s{1,3})?${endpointSource(1)}\s{0,8}(?:${ARROW_SOURCE}|\sto\s)\s{0,8}${endpointSource(2)}[^()\n]{0,40}\)`,
  'dgiu',
);
/** `Previous: 75% complete` on one line, `Current: 95% complete (+20%)` on the next. */
export const PREVIOUS_LINE = new RegExp(String.raw`^\s{0,8}(?:previous|before|baseline|was|old|last (?:week|sprint|month|report|update|period))\s?:\s{0,8}${endpointSource(1)}(?:\s{1,3}\p{L}{1,20}){0,2}\s{0,8}$`, 'diu');
export const CURRENT_LINE = new RegExp(String.raw`^\s{0,8}(?:current|now|after|new|today|this (?:week|sprint|month|report|period))\s?:\s{0,8}${endpointSource(2)}(?:\s{1,3}\p{L}{1,20}){0,2}\s{0,8}\(\s{0,8}${CHANGE_SOURCE}\s{0,8}\)`, 'diu');
/** `38% → 55% → 70%`: the text before a match ends with an arrow (a chain). */
export const ENDS_WITH_ARROW = new RegExp(String.raw`${ARROW_SOURCE}\s{0,8}$`, 'u');

/** A table cell that is one endpoint (`12.0 min`, `~1,500 LOC`, `**8.0/10** ✅`). */
export const CELL_ENDPOINT = new RegExp(String.raw`^[^\p{L}\p{N}~≈<>+\-−]{0,20}${endpointSource(1)}(?<rest>[^\p{N}]{0,60})$`, 'du');
/** A table cell that is one change (`✅ +456%`, `-79%`, `30% faster`, `+1.0 points`). */
export const CELL_CHANGE = new RegExp(String.raw`^[^\p{L}\p{N}~≈+\-−±]{0,20}${CHANGE_SOURCE}(?<rest>[^\p{L}\p{N}]{0,20})$`, 'du');
/** Letters left in an endpoint cell outside parentheses (`12 (est.)` is fine, `12 files open` is not). */
export const LETTER = /\p{L}/u;
export const PARENTHESIS = /\([^)]{0,60}\)/g;
/** Whether a unit word is `points` / `pp`. */
export const POINTS_UNIT = /^(?:pp|p\.p\.|percentage points?|pct points?|points?|pts?|pontos(?: percentuais)?|puntos(?: porcentuales)?|prozentpunkte|punkte|points de pourcentage|п\.\s?п\.|процентн\p{L}{1,3} пункт\p{L}{0,2}|个百分点|百分点)$/iu;
export const WORD_SPLIT = /[\s,]+/;

export const DECREASE_WORDS: ReadonlySet<string> = new Set([
  'reduction', 'reduced', 'decrease', 'decreased', 'decline', 'drop', 'down', 'less', 'fewer', 'smaller', 'lower', 'cut',
  'shorter', 'savings', 'saved', 'saving', 'redução', 'reducción', 'reduktion', 'réduction', 'снижение', 'уменьшение', 'menos',
]);
export const INCREASE_WORDS: ReadonlySet<string> = new Set([
  'increase', 'increased', 'growth', 'gain', 'up', 'more', 'larger', 'higher', 'improvement', 'improved', 'boost', 'longer',
  'aumento', 'melhoria', 'mejora', 'steigerung', 'zunahme', 'augmentation', 'hausse', 'рост', 'увеличение', 'прирост',
]);
export const SPEED_WORDS: ReadonlySet<string> = new Set([
  'faster', 'slower', 'quicker', 'speedup', 'better', 'worse', 'schneller', 'rápido', 'быстрее',
]);
export const NEUTRAL_WORDS: ReadonlySet<string> = new Set(['change', 'delta', 'net', 'overall', 'total', 'relative', 'absolute']);

/** Whether a word after a change number says what the change is (or repeats the endpoints' unit). */
export function isChangeWord(w: string, endpointUnit: string | null): boolean {
  return DECREASE_WORDS.has(w) || INCREASE_WORDS.has(w) || SPEED_WORDS.has(w) || NEUTRAL_WORDS.has(w) ||
    (endpointUnit !== null && w === endpointUnit.toLowerCase());
}

/** The first word of `78-108% increase`-style direction phrases (`increase`, `más rápido` → `rápido`). */
export function directionOf(words: string): 'increase' | 'decrease' | 'speed' | null {
  for (const w of words.toLowerCase().split(WORD_SPLIT)) {
    if (INCREASE_WORDS.has(w)) return 'increase';
    if (DECREASE_WORDS.has(w)) return 'decrease';
    if (SPEED_WORDS.has(w)) return 'speed';
  }
  return null;
}

// ---------------------------------------------------------------- table columns

/** The earlier endpoint of a comparison table. */
export const BEFORE_HEADER = /^(?:before|previous|prev|baseline|base|target|planned|plan|estimated?|expected|goal|old|initial|start|was|antes|anterior|meta|objetivo|vorher|ziel|avant|cible|до|план|цель|之前|目标|计划|基线|前)$/iu;
/** The later endpoint. */
export const AFTER_HEADER = /^(?:after|current|now|achieved|actual|actuals|new|final|result|results|delivered|measured|today|depois|atual|alcançado|real|después|actual|logrado|nachher|ist|erreicht|après|réel|atteint|после|факт|сейчас|之后|实际|当前|达成|后)$/iu;
/** A change column. */
export const CHANGE_HEADER = /variance|change|delta|Δ|\bdiff|improvement|gain|increase|decrease|reduction|savings|variation|growth|speed-?up|uplift|variação|mudança|cambio|diferencia|mejora|veränderung|änderung|abweichung|écart|изменение|прирост|разница|变化|提升|改善|差异|差值/iu;
/** A last column that may hold the change when one before and one after column precede it (`Note`, `Result`). */
export const RESULT_HEADER = /^(?:note|notes|result|outcome|comment|comments|remark|remarks|effect|impact|observação|observações|nota|notas|resultado|bemerkung|ergebnis|remarque|résultat|примечание|результат|备注|结果)$/iu;
const MONTHS = [
  ['january', 'jan', 'janeiro', 'enero', 'januar', 'janvier', 'январь'],
  ['february', 'feb', 'fevereiro', 'febrero', 'februar', 'février', 'февраль'],
  ['march', 'mar', 'março', 'marzo', 'märz', 'mars', 'март'],
  ['april', 'apr', 'abril', 'avril', 'апрель'],
  ['may', 'maio', 'mayo', 'mai', 'май'],
  ['june', 'jun', 'junho', 'junio', 'juni', 'juin', 'июнь'],
  ['july', 'jul', 'julho', 'julio', 'juli', 'juillet', 'июль'],
  ['august', 'aug', 'agosto', 'août', 'август'],
  ['september', 'sep', 'sept', 'setembro', 'septiembre', 'septembre', 'сентябрь'],
  ['october', 'oct', 'outubro', 'octubre', 'oktober', 'octobre', 'октябрь'],
  ['november', 'nov', 'novembro', 'noviembre', 'novembre', 'ноябрь'],
  ['december', 'dec', 'dezembro', 'diciembre', 'dezember', 'décembre', 'декабрь'],
];
/** Month names (lower case) to their number, for `September | October | Change` columns. */
export const MONTH_ORDER: ReadonlyMap<string, number> = new Map(MONTHS.flatMap((names, i) => names.map((n) => [n, i + 1] as [string, number])));
/** Header text reduced to its words, for comparing `Phase 2` with `Phase 2 Speedup`. */
export const HEADER_NOISE = /[*_`]+/g;
export const HEADER_WORD = /[\p{L}\p{N}.]+/gu;
/** The sign and digits of a number token's text (`+20` of `+20 points`). */
export const SIGNED_DIGITS = /[+\-−]?\d[\d,]*(?:\.\d+)?/u;
