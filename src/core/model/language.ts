/**
 * The language a document is written in, from its own text: the script of its letters
 * (Cyrillic, Han, kana, hangul, Arabic), and for Latin-script languages the frequent short
 * words, the status words (`Concluído`, `En cours`, `Erledigt`) and the field names
 * (`Última Atualização`, `Responsable`, `Verantwortlich`) it uses. English text in code
 * identifiers, links and file names does not count: only those words do.
 *
 * The result is a BCP-47 primary language subtag (`pt`, `zh`, `uk`) or `und` when the text
 * says too little, with the share of the evidence that points to it and the other languages
 * the document mixes in. The grammar uses it where the language decides (numeric day order).
 */
import { STATUS_WORDS_BY_LANGUAGE, type Language } from '../grammar/status-words';
import { append } from '../collections';

export interface DocumentLanguage {
  /** BCP-47 primary subtag (`en`, `pt`, `zh`, …) or `und` when undetermined. */
  code: string;
  /** The share of the evidence that points to `code`, 0–1 (0 when undetermined). */
  confidence: number;
  /** Other languages with a substantial share of the text (a mixed document), strongest first. */
  also: string[];
  /** What decided it, short and readable: `script: Cyrillic`, `frequent words: 14`, `status words: 2`. */
  evidence: string[];
}

export const UNDETERMINED: DocumentLanguage = Object.freeze({ code: 'und', confidence: 0, also: [], evidence: [] }) as DocumentLanguage;

/** How much of a document is read: its beginning says enough. */
export const LANGUAGE_SAMPLE = 20_000;
const SAMPLE = LANGUAGE_SAMPLE;
/** Below this score nothing is decided. */
const MIN_SCORE = 3;
/** Another language takes at least this share of the score to be named in `also`. */
const MIXED_SHARE = 0.2;

/** Frequent short words per language (lower case): prose uses them, code and names rarely do. */
const FREQUENT: Readonly<Record<string, readonly string[]>> = {
  en: ['the', 'and', 'is', 'of', 'to', 'for', 'with', 'are', 'this', 'that', 'from', 'will', 'all', 'be'],
  pt: ['não', 'com', 'para', 'uma', 'são', 'está', 'dos', 'das', 'ao', 'em', 'os', 'da', 'mais', 'ou', 'também'],
  es: ['el', 'los', 'las', 'del', 'con', 'para', 'una', 'es', 'está', 'por', 'que', 'se', 'al', 'más', 'también'],
  fr: ['le', 'les', 'des', 'et', 'est', 'pour', 'avec', 'une', 'du', 'dans', 'sur', 'pas', 'au', 'aux'],
  de: ['der', 'die', 'das', 'und', 'ist', 'mit', 'für', 'nicht', 'von', 'den', 'dem', 'auf', 'ein', 'eine', 'wird'],
  it: ['il', 'di', 'che', 'per', 'con', 'sono', 'della', 'delle', 'gli', 'nel', 'alla', 'non', 'anche'],
  vi: ['và', 'của', 'là', 'các', 'được', 'cho', 'trong', 'với', 'không', 'những'],
  ru: ['и', 'в', 'не', 'на', 'что', 'для', 'по', 'из', 'это', 'как', 'все', 'от', 'до'],
  uk: ['і', 'та', 'що', 'для', 'як', 'це', 'не', 'на', 'з', 'до', 'від', 'які'],
};

/** Field names and table headers per language (lower case), beyond the status words. */
const FIELD_WORDS: Readonly<Partial<Record<Language, readonly string[]>>> = {
  en: ['last updated', 'owner', 'due date', 'start date', 'end date', 'progress', 'milestone', 'deliverables'],
  pt: ['última atualização', 'responsável', 'prazo', 'data de início', 'progresso', 'marco', 'entregas', 'tarefa', 'tarefas'],
  es: ['última actualización', 'responsable', 'fecha', 'fecha de inicio', 'progreso', 'hito', 'entregables', 'tarea', 'tareas'],
  fr: ['dernière mise à jour', 'mis à jour', 'responsable', 'échéance', 'date de début', 'avancement', 'jalon', 'livrables', 'tâche', 'tâches'],
  de: ['letzte aktualisierung', 'stand', 'verantwortlich', 'fällig', 'startdatum', 'fortschritt', 'meilenstein', 'aufgabe', 'aufgaben'],
  it: ['ultimo aggiornamento', 'responsabile', 'scadenza', 'data di inizio', 'avanzamento', 'traguardo', 'attività'],
  ru: ['последнее обновление', 'ответственный', 'срок', 'дата начала', 'прогресс', 'этап', 'задача', 'задачи'],
  uk: ['останнє оновлення', 'відповідальний', 'термін', 'дата початку', 'прогрес', 'етап', 'завдання'],
};

