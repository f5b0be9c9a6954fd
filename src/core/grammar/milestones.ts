/**
 * The wording of milestones and sprints: which fields, columns, headings and lines carry a due
 * date, and which dated things are events that happened rather than plans. Used by
 * model/milestones.ts (the `milestone` and `sprint` claims).
 */

/** Field names (canonical) whose value is when something is due. */
export const DUE_FIELDS = new Set(['target-date', 'when']);
/** `Estimated Completion: Q2 2026`, `Projected Completion: Jan 11, 2026`: when open work is expected done. */
export const EXPECTED_FIELD = /^(?:estimated|projected|expected|planned|target|forecast|anticipated) (?:completion|completion date|finish|end|end date|delivery|launch|release)$|^(?:conclusão prevista|previsão|fecha estimada|fin prevista|date prévue|voraussichtlich|预计完成|预计完成时间|完成予定)$|^(?:previsão de (?:conclusão|entrega|término)|entrega prevista|término previsto|fecha (?:estimada|prevista) de (?:finalización|entrega|cierre)|entrega estimada|finalización prevista|voraussichtliche[rs]? (?:ende|abschluss|fertigstellung|lieferung)|geplante fertigstellung|fin prévue|livraison prévue|achèvement prévu|ожидаемая дата (?:завершения|окончания)|планируемая дата (?:завершения|окончания)|плановая дата|ожидаемое завершение|预计上线|预计交付|预计完成日期|預計完成)$/;
export const NEXT_FIELD = /^next (?:milestone|release|checkpoint|deadline|review|deliverable)s?$|^(?:próxim[oa] (?:marco|entrega|revisão|hito|revisión|versão|versión)|nächste[rs]? (?:meilenstein|release|überprüfung|review|termin)|prochain(?:e)? (?:jalon|revue|livraison|version)|следующ(?:ий|ая) (?:этап|релиз|веха|ревью)|下一个里程碑|下次评审)$/;
/** Date columns that say when something starts or happened rather than when it is due. */
export const NOT_DUE_COLUMN = /start|begin|kick|created|opened|logged|reported|updated|in[ií]cio|comienzo|d[ée]but|beginn|начал|开始|開始/iu;
export const DUE_COLUMN = /end|due|target|deadline|eta|deliver|launch|release|t[ée]rmino|^(?:fim|fin|ende)$|f[äa]llig|frist|termin|prazo|previst|objetivo|l[ií]mite|échéance|cible|срок|окончан|дедлайн|截止|结束|期限|終了/iu;
/**
 * Date columns in other languages (`Fällig`, `Срок`, `Prazo`, `Quartal`, `Trimestre`, `Início` /
 * `Término`); the English and Spanish words are the table's own column roles (model/analyze.ts).
 */
