/**
 * The status vocabulary as data: words, phrases and emoji that say done / in progress /
 * planned / blocked / at risk, plus their mojibake forms (generated, not typed by hand).
 * `statusWords` from the configuration extends it.
 */
import { mojibakeOf } from './mojibake';
import type { StatusValue } from './schema';
import { LANGUAGES, PROGRESS_DONE_WORDS, STATUS_MARKS, STATUS_WORDS_BY_LANGUAGE, type StatusKey, type StatusWords } from '../grammar/status-words';

/** Every language's words and the marks, merged: `grammar/status-words.ts` holds them per language. */
export const DEFAULT_STATUS_WORDS: Readonly<Record<Exclude<StatusValue, 'unknown'>, readonly string[]>> = mergeWords([
  ...LANGUAGES.map((l) => STATUS_WORDS_BY_LANGUAGE[l]),
  STATUS_MARKS,
]);

function mergeWords(blocks: readonly StatusWords[]): Record<StatusKey, readonly string[]> {
  const out: Record<StatusKey, string[]> = { done: [], 'in-progress': [], planned: [], blocked: [], 'at-risk': [] };
  for (const block of blocks) for (const [value, words] of Object.entries(block)) for (const w of words ?? []) if (!out[value as StatusKey].includes(w)) out[value as StatusKey].push(w);
  return out;
}

const PROGRESS_DONE = new Set(PROGRESS_DONE_WORDS);

/**
 * Open statuses in other languages (planned, in progress, blocked, at risk, and negated "done"
 * words that would otherwise read as done: `未完成`, `не выполнено`), one block per language.
 * Read by the time rules (an open item past its date); done words are in DEFAULT_STATUS_WORDS.
 */
export const OPEN_STATUS_WORDS_BY_LANGUAGE: Readonly<Record<string, Partial<Record<Exclude<StatusValue, 'unknown' | 'done'>, readonly string[]>>>> = {
  de: {
    'in-progress': ['in arbeit', 'in umsetzung', 'in prüfung', 'läuft', 'laufend', 'teilweise', 'nicht erledigt', 'nicht abgeschlossen'],
    planned: ['geplant', 'in planung', 'ausstehend', 'nicht begonnen', 'vorgesehen', 'offen'],
    blocked: ['blockiert'],
    'at-risk': ['verzögert', 'gefährdet', 'überfällig'],
  },
  es: {
    'in-progress': ['en curso', 'en proceso', 'en marcha', 'en revisión', 'no completado', 'sin completar'],
    planned: ['planeado', 'planificada', 'programado', 'previsto', 'por hacer', 'sin empezar', 'no iniciado'],
    blocked: ['bloqueada'],
    'at-risk': ['retrasado', 'atrasado', 'en riesgo'],
  },
  pt: {
    'in-progress': ['em curso', 'em execução', 'em revisão', 'não concluído', 'não concluido'],
    planned: ['planeado', 'planejada', 'agendado', 'a fazer', 'não iniciado'],
    'at-risk': ['atrasado', 'em risco'],
  },
  fr: {
    'in-progress': ['en revue', 'non terminé'],
    planned: ['planifiée', 'prévue', 'à faire', 'non commencé', 'en attente'],
    blocked: ['bloquée'],
    'at-risk': ['en retard', 'à risque'],
  },
  it: {
    'in-progress': ['in corso'],
    planned: ['pianificato', 'da fare'],
    'at-risk': ['in ritardo'],
  },
  ru: {
    'in-progress': ['выполняется', 'на проверке', 'в тестировании', 'не выполнено', 'не завершено', 'не готово'],
    planned: ['запланирован', 'запланирована', 'планируется', 'не начато', 'не начат', 'в планах'],
    blocked: ['заблокировано'],
    'at-risk': ['просрочено', 'под угрозой'],
  },
  zh: {
    'in-progress': ['处理中', '实施中', '测试中', '未完成', '尚未完成', '部分完成'],
    planned: ['计划中', '规划中', '待开始', '未启动'],
    blocked: ['受阻'],
    'at-risk': ['延期', '滞后'],
  },
  ja: {
    'in-progress': ['対応中', '作業中', '未完了'],
    planned: ['予定'],
    'at-risk': ['遅延'],
  },
  ko: {
    'in-progress': ['미완료'],
    planned: ['대기'],
    'at-risk': ['지연'],
  },
};