const PHRASE_LANGS = (Object.keys(STATUS_WORDS_BY_LANGUAGE) as Language[]).filter((lang) => !['zh', 'ja', 'ko'].includes(lang));
const WORD = /\p{L}+/gu;
/** A phrase as the words it is made of, lower case, joined by one space (`in-progress` → `in progress`). */
const wordsKey = (phrase: string) => (phrase.toLowerCase().match(WORD) ?? []).join(' ');
/**
 * The status words and field names of the Latin and Cyrillic languages, by their words, with
 * the one language each belongs to. Phrases two languages share (`bloqueado`, `responsable`)
 * tell nothing apart and are left out.
 */
const PHRASE_LANG = new Map<string, string>();
/** The first words of the phrases of PHRASE_LANG that have more words (`in`, `não`, `last`): where a longer phrase can go on. */
const PHRASE_HEADS = new Set<string>();
/** How many words the longest phrase has. */
let PHRASE_WORDS = 1;
{
  const owners = new Map<string, Set<string>>();
  for (const lang of PHRASE_LANGS) {
    for (const w of [...Object.values(STATUS_WORDS_BY_LANGUAGE[lang]).flat(), ...(FIELD_WORDS[lang] ?? [])]) {
      const key = wordsKey(w);
      if (key) owners.set(key, (owners.get(key) ?? new Set()).add(lang));
    }
  }
  for (const [key, langs] of owners) {
    if (langs.size !== 1) continue;
    PHRASE_LANG.set(key, [...langs][0]!);
    PHRASE_WORDS = Math.max(PHRASE_WORDS, key.split(' ').length);
    const words = key.split(' ');
    for (let n = 1; n < words.length; n++) PHRASE_HEADS.add(words.slice(0, n).join(' '));
  }
}

/** Each frequent word and the languages that use it; a word two languages share counts half for each. */
const FREQUENT_LANGS = new Map<string, string[]>();
for (const [lang, words] of Object.entries(FREQUENT)) for (const w of words) append(FREQUENT_LANGS, w, lang);

/** Letters only Ukrainian writes (і ї є ґ), and letters only Russian writes (ы э ъ ё). */
const UKRAINIAN_LETTERS = new Set(['і', 'ї', 'є', 'ґ']);
const RUSSIAN_LETTERS = new Set(['ы', 'э', 'ъ', 'ё']);
/** A word of another script weighs this much against a frequent Latin word (prose has about one of those in four words). */
const SCRIPT_WORD_WEIGHT = 0.3;
/** A status word or field name weighs this much: a table of statuses says the language even with little prose. */
const PHRASE_WEIGHT = 2;
/** Phrase hits counted at most per language, so that a long tracker's status column does not drown its prose. */
const MAX_PHRASES = 40;

const isCyrillic = (c: number) => c >= 0x400 && c <= 0x52f;
const isArabic = (c: number) => c >= 0x600 && c <= 0x6ff;
const isHangul = (c: number) => (c >= 0xac00 && c <= 0xd7af) || (c >= 0x1100 && c <= 0x11ff) || (c >= 0x3130 && c <= 0x318f);
const isKana = (c: number) => c >= 0x3040 && c <= 0x30ff;
const isHan = (c: number) => (c >= 0x4e00 && c <= 0x9fff) || (c >= 0x3400 && c <= 0x4dbf) || (c >= 0xf900 && c <= 0xfaff);

