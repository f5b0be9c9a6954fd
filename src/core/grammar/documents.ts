/**
 * The wording of a document's own date and state: which fields say when it was last updated,
 * which titles name a dated record rather than a tracker, which sections are logs, and the
 * banners that retire a document. Used by the `document` claims (model/claims/document.ts).
 */

/**
 * Field names (as `canonicalFieldName` leaves them: lower case, punctuation removed) that say
 * when the document was last updated, in the languages status documents are written in.
 */
const LAST_UPDATED_KEYS = new Set([
  'last-updated',
  // Portuguese, Spanish
  'última atualização', 'ultima atualização', 'ultima atualizacao', 'última atualizacao', 'atualizado em', 'atualizado', 'último update',
  'última actualización', 'ultima actualizacion', 'última actualizacion', 'actualizado el', 'fecha de actualización', 'fecha de actualizacion',
  // French, German, Italian
  'mis à jour', 'mise à jour', 'dernière mise à jour', 'derniere mise a jour', 'mis à jour le', 'stand', 'letzte aktualisierung', 'aktualisiert', 'zuletzt aktualisiert',
  'ultimo aggiornamento', 'aggiornato', 'aggiornato il',
  // Russian, Ukrainian
  'последнее обновление', 'обновлено', 'дата обновления', 'дата последнего обновления', 'останнє оновлення', 'оновлено', 'дата оновлення',
  // Chinese, Japanese, Korean, Arabic, Turkish
  '最后更新', '最后更新时间', '更新时间', '更新日期', '最後更新', '最終更新', '最終更新日', '更新日', '업데이트', '최종 업데이트', '최종 수정', 'آخر تحديث', 'son güncelleme',
]);

/** `Last Updated`, `Última Atualização`, `Последнее обновление`, `最后更新`, … (a canonical field name). */
export function isLastUpdatedKey(name: string): boolean {
  return LAST_UPDATED_KEYS.has(name);
}

/** The document's own date (`Date:`, `Fecha:`, `Дата:`), read only at the top of the document. */
export function isDocumentDateKey(name: string): boolean {
  return name === 'date' || name === 'data' || name === 'datum';
}

/** Titles of dated records (a final report, a review, a recap): kept as written, not kept current. */
export const SNAPSHOT_TITLE = new RegExp(String.raw`(?<![\p{L}])(?:final|review|retrospective|retro|recap|summary|post-?mortem|report|session|handoff|hand-off|progress update|status update|weekly update|daily update|decision|analysis|audit|assessment|evaluation|` +
  String.raw`relatório|análise|decisão|resumo|informe|reporte|análisis|decisión|resumen|bericht|abschlussbericht|zusammenfassung|analyse|entscheidung|rapport|bilan|synthèse|décision|` +
  String.raw`отч[её]т|итог(?:овый|и)?|анализ|решение|звіт|підсумок)(?![\p{L}])|报告|总结|分析|决策|報告|まとめ|分析|보고서|분석`, 'iu');

/** Sections whose tables are logs of updates: their newest entry is the document's newest date. */
export const LOG_SECTION = /\b(?:updates?|changelog|change log|changes|history|log|revisions?|journal)\b/i;

/** A document retired by its own words: its dates are history, never overdue. */
const RETIRED_WORDS = String.raw`(?:archived|superseded|historical|deprecated|obsolete|arquivado|archivado|obsoleto|archiviert|veraltet|archivé|obsolète|архив(?:ный|ирован)?|устарел|已归档|已废弃|已过时)`;
/** `Status: Archived`, `> This document is superseded by …`, `# [ARCHIVED] Plan`, `(historical)`. */
const RETIRED = new RegExp(
  String.raw`(?:^|[\s(\[>*_:|-])${RETIRED_WORDS}(?=$|[\s)\].,:;!*_-])`,
  'iu',
);
/** `no longer maintained`, `kept for reference`, `for historical reference`. */
const RETIRED_PHRASE = /\b(?:no longer (?:maintained|current|updated|in use|valid)|kept for (?:historical )?reference|for historical (?:reference|purposes)|replaced by)\b/i;

/** A banner that retires the document itself: a line that starts with the word (`> ⚠️ ARCHIVED: …`) or says `this document is superseded`. */
const RETIRED_BANNER = new RegExp(
  String.raw`^[^\p{L}\p{N}]{0,8}${RETIRED_WORDS}(?![\p{L}])|\b(?:this|the present) (?:document|file|page|plan|report|tracker)\b[^.\n]{0,40}\b(?:is|has been|was|now)\b[^.\n]{0,20}${RETIRED_WORDS}(?![\p{L}])`,
  'iu',
);

/** Whether a title or a status value retires the document. */
export function isRetired(text: string): boolean {
  return RETIRED.test(text) || RETIRED_PHRASE.test(text);
}

/** Whether a line at the top of a document retires it (not a mention of another, deprecated document). */
export function isRetiredBanner(text: string): boolean {
  return RETIRED_BANNER.test(text) || RETIRED_PHRASE.test(text);
}

/** How many of a document's first lines can hold a banner that retires it. */
export const BANNER_LINES = 12;

/**
 * A document's progress headline written in prose or a heading (`Current Status: 60% Complete`,
 * `Overall Completion: 60%`), when it has no Overall Progress field: below 100%, it is not done.
 */
export const PROGRESS_KEY = /(?<![\p{L}])(?:overall|current|total|project|global|geral|gesamt|общий)(?![\p{L}])/iu;
/** The percentage after a progress key, looked for within `PROGRESS_WINDOW` characters of it. */
export const PROGRESS_PERCENT = /(?<value>\d{1,3}(?:[.,]\d{1,2})?)[ \u00a0]?%/u;
export const PROGRESS_WINDOW = 48;
/** A progress headline names completion before or after its number (`Overall Completion: 60%`, `60% Complete`), not coverage or a score. */
export const PROGRESS_WORD = /progress|complet|status|fortschritt|progresso|progreso|avancement|прогресс|готовност|завершен/iu;
/** Right after the number: `60% Complete`, `60% concluído`. */
export const PROGRESS_AFTER = /^[*_  ]{0,4}(?:complete|completed|done|concluído|concluido|completo|completado|terminé|abgeschlossen|fertig|завершено|выполнено|完成)/iu;
/** Words near a progress headline that make it a target or an estimate, not the state. */
export const PROGRESS_NOT_STATE = /\b(?:target|goal|estimated|expected|projected|after|meta|objetivo|ziel)\b/i;