export const FOREIGN_DATE_COLUMN = /^(?:data|datum|дата|termin|zieltermin|frist|f[äa]llig(?:keit)?(?: am)?|prazo|срок|сроки|дедлайн|quartal|trimestre|trimestr|квартал|季度|四半期|분기|semana|woche|неделя|in[ií]cio|t[ée]rmino|fim|fin|ende|beginn|начало|окончание|开始|结束|截止)$|^(?:data|fecha|datum|date|дата) (?:de |d[eu'] ?|des |di )?(?:in[ií]cio|t[ée]rmino|fim|fin|entrega|conclus[ãa]o prevista|vencimento|l[ií]mite|objetivo|prevista|alvo|cible|limite|début|échéance|окончания|начала|завершения)$|^(?:plan|ziel|soll)(?:datum|termin)$|^(?:开始|结束|截止|完成|计划|目标)(?:日期|时间)$/iu;
/** Date columns that record when something was finished: empty while the item is open. */
export const DONE_COLUMN = /complet|finish|done|closed|resolved|actual|merged|shipped|(?<!\p{L})real(?!\p{L})|réel|tatsächlich|erledigt am|фактическ|实际|實際/iu;
/** Text before a date on a line that makes it a due date (`Scheduled for`, `target end of`). */
export const SCHEDULED_LINE = /\b(?:scheduled|planned|due|targeted|target(?:ing)?|deadline|expected|eta)[ \t]{0,3}(?:for|on|by|date|:)?[ \t]{0,3}:?[ \t]{0,3}(?:(?:the[ \t]{1,3})?(?:end|middle|mid|start|beginning|early|late)(?:[ \t]{1,3}of)?[ \t]{0,3})?$/i;
/** The same in other languages: `previsto para`, `programado para el`, `geplant für`, `prévu pour le`, `запланировано на`, `计划于`. */
export const FOREIGN_SCHEDULED_LINE = /(?:(?<![\p{L}])(?:previst[oa]s?|planejad[oa]s?|agendad[oa]s?|programad[oa]s?|planificad[oa]s?|geplant|vorgesehen|f[äa]llig|pr[ée]vue?s?|planifi[ée]e?s?|запланирован[оаы]?|планируется|намечен[оаы]?)|计划于|预计于|定于|予定)[ \t]{0,3}(?:para|pour|f[üu]r|am|zum|bis|le|au|на|до|el|em|в|:)?[ \t]{0,3}(?:(?:o|a|el|la|le|den|dem)[ \t]{1,3})?(?:(?:fim|final|fin|finales|ende|d[ée]but|начало|конец|in[ií]cio|principios)[ \t]{1,3}(?:de[ \t]{1,3}|du[ \t]{1,3}|des[ \t]{1,3})?)?:?[ \t]{0,3}$/iu;
/** How much of a line before a date `SCHEDULED_LINE` looks at. */
export const SCHEDULED_WINDOW = 60;

/** Words that name what a table lists when it records events: incidents, decisions, a log. */
export const EVENT_WORDS = /\b(?:incidents?|issues?|bugs?|defects?|risks?|decisions?|events?|changes?|change ?log|updates?|log|history|journal|meetings?|findings?|problems?|errors?|alerts?|outages?|reports?)\b/i;
/** The same in other languages (letters around them, not `\b`, bound the word). */
export const FOREIGN_EVENT_WORDS = /(?<!\p{L})(?:incidentes?|incid[êe]ncias?|incidencias?|vorf[äa]lle?|st[öo]rungen|инцидент\p{L}{0,3}|журнал|historial|hist[óo]rico|protokoll|[äa]nderungen|d[ée]cisions?|decis(?:iones|ões)|entscheidungen|решения|problemas|probl[èe]mes|fehler|ошибки|di[áa]rio|bit[áa]cora|tagebuch|atualiza[çc][õo]es|actualizaciones|aktualisierungen|mises à jour|обновления|事件|故障|日志|变更)(?!\p{L})/iu;
export const FOREIGN_PLAN_WORDS = /(?<!\p{L})(?:meilensteine?|marcos?|hitos?|jalons?|вехи|этап\p{L}{0,2}|сроки|tarefas?|tareas?|t[âa]ches|aufgaben|задачи|fases?|etapas?|[ée]tapes?|entregas?|entregables|livrables|hoja de ruta|feuille de route|cronograma|calend[áa]rio|zeitplan|quartalsplan|fahrplan|roadmap|plan(?:o|es|os)?|planung|plano de sprints|спринт\p{L}{0,3}|релиз\p{L}{0,2}|路线图|里程碑|计划|任务|阶段)(?!\p{L})/iu;
/** Words that name a plan's items: their dates are when they are due. */
export const PLAN_WORDS = /\b(?:milestones?|deliverables?|tasks?|goals?|phases?|sprints?|epics?|features?|stor(?:y|ies)|releases?|plans?|roadmap|schedule|timeline|targets?|checkpoints?|steps?|work ?items?|actions?|todo)\b/i;

/**
 * A dated heading that records something that happened: a fault, an incident, an outage, a
 * changelog version (`## [1.2.0] - 2025-01-05`), a session or log entry, a decision.
 */
export const EVENT_HEADING = /\b(?:faults?|incidents?|outages?|post-?mortems?|bugs?|hotfix(?:es)?|regressions?|failures?|errors?|violations?|breach(?:es)?|decisions?|meetings?|sessions?|logs?|changelog|release notes|journal|entry|retrospective|retro|lessons learned|pivot)\b|^\W{0,4}v?\[?\d{1,4}\.\d{1,4}(?:\.\d{1,4})?\]?(?![\d.])|^[A-Z]{2,12}-[A-Z0-9]{1,6}-\d{1,4}\b/i;
/** A dated heading that dates a snapshot of the state (`Current Status (Dec 26, 2025)`, `Status as of …`, `Update 2026-01-05`). */
export const SNAPSHOT_HEADING = /\b(?:current status|status as of|as of|status update|progress update|update|snapshot|status report|progress report|daily|standup|stand-up)\b|^\W{0,4}(?:status|progress|estado|statut|stand)\b\W{0,4}(?:\(|[-–—:]|$)/i;
/** Sections under which every dated heading is an entry of a log. */
export const LOG_TITLE = /\b(?:changelog|change log|history|log|journal|incidents?|faults?|updates|release notes|revisions?)\b/i;

/** A line of a plain timeline in a code block: an optional status marker, a day first, then what is due (`[📅] 2026-05-30: Alpha`, `2026-03-01  Beta (planned)`). */
export const TIMELINE_LINE = /^[ \t]{0,8}(?:[-*+][ \t]{1,3})?(?:\[(?<marker>[^\]\n]{1,6})\][ \t]{0,3}|(?<emoji>\p{Extended_Pictographic}\uFE0F?)[ \t]{0,3})?(?<date>\d{4}-\d{2}-\d{2})(?![\d-])[ \t]{0,3}(?::|-|–|—|\|)?[ \t]{0,3}(?<name>\S.{0,200})$/u;

/** A section title that names a sprint-like span of work. */
export const SPRINT_TITLE = /\b(?:sprint|phase|iteration|milestone|release|increment|cycle|stage|wave|epic)\b|\bPI\s*\d|(?<!\p{L})(?:спринт\p{L}{0,3}|итераци\p{L}{1,2}|фаз\p{L}{1,2}|iteraci[óo]n|itera[çc][ãa]o|it[ée]ration|fase|etapa)(?!\p{L})|冲刺|迭代|スプリント|스프린트/iu;
/** Field names whose value is the sprint's date range. */
export const RANGE_FIELD = /^(?:dates?|timeline|period|sprint dates|schedule|timeframe|time frame|window|current week|sprint window|sprint period|duration|período|periodo|zeitraum|période|период|周期|fechas|datas|даты|сроки|termine|sprint zeitraum|período da sprint|periodo del sprint|dates du sprint|сроки спринта|迭代周期|冲刺周期)$/;
/** A list item or line that is a sprint with its dates and status: `**Sprint 3**: Dec 27 - Jan 3 (Integration) - 🔄 IN PROGRESS`. */
export const SPRINT_LINE = /^[ \t]{0,8}(?:[-*+][ \t]{1,3}|\d{1,3}[.)][ \t]{1,3})?[*_]{0,2}(?<name>(?:sprint|iteration|iteración|iteração|итерация|спринт)[ \t]{0,3}[\w.-]{1,12})[*_]{0,2}[ \t]{0,3}[:\-–—][ \t]{0,3}/iu;

/** Milestone table headers: a dash in their date cells says "no date". */
export const MILESTONE_HEADER = /milestone|deliverable|release|phase|goal|checkpoint|gate|epic|target date|due|deadline|marcos?|hitos?|meilenstein|jalon|вех|этап|срок|entregas?|livrable|fase|etapa|prazo|f[äa]llig|zieltermin|échéance|里程碑|截止/iu;
/** Field names whose value is a date (so `Target: TBD` is an undated milestone, not a number still to be set). */
export const DATE_KEY = /date|due|deadline|eta|when|scheduled|milestone|release|launch|completion|fecha|data|datum|termin|f[äa]llig|frist|prazo|дата|срок|期限|日期/iu;
/** The explicit "no date" words (a dash is "no date" only in a milestone table). */
export const NO_DATE_WORD = /^TB[DAC]$/i;

/** Emoji that lead a heading as decoration (`## 📅 Timeline`, `## 📋 Next Steps`) rather than as its status. */
export const DECORATION = new Set(['📅', '📋']);
/** A heading that labels the state of the whole document (`✅ Current Status Summary`): its emoji is decoration. */
export const STATUS_LABEL_TITLE = /^\W{0,6}(?:current )?(?:status|progress|overview|summary|dashboard)(?: (?:summary|overview|report|dashboard))?\W{0,4}$/i;
