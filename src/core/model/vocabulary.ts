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
 * Running that alternation tries every entry at every character. Instead, one small pattern
 * finds the places where an entry can start (the first character of some entry, and for the
 * entries with a boundary only at the start of a word), and at each such place a sticky
 * alternation of just the entries that start with that character (in the same order, with the
 * same look-arounds) decides: the same matches, since an entry that cannot start with a
 * character cannot match there.
 */
export class StatusVocabulary {
  private readonly byText = new Map<string, StatusValue>();
  /** The alternation's branches, in order: what `find` and `findAll` match. */
  readonly alternatives: readonly string[];
  /** The first element of each branch: an escaped character, or `SEPARATOR` for a branch that starts with a space run. */
  private readonly firsts: readonly string[];
  /** Where some branch may start. */
  private readonly starts: RegExp;
  /** Per character at a start: the sticky alternation of the branches that start with it (null: none). */
  private readonly byChar = new Map<number, RegExp | null>();
  /** The same alternations, by the branches they hold. */
  private readonly bySubset = new Map<string, RegExp>();
  /** Per distinct first element: does a character match it (as it would in the alternation). */
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
    const bounded = entries.map((e) => e.word && /^[\p{Script=Latin}\p{Script=Cyrillic}\d]/u.test(e.text));
    this.alternatives = entries.map((e, i) => {
      const body = escape(e.text).replace(/ /g, SEPARATOR);
      // Latin and Cyrillic words need word boundaries; CJK and emoji do not.
      return bounded[i] ? `(?<![\\p{L}\\p{N}])${body}(?![\\p{L}\\p{N}])` : body;
    });
    this.firsts = entries.map((e) => (e.text[0] === ' ' ? SEPARATOR : escape(String.fromCodePoint(e.text.codePointAt(0)!))));
    const atWordStart = new Set<string>();
    const anywhere = new Set<string>();
    entries.forEach((_, i) => (bounded[i] ? atWordStart : anywhere).add(this.firsts[i]!));
    const branches: string[] = [];
    if (atWordStart.size) branches.push(`(?<![\\p{L}\\p{N}])(?:${[...atWordStart].join('|')})`);
    if (anywhere.size) branches.push(...anywhere);
    this.starts = branches.length ? new RegExp(branches.join('|'), 'giu') : /(?!)/gu;
  }

  /** The first status token in `text` (earliest; the longest at the same place). */
  find(text: string): StatusMatch | null {
    for (let m = this.next(text, 0); m; m = this.next(text, m.index + m[0].length)) {
      const token = m[0];
      const value = this.lookup(token);
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
      const value = this.lookup(m[0]);
      if (value) out.push({ value, index: m.index, length: m[0].length, text: m[0] });
    }
    return out;
  }

  /** The alternation's first match at or after `from`. */
  private next(text: string, from: number): RegExpExecArray | null {
    const starts = this.starts;
    starts.lastIndex = from;
    for (let s = starts.exec(text); s; s = starts.exec(text)) {
      const re = this.branchesAt(text.codePointAt(s.index)!);
      if (!re) continue;
      re.lastIndex = s.index;
      const m = re.exec(text);
      if (m) return m;
    }
    return null;
  }

  private branchesAt(c: number): RegExp | null {
    let re = this.byChar.get(c);
    if (re !== undefined) return re;
    const ch = String.fromCodePoint(c);
    const picked: number[] = [];
    this.firsts.forEach((first, i) => {
      let test = this.firstTests.get(first);
      if (!test) this.firstTests.set(first, (test = new RegExp(`^${first}$`, 'iu')));
      if (test.test(ch)) picked.push(i);
    });
    const key = picked.join(',');
    re = picked.length === 0 ? null : this.bySubset.get(key) ?? new RegExp(picked.map((i) => this.alternatives[i]).join('|'), 'iuy');
    if (re) this.bySubset.set(key, re);
    this.byChar.set(c, re);
    return re;
  }

  private lookup(token: string): StatusValue | undefined {
    return this.byText.get(token.toLowerCase().replace(/[\s\-_]+/g, ' ')) ?? this.byText.get(token.toLowerCase());
  }
}

/** What a space in an entry matches. */
const SEPARATOR = '[\\s\\-_]+';

function escape(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
}

let defaultVocabulary: StatusVocabulary | undefined;
export function getVocabulary(extra?: Partial<Record<StatusValue, readonly string[]>>): StatusVocabulary {
  if (extra && Object.keys(extra).length > 0) return new StatusVocabulary(extra);
  return (defaultVocabulary ??= new StatusVocabulary());
}
