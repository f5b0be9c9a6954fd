/**
 * How authors state a count of the items they list: `## Completed (6)`, `(4 total)`,
 * `### CI/CD (7 files)`, `- 3 packages`, `(5 arquivos)`, `(5个)`, `3 types (H3, H4)`,
 * `two formats: PDF, CSV and XML`; and how the items themselves are written (list items,
 * code lines, inline lists), so the model can tell items from metadata, notes and selections.
 *
 * Every pattern here is linear: bounded repetitions, no overlapping unbounded quantifiers.
 */

/** Number words that state a count (from two: `one` is too often `one of`). */
export const NUMBER_WORDS: ReadonlyMap<string, number> = new Map([
  // English
  ['two', 2], ['three', 3], ['four', 4], ['five', 5], ['six', 6], ['seven', 7], ['eight', 8], ['nine', 9], ['ten', 10], ['eleven', 11], ['twelve', 12],
  // Portuguese
  ['dois', 2], ['duas', 2], ['três', 3], ['quatro', 4], ['cinco', 5], ['seis', 6], ['sete', 7], ['oito', 8], ['nove', 9], ['dez', 10],
  // Spanish
  ['dos', 2], ['tres', 3], ['cuatro', 4], ['siete', 7], ['ocho', 8], ['nueve', 9], ['diez', 10],
  // German
  ['zwei', 2], ['drei', 3], ['vier', 4], ['fünf', 5], ['sechs', 6], ['sieben', 7], ['acht', 8], ['neun', 9], ['zehn', 10],
  // French
  ['deux', 2], ['trois', 3], ['quatre', 4], ['cinq', 5], ['sept', 7], ['huit', 8], ['neuf', 9], ['dix', 10],
  // Russian
  ['два', 2], ['две', 2], ['три', 3], ['четыре', 4], ['пять', 5], ['шесть', 6], ['семь', 7], ['восемь', 8], ['девять', 9], ['десять', 10],
]);

/**
 * Nouns of measures, not of listed things: `(3 days)`, `(2 hours)`, `(5 lines)`, `(8 points)`.
 * Compared lower-cased; a noun counts as a measure when it or its first word is here.
 */
export const MEASURE_NOUNS: ReadonlySet<string> = new Set([
  // time
  'ms', 's', 'sec', 'secs', 'second', 'seconds', 'min', 'mins', 'minute', 'minutes', 'h', 'hr', 'hrs', 'hour', 'hours',
  'day', 'days', 'week', 'weeks', 'wk', 'wks', 'month', 'months', 'year', 'years', 'sprint-days', 'weekdays',
  'segundos', 'minutos', 'hora', 'horas', 'dia', 'dias', 'día', 'días', 'semana', 'semanas', 'mes', 'meses', 'mês', 'ano', 'anos', 'año', 'años',
  'sekunden', 'minuten', 'stunde', 'stunden', 'tag', 'tage', 'tagen', 'woche', 'wochen', 'monat', 'monate', 'jahr', 'jahre',
  'heure', 'heures', 'jour', 'jours', 'semaine', 'semaines', 'mois', 'an', 'ans', 'année', 'années',
  'секунд', 'минут', 'минуты', 'час', 'часа', 'часов', 'день', 'дня', 'дней', 'неделя', 'недели', 'недель', 'месяц', 'месяца', 'месяцев', 'год', 'года', 'лет',
  // size and text
  'line', 'lines', 'loc', 'sloc', 'linhas', 'linha', 'líneas', 'línea', 'zeilen', 'zeile', 'ligne', 'lignes', 'строк', 'строки', 'строка',
  'kb', 'mb', 'gb', 'tb', 'bytes', 'byte', 'chars', 'characters', 'words', 'tokens', 'pages', 'páginas', 'seiten',
  'rows', 'row', 'records', 'registros', 'filas', 'datensätze', 'enregistrements', 'записей',
  // effort and score
  'point', 'points', 'pts', 'pt', 'sp', 'story-points', 'pontos', 'puntos', 'punkte', 'баллов', 'очков', 'очка',
  'percent', 'pp', 'x', 'times', 'vezes', 'veces', 'mal', 'fois', 'раз', 'раза', 'usd', 'eur', 'dollars', 'euros',
  'calls', 'requests', 'req', 'rps', 'qps', 'users', 'usuarios', 'usuários', 'people', 'pessoas', 'personas',
]);

