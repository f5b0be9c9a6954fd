/**
 * The wording of milestones and sprints: which fields, columns, headings and lines carry a due
 * date, and which dated things are events that happened rather than plans. Used by
 * model/milestones.ts (the `milestone` and `sprint` claims).
 */

/** Field names (canonical) whose value is when something is due. */
export const DUE_FIELDS = new Set(['target-date', 'when']);
/** `Estimated Completion: Q2 2026`, `Projected Completion: Jan 11, 2026`: when open work is expected done. */
export const EXPECTED_FIELD = /^(?:estimated|projected|expected|planned|target|forecast|anticipated) (?:completion|completion date|finish|end|end date|delivery|launch|release)$|^(?:conclusão prevista|previsão|fecha estimada|fin prevista|date prévue|voraussichtlich|预计完成|预计完成时间|完成予定)$/;
export const NEXT_FIELD = /^next (?:milestone|release|checkpoint|deadline|review|deliverable)s?$/;
/** Date columns that say when something starts or happened rather than when it is due. */
export const NOT_DUE_COLUMN = /start|begin|kick|created|opened|logged|reported|updated/i;
export const DUE_COLUMN = /end|due|target|deadline|eta|deliver|launch|release/i;
/** Date columns that record when something was finished: empty while the item is open. */
export const DONE_COLUMN = /complet|finish|done|closed|resolved|actual|merged|shipped/i;
/** Text before a date on a line that makes it a due date (`Scheduled for`, `target end of`). */
export const SCHEDULED_LINE = /\b(?:scheduled|planned|due|targeted|target(?:ing)?|deadline|expected|eta)[ \t]{0,3}(?:for|on|by|date|:)?[ \t]{0,3}:?[ \t]{0,3}(?:(?:the[ \t]{1,3})?(?:end|middle|mid|start|beginning|early|late)(?:[ \t]{1,3}of)?[ \t]{0,3})?$/i;
/** How much of a line before a date `SCHEDULED_LINE` looks at. */
export const SCHEDULED_WINDOW = 60;

/** Words that name what a table lists when it records events: incidents, decisions, a log. */
export const EVENT_WORDS = /\b(?:incidents?|issues?|bugs?|defects?|risks?|decisions?|events?|changes?|change ?log|updates?|log|history|journal|meetings?|findings?|problems?|errors?|alerts?|outages?|reports?)\b/i;
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
export const SPRINT_TITLE = /\b(?:sprint|phase|iteration|milestone|release|increment|cycle|stage|wave|epic)\b|\bPI\s*\d/i;
/** Field names whose value is the sprint's date range. */
export const RANGE_FIELD = /^(?:dates?|timeline|period|sprint dates|schedule|timeframe|time frame|window|current week|sprint window|sprint period|duration|período|periodo|zeitraum|période|период|周期)$/;
/** A list item or line that is a sprint with its dates and status: `**Sprint 3**: Dec 27 - Jan 3 (Integration) - 🔄 IN PROGRESS`. */
export const SPRINT_LINE = /^[ \t]{0,8}(?:[-*+][ \t]{1,3}|\d{1,3}[.)][ \t]{1,3})?[*_]{0,2}(?<name>(?:sprint|iteration|iteración|iteração|итерация|спринт)[ \t]{0,3}[\w.-]{1,12})[*_]{0,2}[ \t]{0,3}[:\-–—][ \t]{0,3}/iu;

/** Milestone table headers: a dash in their date cells says "no date". */
export const MILESTONE_HEADER = /milestone|deliverable|release|phase|goal|checkpoint|gate|epic|target date|due|deadline/i;
/** Field names whose value is a date (so `Target: TBD` is an undated milestone, not a number still to be set). */
export const DATE_KEY = /date|due|deadline|eta|when|scheduled|milestone|release|launch|completion/i;
/** The explicit "no date" words (a dash is "no date" only in a milestone table). */
export const NO_DATE_WORD = /^TB[DAC]$/i;

/** Emoji that lead a heading as decoration (`## 📅 Timeline`, `## 📋 Next Steps`) rather than as its status. */
export const DECORATION = new Set(['📅', '📋']);
/** A heading that labels the state of the whole document (`✅ Current Status Summary`): its emoji is decoration. */
export const STATUS_LABEL_TITLE = /^\W{0,6}(?:current )?(?:status|progress|overview|summary|dashboard)(?: (?:summary|overview|report|dashboard))?\W{0,4}$/i;
