/** `status-docs check|summary|fix`: the command-line host of the core. */
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { layerConfig, readConfigValues, RULE_IDS, RULES, isRealDay, type Config, type ConfigLayer, type ConfigValues } from '../core/index';
import { reportSummary, type Report } from '../core/output/report';
import { formatGithub } from '../core/output/github';
import { failsOn, formatJunit, type FailOn } from '../core/output/junit';
import { formatMarkdownSummary } from '../core/output/markdown';
import { formatSarif } from '../core/output/sarif';
import { countBySeverity, formatSummary, formatText } from '../core/output/text';
import { DEFAULT_CACHE_DIR, ResultCache, toolFingerprint } from './cache';
import { collectTargets, notStatusDocument, readBytes } from './files';
import { fixCommand } from './fix';
import { issueLines, ProjectConfigFinder } from './projectConfig';
import { checkTargets } from './worker';

declare const STATUS_DOCS_VERSION: string | undefined;
const VERSION = typeof STATUS_DOCS_VERSION === 'string' ? STATUS_DOCS_VERSION : '0.0.0-dev';

const USAGE = `Usage: status-docs <command> [paths or globs…] [options]

Commands:
  check     Report inconsistent numbers and stale dates (default: the current folder)
  summary   One row per document: title, status, checklist, progress, findings
  rules     List the rules with their default severity
  fix       Apply the safe fixes to the files, checking again until nothing changes
            (--dry-run: print a unified diff instead; --rule ID: only that rule's fixes)

Options:
  --format FORMAT            Output of check: text (default), json, sarif, github (GitHub
                             Actions annotations), junit (JUnit XML), markdown (a summary
                             table); summary takes text or markdown
  --fail-on error|warning|never
                             Lowest severity that makes check exit with 1 (default: error)
  --report-unused-disables   Report status-docs-disable comments that silence nothing
  --today YYYY-MM-DD         The date time-based rules compare with (default: "today" of
                             the config files, else the real date)
  --config FILE              JSON settings file (see README, "Settings"); its keys win over
                             the project files (.status-docs.jsonc / .status-docs.json, the
                             nearest one up from each document)
  --max-analysis-ms N        Stop the analysis of one document after N ms and list it as
                             skipped (default: maxAnalysisMs of the config files, else 2000)
  --all                      Check every markdown file; without it, files found in folders
                             and by globs are checked only when they look like status
                             documents (task items, progress numbers, status fields, …);
                             files named one by one are always checked
  --allow-empty              A folder or glob without markdown files is not an error
  --quiet                    Report errors only, no closing count
  --cache                    Reuse results of unchanged files from earlier runs (kept in --cache-dir)
  --cache-dir DIR            Cache folder (default: .status-docs-cache)
  --no-cache                 Do not read or write the cache (overrides --cache)
  --jobs N                   Threads to check files with (default: all cores)
  --dry-run                  fix: write nothing, print the changes as a unified diff
  --rule ID                  fix: only the fixes of this rule, preferred or not (repeatable)
  -h, --help                 Show this help
  -v, --version              Show the version

Only regular files are read: FIFOs, sockets and devices are skipped with a note.

Exit codes: 0 no errors (skipped files included), 1 findings at --fail-on severity, 2 usage or
configuration error (a path that does not exist, nothing to check without --allow-empty, an
invalid --config file; an invalid project file is reported, its bad keys keep their defaults,
the check goes on and exits with 2).
fix: 0 done; with --dry-run 1 when a file would change, 0 when nothing is to fix.`;

class UsageError extends Error {}

const FORMATS = ['text', 'json', 'sarif', 'github', 'junit', 'markdown'];