/** CJK measure counters and nouns: `(3天)`, `(2小时)`, `(500行)`. */
export const CJK_MEASURES: ReadonlySet<string> = new Set([
  '天', '日', '小时', '时', '時間', '分钟', '分', '秒', '周', '週', '月', '年', '行', '点', '字', '次', '人', '名', '位',
]);

/**
 * Words after the number that make the count a subset or a per-item figure, never the size of
 * the list: `(3 new)`, `(2 remaining)`, `(2 endpoints cada)`, `(5 per module)`.
 */
export const NOT_THE_LIST: ReadonlySet<string> = new Set([
  'each', 'per', 'apiece', 'cada', 'je', 'pro', 'chacun', 'chacune', 'каждый', 'каждая', 'каждое', 'на',
  'of', 'out', 'de', 'do', 'da', 'von', 'sur', 'из', 'from', 'in', 'em', 'en', 'to', 'for', 'para', 'por', 'für', 'pour', 'with', 'com', 'con', 'mit', 'avec',
  'new', 'remaining', 'left', 'open', 'pending', 'done', 'completed', 'complete', 'failed', 'failing', 'passed', 'passing', 'skipped',
  'blocked', 'added', 'removed', 'deleted', 'deferred', 'more', 'other', 'others', 'extra', 'additional', 'missing', 'active', 'inactive',
  'novos', 'novas', 'nuevos', 'nuevas', 'neue', 'neu', 'nouveaux', 'nouvelles', 'restantes', 'pendentes', 'pendientes', 'offen', 'offene',
  'concluídos', 'concluídas', 'completados', 'completadas', 'erledigt', 'terminés', 'новых', 'новые', 'осталось', 'готово',
  'or', 'ou', 'o', 'oder', 'или', 'and', 'e', 'y', 'und', 'et', 'и', 'a', 'the', 'at', 'by', 'vs', 'x',
]);

/** Words that make a count a per-item figure: `(2 endpoints cada)`, `3 tests each`, `每个 2 项`. */
export const PER_ITEM: ReadonlySet<string> = new Set(['each', 'per', 'apiece', 'cada', 'je', 'pro', 'chacun', 'chacune', 'каждый', 'каждая', 'каждое', 'каждого', '每', '每个', 'jeweils']);

export function isPerItem(noun: string): boolean {
  return noun.toLowerCase().split(/[ \t]+/).some((w) => PER_ITEM.has(w));
}

/** Words that make what follows the count a total rather than a noun: `(4 total)`, `(24 Tables Total)`. */
export const TOTAL_WORDS: ReadonlySet<string> = new Set(['total', 'totals', 'insgesamt', 'gesamt', 'всего', 'итого', 'totales', 'au total']);

/**
 * Labels whose number is an ordinal, not a count: `Sprint 2 tasks`, `Phase 3 deliverables`,
 * `Fase 1 arquivos`. Compared lower-cased with the word before the number.
 */
export const ORDINAL_LABELS: ReadonlySet<string> = new Set([
  'phase', 'sprint', 'step', 'week', 'day', 'task', 'story', 'stage', 'part', 'section', 'chapter', 'level', 'tier', 'milestone',
  'version', 'release', 'iteration', 'round', 'wave', 'epic', 'issue', 'pr', 'item', 'no', 'nr', 'number', 'option', 'priority', 'p',
  'fase', 'etapa', 'semana', 'paso', 'passo', 'parte', 'capítulo', 'nivel', 'nível', 'tarefa', 'tarea', 'versão', 'versión',
  'schritt', 'woche', 'stufe', 'teil', 'kapitel', 'étape', 'semaine', 'niveau', 'partie', 'этап', 'фаза', 'неделя', 'шаг', 'часть', 'спринт',
  'top', 'first', 'last', 'next', 'erste', 'primeiros', 'primeros', 'premiers', 'первые',
  'month', 'quarter', 'year', 'session', 'lesson', 'unit', 'ticket', 'room', 'grade', 'q', 'h', 'mês', 'mes', 'mois', 'monat', 'месяц',
  '스프린트', '단계', '페이즈', '주차', '스텝', '阶段', '階段', '第', 'スプリント', 'フェーズ', 'ステップ', '冲刺', '周',
]);

