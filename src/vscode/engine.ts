/**
 * The extension's engine: everything that needs the parser (unified/remark) or zod, bundled as
 * `dist/engine.js` and loaded on first use through `./lazy`, so activation stays cheap. The other
 * modules of `src/vscode` import types from here, never values.
 */
export { AnalysisStopped, check, ClaimVerdictSchema, ConfigSchema, decodeText, FIX_ALL, FindingSchema, fixToFixedPoint, IsoDaySchema, RULES, ruleDocsAnchor, StatusDocSchema, textEdits } from '../core/index';
export { cacheContextKey, IncrementalChecker } from '../core/incremental';
export { fileReport, headlineProgress } from '../core/output/report';
export { formatSarif } from '../core/output/sarif';
export { countBySeverity, formatSummary } from '../core/output/text';
export { looksLikeStatusDocument } from '../core/precheck';
// The Progress view: repaired text, and the grammar that tells a status marker from a word in a title.
export { repairMojibake } from '../core/model/mojibake';
export { CONDITIONS, isHeadingMarker, TRACKER_TITLE } from '../core/grammar/status';
export { formatStatusReport, overviewData } from '../core/output/overview';
export { lineColumn, parseProjectConfig } from '../core/projectConfig';
export { DEFAULT_HOST_SETTINGS, parseLayeredSettings, parseSettings, SETTING_KEYS } from './settingsSchema';