export function localToday(now = new Date()): string {
  const p = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${p(now.getMonth() + 1)}-${p(now.getDate())}`;
}

function loadConfig(file: string | undefined): ConfigValues {
  let raw: unknown = {};
  if (file) {
    const read = readBytes(file);
    if (!read.ok) throw new UsageError(`cannot read config file ${file} (${read.reason})`);
    let text: string;
    try {
      text = new TextDecoder('utf-8', { fatal: true }).decode(read.bytes); // drops a byte order mark
    } catch {
      throw new UsageError(`config file ${file} is not valid UTF-8 text`);
    }
    try {
      raw = JSON.parse(text);
    } catch (e) {
      throw new UsageError(`config file ${file} is not valid JSON: ${(e as Error).message}`);
    }
    if (raw === null || typeof raw !== 'object' || Array.isArray(raw)) throw new UsageError(`config file ${file} must hold a JSON object ({ "rules": … }), not ${raw === null ? 'null' : Array.isArray(raw) ? 'an array' : typeof raw}`);
  }
  const { values, issues } = readConfigValues(raw, RULE_IDS);
  // One line per problem; the run stops (a bad config is never half applied).
  if (issues.length) throw new UsageError(issues.map((p) => `invalid config file ${file}: ${p.message}`).join('\nstatus-docs: '));
  return values;
}

export function main(argv: string[], out = process.stdout, err = process.stderr): number {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        format: { type: 'string', default: 'text' },
        'fail-on': { type: 'string', default: 'error' },
        'report-unused-disables': { type: 'boolean', default: false },
        today: { type: 'string' },
        config: { type: 'string' },
        'max-analysis-ms': { type: 'string' },
        'allow-empty': { type: 'boolean', default: false },
        all: { type: 'boolean', default: false },
        quiet: { type: 'boolean', default: false },
        cache: { type: 'boolean', default: false },
        'no-cache': { type: 'boolean', default: false },
        'cache-dir': { type: 'string' },
        jobs: { type: 'string' },
        'dry-run': { type: 'boolean', default: false },
        rule: { type: 'string', multiple: true },
        help: { type: 'boolean', short: 'h', default: false },
        version: { type: 'boolean', short: 'v', default: false },
      },
    });
  } catch (e) {
    err.write(`status-docs: ${(e as Error).message}\n\n${USAGE}\n`);
    return 2;
  }
  const { values, positionals } = parsed;
  if (values.help) { out.write(USAGE + '\n'); return 0; }
  if (values.version) { out.write(VERSION + '\n'); return 0; }
  const [command, ...paths] = positionals;
  try {
    if (command === 'rules') {
      for (const r of RULES) out.write(`${r.id.padEnd(20)} ${r.defaultSeverity.padEnd(8)} ${r.description}\n`);
      return 0;
    }
    if (command !== 'check' && command !== 'summary' && command !== 'fix') {
      throw new UsageError(command ? `unknown command "${command}"` : 'missing command');
    }
    const format = values.format!;
    if (!FORMATS.includes(format)) throw new UsageError(`--format must be ${FORMATS.slice(0, -1).join(', ')} or ${FORMATS.at(-1)}, not "${format}"`);
    const failOn = values['fail-on']! as FailOn;
    if (!['error', 'warning', 'never'].includes(failOn)) throw new UsageError(`--fail-on must be error, warning or never, not "${failOn}"`);
    if (values.today !== undefined && !isRealDay(values.today)) throw new UsageError(`--today must be a calendar day written YYYY-MM-DD, not "${values.today}"`);
    // Settings, lowest first: defaults, the nearest project file (per document), --config, flags.
    const above: ConfigLayer[] = [];
    if (values.config) above.push({ source: `--config ${values.config}`, values: loadConfig(values.config) });
    const flags: ConfigValues = {};
    if (values.today !== undefined) flags.today = values.today;
    const maxMs = values['max-analysis-ms'];
    if (maxMs !== undefined) {
      const n = Number(maxMs);
      if (!(/^\d+$/.test(maxMs) && n >= 1 && n <= 600_000)) throw new UsageError(`--max-analysis-ms must be a whole number from 1 to 600000, not "${maxMs}"`);
      flags.maxAnalysisMs = n;
    }
    above.push({ source: 'command line', values: flags });
    const { config } = layerConfig(above);
    const today = config.today || localToday();
    const projects = new ProjectConfigFinder(process.cwd(), above, localToday());
    /** Each invalid project file is named once, with one line per bad key; the exit code is then 2. */
    const projectProblems = (): boolean => {
      let bad = false;
      for (const f of projects.found()) for (const line of issueLines(f)) { bad = true; err.write(`status-docs: ${line}\n`); }
      return bad;
    };
    if (command === 'fix') {
      const rules = values.rule?.flatMap((r) => r.split(',')).map((r) => r.trim()).filter(Boolean) ?? null;
      const unknown = rules?.filter((r) => !RULE_IDS.includes(r)) ?? [];
      if (unknown.length) throw new UsageError(`--rule: unknown rule ${unknown.map((r) => `"${r}"`).join(', ')} (status-docs rules lists them)`);
      const code = fixCommand(paths, process.cwd(), {
        today, config, settingsFor: (abs) => projects.resolve(abs), dryRun: values['dry-run']!, rules: rules?.length ? rules : null, out,
        note: (m) => err.write(`status-docs: ${m}\n`),
        usage: (m) => { throw new UsageError(m); },
      });
      return projectProblems() ? 2 : code;
    }
    const jobs = values.jobs === undefined ? undefined : Number(values.jobs);
    if (jobs !== undefined && !(Number.isInteger(jobs) && jobs >= 1 && jobs <= 64)) throw new UsageError(`--jobs must be a whole number from 1 to 64, not "${values.jobs}"`);
    const cacheDir = values['no-cache'] || !(values.cache || values['cache-dir']) ? null : resolve(values['cache-dir'] ?? DEFAULT_CACHE_DIR);
    const reportUnusedDisables = values['report-unused-disables'];
    const cache = cacheDir ? ResultCache.open(cacheDir, { toolVersion: toolFingerprint(VERSION), config, today, reportUnusedDisables }) : null;
    // Only the JSON and SARIF outputs print more of a finding than its place, rule, severity and message, or the claims.
    const details = command === 'check' && (format === 'json' || format === 'sarif');
    const report = run(paths, process.cwd(), today, config, { jobs, cache, details, all: values.all, allowEmpty: values['allow-empty'], reportUnusedDisables, projects, note: (m) => err.write(`status-docs: ${m}\n`) });
    const badProject = projectProblems();
    for (const s of report.skipped) err.write(`status-docs: ${s.path}: ${s.reason}\n`);
    const notStatus = report.summary?.notStatusDocuments ?? 0;
    const notStatusNote = notStatus ? `${notStatus} file${notStatus === 1 ? '' : 's'} skipped as not status documents (--all checks them)` : '';
    if (command === 'summary') {
      out.write(format === 'markdown' ? formatMarkdownSummary(report) : formatSummary(report));
      if (notStatusNote) out.write(format === 'markdown' ? `\n_${notStatusNote}._\n` : `${notStatusNote}\n`);
      return badProject ? 2 : 0;
    }
    // Decided before --quiet drops what is not an error.
    const failed = report.files.some((f) => f.findings.some((x) => failsOn(x.severity, failOn)));
    if (values.quiet) for (const f of report.files) f.findings = f.findings.filter((x) => x.severity === 'error');
    if (format === 'json') out.write(JSON.stringify(report, null, 2) + '\n');
    else if (format === 'sarif') out.write(JSON.stringify(formatSarif(report, { rules: RULES, toolVersion: VERSION }), null, 2) + '\n');
    else if (format === 'github') out.write(formatGithub(report));
    else if (format === 'junit') {
      // A rule is a test case when some document is checked with it on.
      const configs = [config, ...projects.found().map((f) => projects.resolve(f.file).config)];
      out.write(formatJunit(report, { rules: RULES.filter((r) => configs.some((c) => (c.rules[r.id] ?? r.defaultSeverity) !== 'off')).map((r) => r.id), failOn }));
    }
    else if (format === 'markdown') out.write(formatMarkdownSummary(report));
    else {
      out.write(formatText(report));
      if (!values.quiet) {
        const c = countBySeverity(report);
        const s = report.summary ?? reportSummary(report.files);
        const skipped = (report.skipped.length ? `; ${report.skipped.length} file${report.skipped.length === 1 ? '' : 's'} skipped (see above)` : '') + (notStatusNote ? `; ${notStatusNote}` : '');
        out.write(`${report.files.length} file${report.files.length === 1 ? '' : 's'} checked: ${c.error} error${c.error === 1 ? '' : 's'}, ${c.warning} warning${c.warning === 1 ? '' : 's'}, ${c.info} info; ${s.checked} claim${s.checked === 1 ? '' : 's'} checked, ${s.wrong} wrong, ${s.unchecked} not checked${skipped}\n`);
      }
    }
    return badProject ? 2 : failed ? 1 : 0;
  } catch (e) {
    if (e instanceof UsageError) {
      err.write(`status-docs: ${e.message}\n`);
      if (/command/.test(e.message)) err.write(`\n${USAGE}\n`);
      return 2;
    }
    throw e;
  }
}

/**
 * Checks the files. `today` and `config` are the settings of documents without a project file;
 * with `projects`, each document is checked with the settings of its nearest project file.
 * `details: false`: a file's report may come without its details when that saves work (its
 * findings reduced to place, rule, severity and message; no claims, its summary still counts
 * them), for outputs that print no more.
 */
export function run(paths: string[], cwd: string, today: string, config: Config, options: { jobs?: number; cache?: ResultCache | null; details?: boolean; all?: boolean; allowEmpty?: boolean; reportUnusedDisables?: boolean; projects?: ProjectConfigFinder; note?: (message: string) => void } = {}): Report {
  const { targets: found, problems, errors } = collectTargets(paths, cwd);
  const missing = (e: { reason: string }) => e.reason === 'no such file or directory' || e.reason === 'broken symbolic link';
  const fatal = errors.filter((e) => !options.allowEmpty || missing(e));
  if (fatal.length) {
    throw new UsageError(fatal.map((e) => `${e.path}: ${e.reason}${missing(e) ? '' : ' (--allow-empty accepts this)'}`).join('\nstatus-docs: '));
  }
  for (const e of errors) options.note?.(`${e.path}: ${e.reason}`);
  const report: Report = { version: 1, today, files: [], skipped: problems.map((p) => ({ ...p })) };
  // Status documents first: what a folder or glob found is checked when the pre-check takes it
  // for a status document (as in the editor); a file named on the command line always is.
  // With a cache, the pre-check keeps each file's hash for the lookup and its verdicts for the next run.
  const hashes = new Map<string, string>();
  const memo = options.cache ? { hashes, verdicts: options.cache.prechecked } : undefined;
  const targets = options.all ? found : found.filter((t) => t.named || !notStatusDocument(t.abs, memo));
  const notStatusDocuments = found.length - targets.length;
  // One batch per set of settings (most runs: one), each in the order of the targets.
  const groups = new Map<string, { today: string; config: Config; indexes: number[] }>();
  targets.forEach((t, i) => {
    const r = options.projects?.resolve(t.abs) ?? { group: '', today, config };
    let g = groups.get(r.group);
    if (!g) groups.set(r.group, (g = { today: r.today, config: r.config, indexes: [] }));
    g.indexes.push(i);
  });
  const outcomes = new Array<ReturnType<typeof checkTargets>[number]>(targets.length);
  for (const [group, g] of groups) {
    const batch = checkTargets(g.indexes.map((i) => targets[i]!), { today: g.today, config: g.config, jobs: options.jobs, cache: options.cache, details: options.details, cacheSalt: group, hashes, reportUnusedDisables: options.reportUnusedDisables });
    g.indexes.forEach((i, k) => { outcomes[i] = batch[k]!; });
  }
  options.cache?.save();
  // The day of the report: the one every document was checked against, else the base one.
  const days = new Set([...groups.values()].map((g) => g.today));
  if (days.size === 1) report.today = [...days][0]!;
  targets.forEach((t, i) => {
    const o = outcomes[i]!;
    if (o.ok) report.files.push({ path: t.path, ...o.result });
    else report.skipped.push({ path: t.path, reason: o.reason });
  });
  report.summary = { ...reportSummary(report.files), notStatusDocuments };
  return report;
}

if (require.main === module) {
  // A closed pipe (`status-docs check | head`) is not an error.
  process.stdout.on('error', (e: NodeJS.ErrnoException) => { if (e.code === 'EPIPE') process.exit(process.exitCode ?? 0); else throw e; });
  try {
    process.exitCode = main(process.argv.slice(2));
  } catch (e) {
    process.stderr.write(`status-docs: internal error: ${(e as Error).message}\n`);
    process.exitCode = 2;
  }
}