/** Words before a count that make it a bound: `at least 2 states`, `至少 2 种`, `up to 5 files`. */
const BOUND_BEFORE = /(?:at least|at most|up to|no more than|more than|over|under|min\.?|max\.?|minimum|maximum|mindestens|höchstens|bis zu|über|au moins|au plus|jusqu'à|pelo menos|no máximo|até|al menos|como máximo|hasta|не менее|не более|минимум|максимум|до|至少|最多|最少|以上|以内|超过|不少于|최소|최대|少なくとも|最大)[ \t]{0,2}$/iu;
export function isBounded(textBefore: string): boolean {
  return BOUND_BEFORE.test(textBefore);
}

/**
 * Nouns whose inline parenthesis names what the items cover, not the items: `5 tests
 * (validation, limits, streaming)`, `12 scenarios (login, signup)`.
 */
export const TOPIC_NOUNS: ReadonlySet<string> = new Set([
  'test', 'tests', 'case', 'cases', 'scenario', 'scenarios', 'check', 'checks', 'assertion', 'assertions', 'spec', 'specs',
  'subtests', 'testes', 'teste', 'pruebas', 'prueba', 'cenários', 'escenarios', 'тест', 'теста', 'тестов', 'тесты', 'сценариев',
]);
export function isTopicNoun(noun: string): boolean {
  return noun.toLowerCase().split(/[ \t]+/).some((w) => TOPIC_NOUNS.has(w));
}

/** Han, kana and Hangul: such nouns run on without spaces, so only a counter (`5个`, `3개`) marks a count. */
const CJK = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]/u;
export function hasCjk(text: string): boolean {
  return CJK.test(text);
}

/** Languages of fenced blocks that can hold a plain list of entries (not commands or programs). */
export const LIST_CODE_LANGS: ReadonlySet<string> = new Set(['', 'text', 'txt', 'plain', 'plaintext', 'tree', 'sql', 'md', 'markdown', 'console-tree', 'none']);

