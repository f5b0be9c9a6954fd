/**
 * The wording of a ratio stated as a percentage: `164/173 tests passing (96%)`, `45 of 52
 * scenarios pass, i.e. 92%`, `95% (19/20)`, `| 7/10 | 70% |`; and of completion percentages
 * (`120% complete`, `Progress: 130%`) that percent-range reads.
 */

/**
 * `164/173 tests passing (96%)`, `38 of 41 repos = 93%`, `45 of 52 pass, i.e. 92%`, `45 de 52
 * passam, ou seja, 92%`, `18 de 24 historias (75%)`, `27 из 30 задач (90%)`, `45/50（90%）`.
 */
export const RATIO_THEN_PERCENT = /^(?:[\s\p{L}'’-]{0,48}(?:[(（=≈]|,\s?(?:i\.e\.|or|ou seja|isto é|es decir|o sea|d\.\s?h\.|also|soit|c'est-à-dire|т\.\s?е\.|то есть|即)\s?,?|:)\s{0,8}|\s{0,8}[-–—]\s{1,8})$/u;
/** `95% (19/20)`, `78% complete (7 of 9 tasks)`, `100% - 30/30`, `Cobertura: 90% (45/50)`. */
export const PERCENT_THEN_RATIO = /^(?:(?:\s{0,8}(?:complete|completed|completion|done|finished|success|successful|pass|passing|passed|rate|implemented|migrated|converted|fixed|resolved|closed|integration|test|tests|concluído|completo|completado|abgeschlossen|terminé|完成|完了)){0,3}\s{0,8}\(\s{0,8}|\s{1,8}[-–—]\s{1,8})$/iu;
/** Words between a percentage and a ratio that say the percentage is something else. */
export const OTHER_MEASURE = /\b(?:target|goal|threshold|required|minimum|min|max|maximum|needed|expected|budget|limit|sla|slo|weight|weighted|confidence|margin|tolerance|by\s+points?|points)\b/i;
/** Column headers of a percentage that may sit next to a ratio without stating it. */
export const NOT_SHARE_HEADER = /weight|contribut|target|goal|threshold|budget|change|delta|growth|improvement|increase|reduction|risk|confidence|probability/i;
export const SHARE_HEADER = /%|percent|rate|share|taxa|tasa|quote|比例|率/i;
/** `Phase 2/4 (30%)`: an ordinal position, not a share. */
export const ORDINAL_BEFORE = /(?:phase|sprint|week|step|day|stage|wave|iteration|part|page|chapter|level|round|session|epic|milestone|month|quarter|release|version|story|task|item|fase|etapa|semana|phase|woche)\s{0,3}$/i;
/** `(90% threshold)`, `(20% of the project)`, `(30% weight)`: a percentage next to the ratio that is not its share. */
export const NOT_THE_SHARE = /^\s{0,8}(?:of|target|goal|threshold|required|requirement|minimum|min|max|maximum|needed|expected|budget|limit|sla|slo|bar|cutoff|weight|weighted|confidence|margin|tolerance|meta|objetivo|ziel)\b/i;
/** Words that make a percentage the complement of the ratio (`18 of 46 fail (61% passing)`). */
export const COMPLEMENT = /\b(?:fail(?:s|ed|ing|ures?)?|remaining|left|pending|missing|open|outstanding|to go|not\s\p{L}{1,20}|incomplete|uncovered|blocked)\b/iu;
/** The parenthesis opened before a percentage closes soon after it. */
export const CLOSES_SOON = /^[^()（）\d]{0,40}[)）]/;
export const CLOSES_LATER = /^[^()（）\d]{0,60}[)）]/;
export const OPENS = /[(（]/;
/** Words a ratio or percent cell may hold besides its number. */
export const CELL_WORDS = /\b(?:files?|tests?|tasks?|items?|stories|story|done|complete|passing|passed)\b/gi;
export const LETTER_OR_DIGIT = /[\p{L}\p{N}]/u;
export const DIGIT = /\d[\d,]*(?:\.\d+)?/;

// ---------------------------------------------------------------- completion percentages

/** `120% complete`, `130% done`, `(120% Backend Complete)`, `120% COMPLETE`. */
export const COMPLETION_AFTER = /^\s{0,8}(?:[\p{L}-]{1,20}\s{1,3}){0,2}?(?:complete|completed|completion|done|finished|implemented|progress|concluído|completo|completado|abgeschlossen|fertig|terminé|完成|完了|완료)(?![\p{L}])/iu;
/** `Backend progress: 120%`, `**Completion**: 130%`, `% Complete = 105%`. */
export const COMPLETION_BEFORE = /(?:progress|completion|complete|completed|percent done|% done|done|完成度|完成率|进度|進捗|진행률|완료율|avance|progreso|progresso|progression|fortschritt)\s{0,3}(?:rate|level|status)?\s{0,3}[:：=]?\s{0,3}(?:at\s{1,3})?$/iu;
/** Percentages that may exceed 100: growth, attainment of a target, ROI, coverage gains. */
export const NOT_COMPLETION = /^\s{0,8}(?:of\s{1,3}(?:the\s{1,3})?(?:schedule|target|goal|plan|planned|budget|expected|estimate|quota|baseline|capacity|forecast|last|previous)|(?:growth|increase|improvement|more|faster|better|higher|over|above|ahead|roi|return|gain|uplift|coverage|utili[sz]ation|capacity|efficiency|attainment|vs\.?|versus|over-?delivered|exceeded)\b)/iu;
export const COMPLETION_HEADER_EXCLUDED = /target|goal|growth|change|increase|delta|vs\.?|versus|of plan|of target|attainment|coverage|roi|utili[sz]/i;
/** Separators stripped before reading the words after a percentage. */
export const LEAD_SEPARATORS = /^[\s(\[,–—-]{1,8}/;
export const TRAILING_MARKUP = /[|*_]{1,6}\s{0,8}$/;
export const TRAILING_LABEL_PUNCT = /[|*_:：=\s]{1,12}$/;