interface Entry { text: string; value: StatusValue; word: boolean }

export interface StatusMatch {
  value: StatusValue;
  /** Offset of the matched token in the searched text. */
  index: number;
  length: number;
  text: string;
}

/**
 * Finds the status tokens of a text. The tokens are those of one alternation of every entry,
 * longest entry first (`alternatives`, run with flags `giu`): at each place the first
 * alternative that matches wins, words of Latin and Cyrillic script need word boundaries, and
 * a space in an entry matches any run of spaces, hyphens and underscores.
 *
 * Running that alternation tries every entry, look-behind first, at every character. Instead
 * one loop walks the characters once and stops only where an entry can start: a character
 * that begins some entry (for the entries with boundaries, only at the start of a word).
 * There a sticky alternation of just the entries that begin with that character decides, in
 * the same order and with the same bodies and look-aheads (see `alternation`): the same
 * matches, since an entry cannot match where its first character does not, and the
 * look-behind the loop has already decided is left out.
 */
export class StatusVocabulary {
  private readonly byText = new Map<string, StatusValue>();
  /** The alternation's branches, in order: what `find` and `findAll` match. */
  readonly alternatives: readonly string[];
  /** Each branch as the matcher runs it: without its look-behind, runs of spaces as one. */
  private readonly bodies: readonly string[];
  private readonly bounded: readonly boolean[];
  /** The first element of each branch: an escaped character, or `SEPARATOR` for a branch that starts with a space run. */
  private readonly firsts: readonly string[];
  /** Per character: the entries that begin with it, at a word start and inside a word (null: none). */
  private readonly startsByChar = new Map<number, Starts | null>();
  private readonly asciiStarts: (Starts | null | undefined)[] = new Array(128);
  /** The sticky alternations, by the branches they hold. */
  private readonly bySubset = new Map<string, RegExp>();
  /** Per distinct first element: does a character match it (as it does in the alternation). */
  private readonly firstTests = new Map<string, RegExp>();

  constructor(extra: Partial<Record<StatusValue, readonly string[]>> = {}) {
    const entries: Entry[] = [];
    const add = (text: string, value: StatusValue) => {
      const key = text.toLowerCase();
      if (!key || this.byText.has(key)) return;
      this.byText.set(key, value);
      entries.push({ text: key, value, word: /^[\p{L}\p{N}]/u.test(key) && /[\p{L}\p{N}]$/u.test(key) });
    };
    // User words first, so they win over defaults.
    for (const [value, words] of Object.entries(extra)) for (const w of words ?? []) add(w.trim(), value as StatusValue);
    const byLanguage = Object.values(OPEN_STATUS_WORDS_BY_LANGUAGE).flatMap((l) => Object.entries(l));
    for (const [value, words] of [...Object.entries(DEFAULT_STATUS_WORDS), ...byLanguage]) {
      for (const w of words) {
        add(w, value as StatusValue);
        const broken = mojibakeOf(w);
        if (broken !== w && broken.length > 1) {
          add(broken, value as StatusValue);
          // Variation selector U+FE0F loses its last byte in cp1252 (`ï¸`); a bare NBSP often becomes a space.
          if (broken.includes('\u00a0')) add(broken.replace(/\u00a0/g, ' '), value as StatusValue);
        }
      }
    }
    entries.sort((a, b) => b.text.length - a.text.length);
    // Latin and Cyrillic words need word boundaries; CJK and emoji do not.
    this.bounded = entries.map((e) => e.word && /^[\p{Script=Latin}\p{Script=Cyrillic}\d]/u.test(e.text));
    const lookAhead = (i: number) => (this.bounded[i] ? WORD_END : '');
    this.alternatives = entries.map((e, i) => `${this.bounded[i] ? '(?<![\\p{L}\\p{N}])' : ''}${escape(e.text).replace(/ /g, SEPARATOR)}${lookAhead(i)}`);
    // Two spaces in a row (`à faire` damaged to `Ã\u00a0 faire`, its NBSP read as a space) match a
    // run of two or more: the same tokens as two runs one after the other, without trying every
    // split of a long run between them.
    this.bodies = entries.map((e) => escape(e.text).replace(/ +/g, (run) => (run.length === 1 ? SEPARATOR : `[\\s\\-_]{${run.length},}`)));
    this.firsts = entries.map((e) => (e.text[0] === ' ' ? SEPARATOR : escape(String.fromCodePoint(e.text.codePointAt(0)!))));
  }