/** The language written after an opening fence (```` ```sql ```` → `sql`), lower-cased. */
export function fenceLang(line: string): string {
  return line.trim().replace(/^[`~]{3,}/, '').trim().split(/[\s{]/)[0]!.toLowerCase();
}

/**
 * A list or a lead-in that says it shows only some of the items: `e.g.`, `including`,
 * `such as`, `top 5`, `highlights`, `etc.`, `…`, `and more`, in the languages we read.
 */
const SELECTION = /(?:^|[^\p{L}])(?:e\.\s?g\.|i\.\s?a\.|for example|for instance|such as|including|includes|among them|among others|highlights?|top \d|selected|sample|examples?|etc\.?|and more|and others|z\.\s?b\.|u\.\s?a\.|zum beispiel|unter anderem|beispiele?|darunter|por ejemplo|por exemplo|incluindo|incluyendo|entre outros|entre otros|exemplos?|ejemplos?|par exemple|notamment|dont|entre autres|например|включая|в том числе|и др\.|и т\.\s?д\.)(?:$|[^\p{L}])|…|\.\.\.|例如|比如|包括|等等|诸如|など|主な/iu;

export function isSelection(text: string): boolean {
  return SELECTION.test(text);
}

/** A noun as written after a count: letters, marks, inner hyphens and apostrophes. */
const NOUN = String.raw`\p{L}[\p{L}\p{M}'’-]{0,30}`;
/** CJK counters written right after the number: `5个`, `3項`, `2件`, `4개`, `7건`. */
const COUNTER = '[个個项項件条條份张張개건台套款类類种種组組处處本]';

/**
 * A count in parentheses: `(6)`, `(4 total)`, `(7 files)`, `(3 active tables)`, `(5个)`,
 * `(9个TODO)`, `(12 stories, 55 points)` (the first part), `(~40 files)`, `(15+ widgets)`.
 * The parenthesis must close (or continue with `,` `;`) right after the noun.
 */
export const PAREN_COUNT = new RegExp(
  String.raw`\((?<q>[~≈])?[ \t]?(?<n>\d{1,3}(?:,\d{3})?|\d{4})(?<plus>\+)?(?:[ \t]?(?<cjk>${COUNTER})(?<cjknoun>[\p{L}\p{N}]{0,8})|[ \t]{1,2}(?<noun>${NOUN}(?:[ \t]${NOUN}){0,2}))?[ \t]?[)，,;]`,
  'dgu',
);

/**
 * A count in running text: `3 packages`, `All 10 tables`, `5 Dateien`, `5 файлов`, `5 个文件`,
 * `two formats`. The word before it is checked by the extractor (ordinals such as `Sprint 2`).
 */
const WORD_NUMBERS = [...NUMBER_WORDS.keys()].sort((a, b) => b.length - a.length).join('|');
export const PHRASE_COUNT = new RegExp(
  String.raw`(?<![\p{L}\p{N}.,/#:_-])(?<q>[~≈])?(?<n>\d{1,3}(?:,\d{3})?|\d{4}|(?:${WORD_NUMBERS})(?![\p{L}]))(?<plus>\+)?(?:[ \t]?(?<cjk>${COUNTER})(?<cjknoun>\p{L}{0,8})|[ \t]{1,2}(?<noun>${NOUN}(?:[ \t]${NOUN}){0,2}))`,
  'dgiu',
);

/**
 * A range of numbered items standing for a count: `(Tasks 4-15)` is twelve tasks,
 * `(PRs #13-#17)` five pull requests. The noun is plural and names the items.
 */
export const RANGE_COUNT = new RegExp(
  String.raw`\((?<noun>${NOUN})[ 	]#?(?<a>\d{1,4})[ 	]?(?:-|–|—|\.\.)[ 	]?#?(?<b>\d{1,4})\)`,
  'dgu',
);

/** `### Very Good (85-89%) - 3 packages`, `## Deliverables: 4 documents` (at the end of a heading). */
export const TAIL_COUNT = new RegExp(
  String.raw`[-–—:][ \t]{1,3}(?<q>[~≈])?(?<n>\d{1,4})(?<plus>\+)?[ \t]{1,2}(?<noun>${NOUN}(?:[ \t]${NOUN}){0,1})[ \t]*$`,
  'du',
);

/** The value of a count as written: digits (`1,200`) or a number word (`three`), or null. */
export function countValue(written: string): number | null {
  if (/^\d/.test(written)) return Number(written.replace(/,/g, ''));
  return NUMBER_WORDS.get(written.toLowerCase()) ?? null;
}

/**
 * Whether the words after a count name things a list could enumerate: not a measure
 * (`days`, `lines`, `points`), not a subset or per-item word (`new`, `each`, `cada`).
 * `noun` may be several words (`active tables`): every word is checked.
 */
/**
 * Words that link two nouns into one (`tipos de documento`, `types of report`, `Arten von
 * Dateien`): between two words they are part of the noun, not `3 of 5` or `2 de 4`.
 */
export const NOUN_LINKS: ReadonlySet<string> = new Set(['of', 'de', 'do', 'da', 'dos', 'das', 'del', 'des', 'du', 'di', 'von', 'der']);

export function isCountedNoun(noun: string): boolean {
  const words = noun.toLowerCase().split(/[ \t]+/).filter(Boolean);
  if (words.length === 0) return false;
  const link = (w: string, i: number) => i > 0 && i < words.length - 1 && NOUN_LINKS.has(w);
  if (words.some((w, i) => NOT_THE_LIST.has(w) && !link(w, i))) return false;
  return !words.some((w) => MEASURE_NOUNS.has(w) || MEASURE_NOUNS.has(w.replace(/[.:]$/, '')));
}

export function isCjkMeasure(noun: string): boolean {
  return CJK_MEASURES.has(noun) || [...CJK_MEASURES].some((m) => noun.startsWith(m));
}

export function isTotalWord(word: string): boolean {
  return TOTAL_WORDS.has(word.toLowerCase());
}

export function isOrdinalLabel(word: string): boolean {
  return ORDINAL_LABELS.has(word.toLowerCase().replace(/[.:#]$/, ''));
}

/** The word right before `index` in `text` (letters only), lower-cased, or ''. */
const WORD_BEFORE = /(\p{L}{1,20})[ \t]{1,2}$/u;
export function wordBefore(text: string, index: number): string {
  const m = WORD_BEFORE.exec(text.slice(Math.max(0, index - 24), index));
  return m ? m[1]!.toLowerCase() : '';
}

/** The singular-insensitive stem used to compare nouns (`files` ≈ `file`, `tests` ≈ `test`). */
export function nounStem(noun: string): string {
  const last = noun.toLowerCase().split(/[ \t]+/).pop() ?? '';
  return last.length > 4 ? last.slice(0, Math.max(4, last.length - 2)) : last;
}

// ------------------------------------------------------------------ items

/**
 * The shape of a list item or a code line, from its source (markers stripped): `field`
 * (`**Priority:** High`, `Owner: Ada`), `name` (a code span, bold name, link or ID such as
 * `STORY-012`), `note` (`(more in the backlog)`), or `text`.
 */
export type ItemShape = 'field' | 'name' | 'note' | 'text' | 'empty';

const MARKER = /^[ \t]{0,12}(?:[-*+•][ \t]{1,4}|\d{1,3}[.)][ \t]{1,4})?(?:\[[ xX]\][ \t]{0,4})?/u;
/** Status marks and other symbols before the item's words (`✅ `, `⏳ `, `🔴 `). */
const LEAD_SYMBOLS = /^[^\p{L}\p{N}`*_[(#\s]{1,8}[ \t]{0,3}/u;
const FIELD_ITEM = /^(?:\*\*|__)?\p{L}[\p{L}\p{N} /&'’-]{0,40}?(?:\*\*|__)?[ \t]?[:：](?:\*\*|__)?[ \t]{1,4}\S/u;
const BOLD_FIELD_ITEM = /^(?:\*\*|__)[^*_\n]{1,40}?[:：](?:\*\*|__)/u;
const ID_ITEM = /^(?:[A-Z][A-Z0-9]{0,9}[-_]?\d{1,5}(?![\p{L}\d])|#\d{1,6}(?!\d))/u;

/** The item's text with its bullet, number, checkbox and leading status marks removed. */
export function itemBody(source: string): string {
  let s = source.replace(MARKER, '');
  s = s.replace(LEAD_SYMBOLS, '');
  return s.trim();
}

export function itemShape(source: string): ItemShape {
  const s = itemBody(source);
  if (!s) return 'empty';
  if (BOLD_FIELD_ITEM.test(s) || FIELD_ITEM.test(s)) return 'field';
  // Names: code spans, bold names, links, IDs (`STORY-012`, `#41`): one shape, authors mix them.
  if (s.startsWith('`') || s.startsWith('**') || s.startsWith('__') || s.startsWith('[') || ID_ITEM.test(s)) return 'name';
  if (s.startsWith('(')) return 'note';
  return 'text';
}

/**
 * An item that stands for several: `(+ 4 mock packages)`, `… and 3 more`, `+2 others`:
 * the number it adds, or null.
 */
const MORE_ITEM = /^\(?\+[ \t]?(?<a>\d{1,4})(?!\d)|(?:^|[ \t])(?:and|und|e|y|et|и|\+)[ \t](?<b>\d{1,4})[ \t](?:more|others?|weitere|mais|outros|más|otros|autres|других|ещё|еще)(?![\p{L}])/u;
export function moreItems(body: string): number | null {
  const m = MORE_ITEM.exec(body);
  if (!m) return null;
  return Number(m.groups!.a ?? m.groups!.b);
}

/** Tree-drawing characters of a directory listing. */
const TREE_GLYPHS = /[├└│]|^[ \t]{0,40}[|`]--/u;
export function isTreeLine(line: string): boolean {
  return TREE_GLYPHS.test(line);
}

/** The column where a tree entry's name starts (after glyphs and indentation). */
const TREE_PREFIX = /^[ \t│├└─|`-]{0,80}/u;
export function treeEntry(line: string): { depth: number; name: string } {
  const m = TREE_PREFIX.exec(line)!;
  return { depth: m[0].length, name: line.slice(m[0].length).trim() };
}

/** A code line that is not an entry: a comment line, a fence. */
const CODE_COMMENT = /^[ \t]{0,40}(?:#|\/\/|--[ \t]|<!--|\/\*|\*[ \t])/u;
export function isCodeComment(line: string): boolean {
  return CODE_COMMENT.test(line);
}

/** A code line that is part of a statement, not an entry of a list (`CREATE TABLE x (`, `}`). */
const STATEMENT_LINE = /[{([,;\\]\s*$|^\s*[})\]]/u;
export function isStatementLine(line: string): boolean {
  return STATEMENT_LINE.test(line);
}

const FENCE = /^[ \t]{0,3}(?:`{3,}|~{3,})/u;
export function isFence(line: string): boolean {
  return FENCE.test(line);
}

// ------------------------------------------------------------------ inline lists

/** The separators of an inline list: commas, semicolons, CJK enumeration commas, and a last `and`. */
const INLINE_SEPARATOR = /[ \t]{0,2}[,;，、；][ \t]{0,2}(?:(?:and|und|e|y|et|и|or|ou|o|oder|или)[ \t]{1,2})?|[ \t]{1,2}(?:and|und|e|y|et|и|和|及|與|与)[ \t]{1,2}|和|及|与|與/u;
const INLINE_SEPARATOR_G = new RegExp(INLINE_SEPARATOR.source, 'gu');

/**
 * An inline list split into its items (`PDF, CSV and XML` → 3), or null when it is not a crisp
 * list: fewer than two items, an item longer than five words, nested parentheses.
 */
export function splitInlineList(text: string): string[] | null {
  if (/[()]/.test(text)) return null;
  if (!INLINE_SEPARATOR.test(text)) return null;
  const items = text.split(INLINE_SEPARATOR_G).map((s) => s.replace(/[`*_"'“”]/g, '').trim());
  if (items.length < 2 || items.some((s) => s === '' || s.split(/\s+/).length > 4 || s.length > 48)) return null;
  // A description, not an enumeration: `mostly tests, some docs`, `…, with French planned`.
  if (items.some((s) => NOT_AN_ITEM.has(s.split(/\s+/)[0]!.toLowerCase()))) return null;
  return items;
}

/** First words that make a part of a parenthesis a description or an aside, not a named item. */
export const NOT_AN_ITEM: ReadonlySet<string> = new Set([
  'mostly', 'some', 'all', 'most', 'many', 'few', 'several', 'both', 'each', 'plus', 'mainly', 'primarily', 'partly', 'about', 'around',
  'with', 'without', 'except', 'but', 'which', 'that', 'where', 'while', 'not', 'no', 'only', 'also', 'then', 'incl', 'via',
  'com', 'sem', 'con', 'sin', 'mit', 'ohne', 'avec', 'sans', 'mais', 'pero', 'aber', 'sauf', 'exceto', 'excepto', 'außer',
  'alguns', 'algunos', 'todos', 'todas', 'einige', 'alle', 'quelques', 'tous', 'с', 'без', 'но', 'кроме', 'все', 'некоторые',
]);

/** `F1-F6`, `#249-#253`, `TASK-001–005`, `PR1–PR11`: a range of IDs and how many it names. */
const ID_RANGE = /^(?<p>[#A-Za-z]{0,10}[-_]?)(?<a>\d{1,5})[ \t]?(?:-|–|—|\.\.)[ \t]?(?<p2>[#A-Za-z]{0,10}[-_]?)(?<b>\d{1,5})$/u;
export function idRangeSize(item: string): number | null {
  const m = ID_RANGE.exec(item.trim());
  if (!m) return null;
  const g = m.groups!;
  if (g.p2 && g.p2 !== g.p) return null;
  if (!g.p && !g.p2) return null;
  const a = Number(g.a);
  const b = Number(g.b);
  if (b <= a || b - a > 500) return null;
  return b - a + 1;
}

/** Whether an item carries a count of its own (`2 new`, `Foundation: 3 components`). */
const OWN_COUNT = /(?:^|[^\p{L}\p{N}.,/#-])(?<n>\d{1,4})(?:[ \t]{1,2}(?<noun>\p{L}[\p{L}\p{M}-]{0,30})|[ \t]?(?<cjk>[个個项項件条條份张張개건]))/u;
export function ownCount(text: string): { value: number; noun: string } | null {
  const m = OWN_COUNT.exec(text);
  if (!m) return null;
  const noun = m.groups!.noun ?? m.groups!.cjk ?? '';
  if (m.groups!.noun && !isCountedNoun(noun)) return null;
  return { value: Number(m.groups!.n), noun };
}

/** A lead-in ends with a colon (`3 packages:`, `**Scripts written (3 files):**`). */
export function endsWithColon(text: string): boolean {
  const t = text.trimEnd();
  return t.endsWith(':') || t.endsWith('：');
}

// ------------------------------------------------------------------ distribution tables

/** Words of a header that name a range of a measure rather than the measure (`Coverage Range`). */
const RANGE_WORDS = /(?:^|[ \t])(?:range|ranges|bucket|buckets|band|bands|bracket|interval|faixa|rango|intervalo|bereich|intervalle|tranche|диапазон|区间|范围|区間)(?=$|[ \t])/giu;

/** The measure a header names, lower-cased (`Coverage Range` → `coverage`, `Coverage %` → `coverage`), or null. */
export function measureWord(header: string): string | null {
  const w = header.replace(RANGE_WORDS, ' ').replace(/[%()[\]*_:]/g, ' ').trim().toLowerCase();
  if (!w || w.split(/\s+/).length > 2 || !/^\p{L}/u.test(w)) return null;
  return w;
}

const BUCKET = /^(?<op><=|>=|[<>≤≥])?[ \t]?(?<a>\d{1,3}(?:\.\d{1,2})?)[ \t]?%?[ \t]?(?:(?<plus>\+)|(?:-|–|—|to|a|bis|до|~)[ \t]?(?<b>\d{1,3}(?:\.\d{1,2})?)[ \t]?%?)?$/u;

/** A range of values as a table cell writes it: `95%+`, `90-94%`, `<80%`, `≥ 90%`; a plain `93%` is a point. */
export function bucketRange(text: string): { lo: number; hi: number; loOpen: boolean; hiOpen: boolean } | null {
  const m = BUCKET.exec(text.trim());
  if (!m) return null;
  const g = m.groups!;
  const a = Number(g.a);
  if (g.op === '<') return { lo: -Infinity, hi: a, loOpen: true, hiOpen: true };
  if (g.op === '<=' || g.op === '≤') return { lo: -Infinity, hi: a, loOpen: true, hiOpen: false };
  if (g.op === '>') return { lo: a, hi: Infinity, loOpen: true, hiOpen: true };
  if (g.op === '>=' || g.op === '≥' || g.plus) return { lo: a, hi: Infinity, loOpen: false, hiOpen: true };
  if (g.b !== undefined) {
    const b = Number(g.b);
    return b > a ? { lo: a, hi: b, loOpen: false, hiOpen: false } : null;
  }
  return { lo: a, hi: a, loOpen: false, hiOpen: false };
}

const BUCKET_COUNT = /^(?<n>\d{1,4})(?:[ \t]{1,2}(?<noun>\p{L}[\p{L}-]{0,30}))?$/u;

/** A count cell of a distribution table: `5`, `5 modules`, with where the digits stand. */
export function bucketCount(text: string): { value: number; noun: string; text: string; index: number } | null {
  const t = text.trim();
  const m = BUCKET_COUNT.exec(t);
  if (!m) return null;
  const noun = m.groups!.noun ?? '';
  if (noun && !isCountedNoun(noun)) return null;
  return { value: Number(m.groups!.n), noun, text: m.groups!.n!, index: text.indexOf(t) };
}

/**
 * A heading ending in a bare number in parentheses (`### Example (2)`), as `prefix`, or null.
 * Headings that share the prefix with different numbers are numbered, not counted.
 */
const BARE_TAIL = /^\([ \t]?\d{1,3}[ \t]?\)[ \t]*$/u;
export function bareNumberPrefix(heading: string): string | null {
  const t = heading.trim();
  const at = t.lastIndexOf('(');
  if (at < 0 || !BARE_TAIL.test(t.slice(at))) return null;
  return t.slice(0, at).trim().toLowerCase();
}
