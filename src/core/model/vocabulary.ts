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

export class StatusVocabulary {
  private readonly pattern: RegExp;
  private readonly byText = new Map<string, StatusValue>();

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
    const alternatives = entries.map((e) => {
      const body = escape(e.text).replace(/ /g, '[\\s\\-_]+');
      // Latin and Cyrillic words need word boundaries; CJK and emoji do not.
      return e.word && /^[\p{Script=Latin}\p{Script=Cyrillic}\d]/u.test(e.text)
        ? `(?<![\\p{L}\\p{N}])${body}(?![\\p{L}\\p{N}])`
        : body;
    });
    this.pattern = new RegExp(alternatives.join('|'), 'giu');
  }

  /** The first status token in `text` (earliest; the longest at the same place). */
  find(text: string): StatusMatch | null {
    // exec, not matchAll: matchAll clones the regex on every call, and compiling this one
    // alternation again costs far more than the search (the matches are the same).
    const re = this.pattern;
    re.lastIndex = 0;
    for (let m = re.exec(text); m; m = re.exec(text)) {
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
    const re = this.pattern;
    re.lastIndex = 0;
    for (let m = re.exec(text); m; m = re.exec(text)) {
      const value = this.lookup(m[0]);
      if (value) out.push({ value, index: m.index, length: m[0].length, text: m[0] });
    }
    return out;
  }

  private lookup(token: string): StatusValue | undefined {
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

function escape(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
}

let defaultVocabulary: StatusVocabulary | undefined;
export function getVocabulary(extra?: Partial<Record<StatusValue, readonly string[]>>): StatusVocabulary {
  if (extra && Object.keys(extra).length > 0) return new StatusVocabulary(extra);
  return (defaultVocabulary ??= new StatusVocabulary());
}