  /** The first status token in `text` (earliest; the longest at the same place). */
  find(text: string): StatusMatch | null {
    for (let m = this.next(text, 0); m; m = this.next(text, m.index + m[0].length)) {
      const token = m[0];
      const value = this.valueOf(token);
      if (!value) continue;
      // `40% complete`, `80 % concluído` is progress, not completion.
      if (value === 'done' && PROGRESS_DONE.has(token.toLowerCase())) {
        const before = text.slice(Math.max(0, m.index - 12), m.index);
        const pct = /(?<!\d)(\d+(?:\.\d+)?)\s*%\s*$/.exec(before);
        if (pct && Number(pct[1]) < 100) return { value: 'in-progress', index: m.index, length: token.length, text: token };
      }
      return { value, index: m.index, length: token.length, text: token };
    }
    return null;
  }

  /** Every status token in `text`. */
  findAll(text: string): StatusMatch[] {
    const out: StatusMatch[] = [];
    for (let m = this.next(text, 0); m; m = this.next(text, m.index + m[0].length)) {
      const value = this.valueOf(m[0]);
      if (value) out.push({ value, index: m.index, length: m[0].length, text: m[0] });
    }
    return out;
  }

  /** The alternation's first match at or after `from`, walking the text by code points as the alternation does. */
  private next(text: string, from: number): RegExpExecArray | null {
    let afterWord = from > 0 && isLetterOrDigit(codePointBefore(text, from));
    for (let i = from; i < text.length;) {
      const c = text.codePointAt(i)!;
      const starts = c < 128 ? this.asciiStarts[c] ?? this.startsOf(c) : this.startsOf(c);
      if (starts) {
        const re = afterWord ? starts.inWord : starts.atWordStart;
        if (re) {
          re.lastIndex = i;
          const m = re.exec(text);
          if (m) return m;
        }
      }
      afterWord = isLetterOrDigit(c);
      i += c > 0xffff ? 2 : 1;
    }
    return null;
  }

  private startsOf(c: number): Starts | null {
    if (c < 128 && this.asciiStarts[c] !== undefined) return this.asciiStarts[c]!;
    let starts = this.startsByChar.get(c);
    if (starts !== undefined) return starts;
    const ch = String.fromCodePoint(c);
    const picked: number[] = [];
    this.firsts.forEach((first, i) => {
      let test = this.firstTests.get(first);
      if (!test) this.firstTests.set(first, (test = new RegExp(`^${first}$`, 'iu')));
      if (test.test(ch)) picked.push(i);
    });
    starts = picked.length === 0 ? null : {
      // At a word start the look-behind holds; inside a word it fails, and the entries with it cannot match.
      atWordStart: this.sticky(picked),
      inWord: this.sticky(picked.filter((i) => !this.bounded[i])),
    };
    this.startsByChar.set(c, starts);
    if (c < 128) this.asciiStarts[c] = starts;
    return starts;
  }

  private sticky(branches: number[]): RegExp | null {
    if (branches.length === 0) return null;
    const key = branches.join(',');
    let re = this.bySubset.get(key);
    if (!re) this.bySubset.set(key, (re = new RegExp(this.alternation(branches), 'iuy')));
    return re;
  }

  /**
   * The branches in order, each run of bounded ones sharing one look-ahead:
   * `(?:a|b)(?![\p{L}\p{N}])|c` tries `a`, then `b` when the look-ahead fails after `a`, then
   * `c`, as `a(?!…)|b(?!…)|c` does; a letter class under `iu` costs much to compile, once is enough.
   */
  private alternation(branches: readonly number[]): string {
    const parts: string[] = [];
    for (let k = 0; k < branches.length;) {
      if (!this.bounded[branches[k]!]) { parts.push(this.bodies[branches[k]!]!); k++; continue; }
      const run: string[] = [];
      for (; k < branches.length && this.bounded[branches[k]!]; k++) run.push(this.bodies[branches[k]!]!);
      parts.push(`(?:${run.join('|')})${WORD_END}`);
    }
    return parts.join('|');
  }

