/**
 * How authors state progress: a headline (`Overall Progress: 95%`, `**Progresso Geral:** 82%
 * (56/68 itens completos)`, `# Phase 2: 90% COMPLETE`), a task count (`Finished 5 of 8 tasks`),
 * a unit count (`5/9 phases complete`), and the breakdowns that compute it (phase lists, a
 * column of per-component percentages). Read by `model/claims/progress.ts`.
 */
import { allMatches } from '../model/regex';

/** The arrow of `75% → 95%`: the headline is the value after the last one. */
export const ARROW = /→|->|=>|⟶|➔|➡|â†’/g;

/** Field keys that name the whole document's progress. */
export const HEADLINE_KEY = /progress|complet|overall|total|geral|gesamt|global|general|fortschritt|avancement|avance|progreso|progresso|conclus|readiness|bereitschaft|prontidão|готовност|прогресс|выполнен|进度|完成度|進捗|진행/iu;
/** Keys whose percentage measures something else. */
export const NOT_PROGRESS_KEY = /score|quality|coverage|health|confidence|qualidade|cobertura|calidad|qualität|качеств|покрыт|覆盖|质量/iu;
/** Values that announce a goal, not a measurement. */
export const TARGET_VALUE = /estimat|target|goal|projected|expected|objetivo|meta\b|previs|prévu|ziel|objectif|цель|план|预计|目标/iu;
/** `**Status:** ✅ 95% COMPLETE`: a status field that states the headline progress. */
export const STATUS_KEY = /status|estado|statut|статус|状态/iu;
export const STATUS_PROGRESS_VALUE = /\d\s?%\s{0,3}(?:complete|done|completo|completa|concluído|erledigt|terminé|完成|завершено)(?![\p{L}])/iu;
/** What may stand before the headline figure in its field: emphasis, `~`. A value that starts with words is a sentence. */
export const FIGURE_LEAD = /^[\s~≈*_]*$/;

/** `# Phase 2: 90% COMPLETE` — a title that states its progress. */
export const TITLE_PROGRESS = /(?<![\d.])(\d+(?:\.\d+)?)\s?%\s{0,3}(?:complete|completion|done|completo|completa|concluído)(?![\p{L}])/iu;
const OVERALL_WORD = /(?<![\p{L}])(?:overall|current\s+status|project\s+(?:completion|progress)|globale?|gesamt(?:fortschritt)?|geral|general|общий|общая|总体|整体|全体)(?![\p{L}])/giu;
const PROGRESS_WORD = /complet|progress|avancement|fortschritt|progreso|conclus|прогресс|готовност|进度|完成度|進捗/iu;
/** A progress word right before the overall word (`Progression globale :`, `Progresso geral:`). */
const PROGRESS_BEFORE_OVERALL = /(?:complet|progress|avancement|fortschritt|progreso|conclus|прогресс|готовност|进度|完成度|進捗)\p{L}{0,6}\s{0,3}$/iu;
const DONE_AFTER = /^\s{0,3}(?:complete|done)\b/i;
const PERCENT_FIGURE = /(?<![\d.])(\d+(?:\.\d+)?)\s?%/;
const DIGIT = /\d/;

/**
 * `## OVERALL PROJECT COMPLETION: 85%`, `### Current Status: 60% Complete`, `## Progression
 * globale : 75 %`: the figure of a heading that states the overall progress — the first
 * percentage after an overall word, with a progress word between them, right before the
 * overall word, or a done word after the figure.
 */
export function overallHeadingFigure(title: string): number | null {
  const m = PERCENT_FIGURE.exec(title);
  if (!m) return null;
  const before = title.slice(0, m.index);
  const words = allMatches(before, OVERALL_WORD);
  if (!words.length) return null;
  const last = words[words.length - 1]!;
  const between = before.slice(last.index!);
  if (DIGIT.test(between)) return null;
  const progressBefore = PROGRESS_BEFORE_OVERALL.test(before.slice(Math.max(0, last.index! - 20), last.index));
  return PROGRESS_WORD.test(between) || progressBefore || DONE_AFTER.test(title.slice(m.index + m[0].length)) ? Number(m[1]) : null;
}

