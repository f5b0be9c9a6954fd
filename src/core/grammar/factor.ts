/**
 * The wording of a factor: `500ms → 50ms (10x faster)`, `0.079% (target <1%, achieved 88x
 * better)`, `832ms (AST), 595ms (Bytecode) = 1.4x speedup`, `5x increase (100 → 500 users)`,
 * `from 900 ms to 300 ms — 3x faster`, `1.2 MB down to 400 KB (3x smaller)`, and factor cells
 * in Speedup / Improvement columns. Patterns are linear (bounded repetitions).
 */
import { ARROW_SOURCE } from './change';
import { NUMBER_SOURCE } from './units';

const NUM = NUMBER_SOURCE;
const UNIT = String.raw`%|[a-zA-Zµ]{1,12}(?:/[a-zA-Z]{1,8})?|毫秒|秒|分钟|小时`;
const FACTOR = String.raw`(?<fq>[~≈]\s?)?(?<f>${NUM})\s?[x×]`;
/** Words that make `Nx` a comparison of two values. */
export const FACTOR_WORDS_SOURCE = String.raw`speedup|speed-up|better|faster|quicker|slower|lower|smaller|less|fewer|higher|larger|more|improvement|improved|reduction|increase|under|below|above|over|uplift|más rápido|mais rápido|schneller|plus rapide|plus petit|быстрее`;
const WORDS = FACTOR_WORDS_SOURCE;
const NOT_AFTER = String.raw`(?<![\p{L}\p{N}_.,:/\\#@$€£¥+\-−])`;
const side = (k: 'v' | 't') => String.raw`(?<${k}q>[~≈]\s?)?(?<${k}>${NUM})\s?(?<${k}u>${UNIT})?`;

/** `0.079% (target <1%, achieved 88x better)`, `30 minutes (estimated: 6h, 12x faster!)`. */
export const AGAINST_REFERENCE = new RegExp(
  String.raw`${NOT_AFTER}${side('v')}\s{0,8}\(\s{0,8}(?<ref>target|goal|sla|slo|budget|baseline|estimated|estimate|expected|limit|threshold|planned|plan|was|previously|before)(?:\s{0,8}:)?\s{0,8}(?:(?<tq>[<>≤≥]=?|[~≈])\s{0,8})?(?<t>${NUM})\s?(?<tu>${UNIT})?\s{0,8}[,;]\s{0,8}(?:(?:achieved|actual|actually|so|i\.e\.|=|about|roughly)\s{0,8})?${FACTOR}\s{1,3}(?:${WORDS})\b`,
  'dgiu',
);
/**
 * `500ms → 50ms (10x faster)`, `from 900 ms to 300 ms (3x faster)`, `1.2 MB down to 400 KB (3x
 * smaller)`, `de 900 ms à 450 ms : l'API est 2x plus rapide` (up to three words before the factor).
 */
export const ARROW_FACTOR = new RegExp(
  String.raw`${NOT_AFTER}${side('v')}\s{0,8}(?:${ARROW_SOURCE}|(?<=\s)(?:down\s|up\s)?to\s|(?<=\s)(?:à|a|para|auf|до)\s)\s{0,8}${side('t')}\s{0,8}(?:\(\s{0,8}|[,;:]\s{1,3}(?:[\p{L}'’]{1,12}\s){0,3}|(?<=\s)[—–-]\s{1,3})${FACTOR}\s{1,3}(?:${WORDS})(?![\p{L}])`,
  'dgiu',
);
/** `从 200 毫秒降到 50 毫秒，提升 4 倍`: Chinese endpoints, then the factor after a verb. */
export const ZH_FACTOR = new RegExp(
  String.raw`从\s{0,3}${side('v')}\s{0,3}(?:降低到|降到|降至|减少到|缩短到|提升到|提高到|增加到|到|至)\s{0,3}${side('t')}\s{0,3}[,，、]\s{0,3}(?:速度|性能)?(?:提升了?|提高了?|加快了?|快了|降低了?|减少了?|缩短了?|缩小了?)\s{0,3}(?<fq>[~≈约]\s?)?(?<f>${NUM})\s?倍`,
  'dgu',
);
/** `832ms (AST), 595ms (Bytecode) = 1.4x speedup`. */
export const LABELLED_PAIR = new RegExp(
  String.raw`${NOT_AFTER}${side('v')}\s{0,8}\([^()\d]{1,30}\)\s{0,8}(?:,|vs\.?|versus|and)\s{0,8}${side('t')}\s{0,8}\([^()\d]{1,30}\)\s{0,8}[=:→]\s{0,8}${FACTOR}\s{1,3}(?:${WORDS})\b`,
  'dgiu',
);
/** `5x increase (100 → 500 concurrent users)`, `3x faster (from 900 ms to 300 ms)`. */
export const FACTOR_THEN_PAIR = new RegExp(
  String.raw`${NOT_AFTER}${FACTOR}\s{1,3}(?:${WORDS})\s{0,8}\(\s{0,8}(?:[\p{L}\p{N}]{1,12}\s?:\s{0,8})?(?:from\s{1,3})?${side('v')}\s{0,8}(?:${ARROW_SOURCE}|\sto\s)\s{0,8}${side('t')}[^()\n]{0,40}\)`,
  'dgiu',
);
/** A factor cell: `50.2x`, `**3x faster**`, `✅ 2.5× speedup`. */
export const CELL_FACTOR = new RegExp(String.raw`^[^\p{L}\p{N}~≈]{0,20}${FACTOR}(?:\s{1,3}(?<w>${WORDS}))?[^\p{L}\p{N}]{0,20}$`, 'du');
/** A speed-up / factor column header. */
export const FACTOR_HEADER = /speed-?up|factor|multiplier|\bx\b|times|improvement|gain|uplift|aceleração|aceleración|beschleunigung|ускорение|加速|倍/iu;
/** Whether a line may hold a factor (a digit then `x`/`×`). */
export const HAS_FACTOR = /\d\s?[x×倍]/;
export const APPROX = /[~≈]/;
/** The `x` / `×` right after a factor's digits. */
export const FACTOR_SIGN = /^\s?[x×倍]/;
export const TRAILING_APPROX = /[~≈]\s?$/;
/** A comparison-table cell holding one value (`926.49ms`, `**41.50ms**`, `~3.6 s`, a target bound `< 200 ms`). */
export const TABLE_SIDE = new RegExp(String.raw`^[^\p{L}\p{N}~≈<>≤≥]{0,20}(?<vq>(?:[~≈]|[<>≤≥]=?)\s?)?(?<v>${NUM})\s?(?<vu>${UNIT})?[^\p{L}\p{N}]{0,20}$`, 'du');