  /** The status a matched token stands for (its words joined by one space, or as written). */
  valueOf(token: string): StatusValue | undefined {
    return this.byText.get(token.toLowerCase().replace(/[\s\-_]+/g, ' ')) ?? this.byText.get(token.toLowerCase());
  }
}

/** What the model and the claims ask of a vocabulary. */
export type Vocabulary = Pick<StatusVocabulary, 'find' | 'findAll'>;

const copyMatch = (m: StatusMatch): StatusMatch => ({ value: m.value, index: m.index, length: m.length, text: m.text });

/**
 * A vocabulary that remembers its answers (both are functions of the text alone), for a
 * document analysed again and again: `nextGeneration()` before each analysis drops what the
 * analysis before the previous one asked and this one did not, so it keeps at most two
 * analyses' answers. Answers are copies: nothing a caller holds is shared.
 */
export class RememberingVocabulary implements Vocabulary {
  private current = new Map<string, { first?: StatusMatch | null; all?: StatusMatch[] }>();
  private previous = new Map<string, { first?: StatusMatch | null; all?: StatusMatch[] }>();

  constructor(readonly base: StatusVocabulary) {}

  nextGeneration(): void {
    this.previous = this.current;
    this.current = new Map();
  }

  find(text: string): StatusMatch | null {
    const e = this.entry(text);
    if (e.first === undefined) e.first = this.base.find(text);
    return e.first ? copyMatch(e.first) : null;
  }

  findAll(text: string): StatusMatch[] {
    const e = this.entry(text);
    e.all ??= this.base.findAll(text);
    return e.all.map(copyMatch);
  }

  private entry(text: string): { first?: StatusMatch | null; all?: StatusMatch[] } {
    let e = this.current.get(text);
    if (!e) {
      e = this.previous.get(text) ?? {};
      this.current.set(text, e);
    }
    return e;
  }
}

interface Starts { atWordStart: RegExp | null; inWord: RegExp | null }

/** After a word: no letter or digit follows. */
const WORD_END = '(?![\\p{L}\\p{N}])';

/** What a space in an entry matches. */
const SEPARATOR = '[\\s\\-_]+';

/** The code point that ends before `at` (a surrogate pair read as one, as a look-behind reads it). */
function codePointBefore(text: string, at: number): number {
  const low = text.charCodeAt(at - 1);
  if (low >= 0xdc00 && low <= 0xdfff && at >= 2) {
    const high = text.charCodeAt(at - 2);
    if (high >= 0xd800 && high <= 0xdbff) return (high - 0xd800) * 0x400 + (low - 0xdc00) + 0x10000;
  }
  return low;
}

/** `[\p{L}\p{N}]` as the alternation's look-arounds read it (flags `iu`), per code point, remembered. */
const LETTER_OR_DIGIT = /^[\p{L}\p{N}]$/iu;
const letterOrDigitBmp = new Uint8Array(0x10000);
const letterOrDigitAstral = new Map<number, boolean>();
function isLetterOrDigit(c: number): boolean {
  if (c < 0x10000) {
    let k = letterOrDigitBmp[c]!;
    if (k === 0) letterOrDigitBmp[c] = k = LETTER_OR_DIGIT.test(String.fromCharCode(c)) ? 2 : 1;
    return k === 2;
  }
  let k = letterOrDigitAstral.get(c);
  if (k === undefined) letterOrDigitAstral.set(c, (k = LETTER_OR_DIGIT.test(String.fromCodePoint(c))));
  return k;
}

function escape(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
}

let defaultVocabulary: StatusVocabulary | undefined;
export function getVocabulary(extra?: Partial<Record<StatusValue, readonly string[]>>): StatusVocabulary {
  if (extra && Object.keys(extra).length > 0) return new StatusVocabulary(extra);
  return (defaultVocabulary ??= new StatusVocabulary());
}
