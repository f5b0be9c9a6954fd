/**
 * How authors mark a status on a row, a heading, a field or a whole document, and the wording
 * that makes a status word something else: part of a phrase (`Definition of Done`), a hedge
 * (`almost done`), a target, a decoration. Read by `model/claims/status.ts`.
 */
import type { Vocabulary } from '../model/vocabulary';

/** Sub-sections and tasks that are meant to stay open under a finished section. */
export const LATER_WORK = /\b(?:next\s+(?:steps?|phases?|sprints?|iterations?|milestones?|releases?)|future|follow[\s-]?ups?|optional|deferred|nice[\s-]to[\s-]have|stretch|later|backlog|to\s?do|todo|remaining|outstanding|pending|open\s+(?:items|questions|issues)|known\s+issues|limitations|roadmap|upcoming|planned|recommendations?|phase\s+\d+\s*\(?planned|post-(?:mvp|launch|release|v\d)|v\d|manual\b|out\s+of\s+scope|won'?t|not\s+(?:in|part)|blocked|risks?)|próximos\s+passos|pr[oó]ximos\s+pasos|n[aä]chste\s+schritte|prochaines\s+étapes|pr[oó]xim[ao]s?\s+(?:fases?|etapas?|sprints?)|siguientes?\s+(?:fases?|pasos)|n[aä]chste\s+(?:phase|sprint)|(?:phase|étape)\s+suivante|下一步|下一阶段|后续|следующ(?:ие|ий|ая)\s+(?:шаги|этап|фаза|спринт)/iu;

/** Headings that list conditions, not work: their marks are icons. */
export const CONDITIONS = /criteria|checklist|definition\s+of\s+done|verification|requirements?|acceptance|must\s+have|should\s+have|could\s+have|summary|actions?\b|to-?do|checks\b|how\s+to|plan\b|template|example|legend|critérios|criterios|kriterien|critères|验收|标准|критери/iu;

/** A document title that names a tracker of work (`Development Checklist`): its sections are work, not conditions. */
export const TRACKER_TITLE = /checklist|tracker|lista de verifica|lista de control/iu;

/** Function words before a status word that make it part of a phrase (`Definition of Done`, `Tasks to Complete`). */
const PHRASE_BEFORE = /\b(?:of|to|the|a|an|be|is|are|until|when|before|after|and|or|mark|marked|as|will|must|should|can|how|what|once|if|target|goal|expected|aim|by)\s{0,3}[:(]?\s{0,3}$/i;
const TARGET_BEFORE = /\b(?:target|goal|expected|aim|due|deadline|eta)\b/i;

/** Emoji that decorate more often than they report: green means on track, a clipboard means a list. */
const WEAK = new Set(['🟢', '📋', '📅', '[x]', '[ ]']);
/** Words right before `done` that take it back: `not complete`, `almost done`, `partially complete`. */
const HEDGED = /(?<![\p{L}])(?:not|mostly|partially|nearly|almost|half|in|un|pre|quase|casi|quasi|presque|fast|noch|nicht|não|no|non|pas|не|почти|майже|ще)[\s-]{0,3}$|(?:未|几乎|基本|尚未|거의)\s{0,2}$/iu;
/** A percentage below 100 next to a done word (`✅ 80% COMPLETE`) grades progress, it does not say done. */
const PARTIAL_PERCENT = /(?<![\d.])\d{1,2}(?:\.\d+)?\s?%/;
/** A percentage in a status cell (`✅ 95%`): a traffic light on a number. */
export const PERCENT_IN_CELL = /\d\s?%/;

export interface StatusMark {
  value: 'done' | 'planned';
  /** Offsets in the classified text: from the first status token to the end of the last. */
  start: number;
  end: number;
  text: string;
}

/**
 * What `text` says as a status when it says one thing: done (✅, Complete) or planned
 * (Planned, To Do). Mixed or hedged statuses (`✅ 80% COMPLETE`, `Mostly Complete`) say neither.
 */
export function classifyStatus(vocabulary: Vocabulary, text: string): StatusMark | null {
  const mentions = vocabulary.findAll(text).filter((m) => !WEAK.has(m.text));
  if (!mentions.length) return null;
  const values = new Set<string>();
  for (const m of mentions) {
    let v: string = m.value;
    if (v === 'done' && HEDGED.test(text.slice(Math.max(0, m.index - 20), m.index))) v = 'in-progress';
    values.add(v);
  }
  if (values.size !== 1) return null;
  const value = [...values][0];
  if (value !== 'done' && value !== 'planned') return null;
  if (value === 'done' && PARTIAL_PERCENT.test(text)) return null;
  const first = mentions[0]!;
  const last = mentions[mentions.length - 1]!;
  return { value, start: first.index, end: last.index + last.length, text: text.slice(first.index, last.index + last.length) };
}

/**
 * Whether a status token in a heading marks the heading (`Phase 2 COMPLETE`, `Sprint 1 (Done)`,
 * `Phase 1 — Complete — …`, a trailing ✅), never a verb that starts a title
 * (`Complete Data Validation`), a phrase (`Definition of Done`) or a target (`Target: all complete`).
 */
export function isHeadingMarker(heading: string, at: number, token: string): boolean {
  const before = heading.slice(0, at);
  const after = heading.slice(at + token.length);
  if (PHRASE_BEFORE.test(before) || TARGET_BEFORE.test(before)) return false;
  // CJK, Cyrillic, Hangul words are too often part of a phrase (`已完成的任务`): they mark the
  // heading only at its end, after a mark or a separator (`第二阶段：用户库 ✅ 已完成`, `Этап 2 — Завершено`).
  if (NON_LATIN_LETTER.test(token)) return !/[\p{L}\p{N}]/u.test(after) && (!/^[\p{L}]/u.test(token) || SEPARATOR_END.test(before) || !/[\p{L}\p{N}]/u.test(before));
  if (!/[\p{L}]/u.test(token)) return /[\p{L}\p{N}]/u.test(before) || !/[\p{L}\p{N}]/u.test(after); // a trailing mark, not a leading icon
  if (!/[\p{L}\p{N}]/u.test(after)) return true; // the heading ends with it
  if (/^[\s*_]{0,6}[)\]]/.test(after) && Math.max(before.lastIndexOf('('), before.lastIndexOf('[')) > Math.max(before.lastIndexOf(')'), before.lastIndexOf(']'))) return true; // `(Complete)`
  return /^[\s*_]{0,6}(?:[-–—|:]|$)/.test(after) && /[-–—|:]\s{0,3}[*_]{0,3}\s{0,3}$/.test(before); // `Phase 1 — Complete — …`
}

/** A letter of another script than Latin. */
const NON_LATIN_LETTER = /(?![\p{Script=Latin}])\p{L}/u;
/** A heading's text that ends with a separator before its status word: `Этап 2 —`, `第二阶段：`, `(`. */
const SEPARATOR_END = /[-–—|:：(（\[【]\s{0,3}[*_]{0,3}\s{0,3}$/u;

/** The first line of a task item: its own words, without the sub-items under it. */
export function firstLine(text: string): string {
  const nl = text.indexOf('\n');
  return nl < 0 ? text : text.slice(0, nl);
}