/** A list item that names one phase of the work: `Phase 1 (CI): ✅ 100%`, `✅ **Fase 2:** 50%`. */
export const PHASE_ITEM = /^[^\p{L}\p{N}]{0,12}(?:phases?|fases?|etapas?|stages?|phasen?|этап|фаза|阶段|階段)(?![\p{L}])/iu;
/** The name of a phase item: its text up to the first colon or parenthesis. */
export const NAME_END = /[:(]/;

/** `Finished 5 of 8 tasks`, `56/68 itens completos`, `3 of 5 done`. */
export const TASK_CLAIM = /(?<![\p{L}\p{N}.\/])(?<n>\d+)\s{0,3}(?:\/|of|out of|von|de|sur|из)\s{0,3}(?<m>\d+)(?:\s{1,3}(?<unit>tasks?|items?|checklist items?|todos?|deliverables?|criteria|steps?|itens|tarefas|tareas|aufgaben|tâches|задач[аи]?|пунктов)|(?=\s{0,3}(?:done|complete|completed|finished|checked|ticked)\b))(?![\p{L}\/])/giu;
/**
 * What every match of TASK_CLAIM contains (`3 of 5`, `3/5`): text without it has none, and the
 * costlier TASK_CLAIM need not run over it.
 */
export const TASK_CLAIM_CORE = /\d\s{0,3}(?:\/|of|out of|von|de|sur|из)\s{0,3}\d/iu;
/** The words around a task count that make it a progress statement. */
export const TASK_CONTEXT = /(?<![\p{L}])(?:finished|completed?|done|closed|checked|ticked|progress|completos?|completas?|concluíd[oa]s?|completad[oa]s?|erledigt|terminée?s?|выполнено|завершено|progresso|progreso|fortschritt)(?![\p{L}])/iu;
/** `5 of 8 tasks (62%)`: the percentage that moves with the count. */
export const PAREN_PERCENT_AFTER = /^\s{0,3}\(\s{0,3}(\d+(?:\.\d+)?)\s?%\s{0,3}\)/;
/** `82% (56/68 itens)`: the percentage that leads the count. */
export const PERCENT_BEFORE = /(?<![\d.])(\d+(?:\.\d+)?)\s?%\s{0,3}\(\s{0,3}$/;

/** `5/9 phases complete`: a count of table rows. */
export const UNIT_CLAIM = /(?<![\p{L}\p{N}.])(?<n>\d+)\s{0,3}(?:\/|of|out of)\s{0,3}(?<m>\d+)\s{1,3}(?<unit>phases?|stories|story|sprints?|milestones?|epics?|features?|components?|modules?|agents?|workstreams?|tracks?|fases|etapas|phasen|этапов|阶段)(?![\p{L}])/iu;
/** Keys of fields that may state a unit count. */
export const UNIT_COUNT_KEY = /progress|overall|complet|status|done|finished|progresso|progreso|fortschritt|прогресс|进度/iu;
/** `5/9 phases complete (55%)`: the done word between the count and its percentage. */
export const DONE_AFTER_COUNT = /^\s{0,3}(?:complete|completed|done|finished)\b/i;

/** Column headers that hold a per-row progress percentage (beyond the model's `completion` role). */
export const PROGRESS_HEADER = /complet|progress|% ?done|done ?%|percent|avance|progreso|progresso|fortschritt|готовност|прогресс|进度|完成度|進捗|readiness/iu;

/** Words that make a key or header a scope word rather than the measure: `Overall Progress` vs `Progress`. */
export const SCOPE_WORDS = /(?<![\p{L}])(?:overall|total|general|geral|gesamt|global|project|projekt|projeto|proyecto|общая|общий|общ|总体|整体)(?![\p{L}])/giu;

/** The total line of a breakdown: `TOTAL GERAL: 82% (56/68)`, `Overall: …`. */
export const BREAKDOWN_TOTAL = /^[\s*_#>-]{0,6}(?:total|overall|gesamt|итого|всего|总计|合计|总体)/iu;

/** A key or header reduced to its measure: lower-cased, scope words, marks and emphasis removed. */
export function measureOf(label: string): string {
  return label.toLowerCase().replace(SCOPE_WORDS, ' ').replace(/[^\p{L}\p{N}%]+/gu, ' ').trim();
}

/** The generic progress measures of a column (`Progress`, `Completion`, `Fortschritt`). */
const GENERIC_MEASURE = /^(?:progress|completion|complete|% complete|done|avance|progreso|progresso|fortschritt|avancement|progression|прогресс|进度|完成度)$/u;

/**
 * Whether a headline key measures what a progress column reports: the same measure
 * (`Readiness` ↔ `Readiness`), or a scoped key that ends with the column's generic measure
 * (`Overall OKR progress` ↔ `Progress`: the key names what the rows are).
 */
export function measureMatches(key: string, header: string): boolean {
  const k = measureOf(key);
  const h = measureOf(header);
  if (k === h) return true;
  if (!GENERIC_MEASURE.test(h)) return false;
  SCOPE_WORDS.lastIndex = 0;
  const scoped = SCOPE_WORDS.test(key);
  SCOPE_WORDS.lastIndex = 0;
  const words = k.split(' ');
  return scoped && words.length === 2 && words[1] === h;
}