/** The document's language, from its first `SAMPLE` characters. */
export function detectLanguage(text: string): DocumentLanguage {
  const sample = text.slice(0, SAMPLE).toLowerCase();
  const score = new Map<string, number>();
  const add = (lang: string, n: number) => { if (n > 0) score.set(lang, (score.get(lang) ?? 0) + n); };
  const frequent = new Map<string, number>();
  const phrases = new Map<string, number>();
  let cyrillic = 0, arabic = 0, hangul = 0, han = 0, kana = 0, ukrainian = 0, russian = 0;
  WORD.lastIndex = 0;
  const words: string[] = sample.match(WORD) ?? [];
  for (let k = 0; k < sample.length; k++) {
    const d = sample.charCodeAt(k);
    if (d < 0x3040) continue;
    if (isHan(d)) han++;
    else if (isKana(d)) kana++;
  }
  for (let i = 0; i < words.length; i++) {
    const w = words[i]!;
    const langs = FREQUENT_LANGS.get(w);
    if (langs) for (const lang of langs) frequent.set(lang, (frequent.get(lang) ?? 0) + 1 / langs.length);
    const c = w.charCodeAt(0);
    if (isCyrillic(c)) {
      cyrillic++;
      for (const ch of w) { if (UKRAINIAN_LETTERS.has(ch)) ukrainian++; else if (RUSSIAN_LETTERS.has(ch)) russian++; }
    } else if (isArabic(c)) arabic++;
    else if (isHangul(c)) hangul++;
    // Status words and field names: the longest phrase of words starting here.
    let key = '';
    let lang: string | undefined;
    for (let n = 0; n < PHRASE_WORDS && i + n < words.length; n++) {
      key = n === 0 ? w : `${key} ${words[i + n]}`;
      lang = PHRASE_LANG.get(key) ?? lang;
      // No phrase goes on from here: the longer keys are in no phrase either.
      if (!PHRASE_HEADS.has(key)) break;
    }
    if (lang) phrases.set(lang, Math.min(MAX_PHRASES, (phrases.get(lang) ?? 0) + 1));
  }

  // Cyrillic words go to Russian or Ukrainian by the letters only one of them writes.
  const cyrillicLang = ukrainian > russian ? 'uk' : 'ru';
  for (const lang of Object.keys(FREQUENT)) {
    if (lang === 'ru' || lang === 'uk') continue;
    add(lang, (frequent.get(lang) ?? 0) + PHRASE_WEIGHT * (phrases.get(lang) ?? 0));
  }
  add(cyrillicLang, cyrillic * SCRIPT_WORD_WEIGHT + PHRASE_WEIGHT * (phrases.get(cyrillicLang) ?? 0));
  add('ar', arabic * SCRIPT_WORD_WEIGHT);
  add('ko', hangul * SCRIPT_WORD_WEIGHT);
  // Han characters are about two to a word; kana among them make the text Japanese.
  if (han + kana > 0) add(kana >= (han + kana) * 0.1 ? 'ja' : 'zh', ((han + kana) / 2) * SCRIPT_WORD_WEIGHT);

  const ranked = [...score.entries()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
  const best = ranked[0];
  if (!best || best[1] < MIN_SCORE) return UNDETERMINED;
  const total = ranked.reduce((s, [, n]) => s + n, 0);
  const code = best[0];
  const evidence: string[] = [];
  const script = code === 'ru' || code === 'uk' ? `Cyrillic (${cyrillic} words)` : code === 'ar' ? `Arabic (${arabic} words)` : code === 'ko' ? `Hangul (${hangul} words)`
    : code === 'zh' ? `Han (${han} characters)` : code === 'ja' ? `kana and Han (${han + kana} characters)` : null;
  if (script) evidence.push(`script: ${script}`);
  const f = frequent.get(code) ?? 0;
  if (f && code !== 'ru' && code !== 'uk') evidence.push(`frequent words: ${Math.round(f)}`);
  const p = phrases.get(code) ?? 0;
  if (p) evidence.push(`status words and field names: ${p}`);
  return {
    code,
    confidence: Math.round((best[1] / total) * 100) / 100,
    also: ranked.slice(1).filter(([, n]) => n / total >= MIXED_SHARE).map(([lang]) => lang),
    evidence,
  };
}
