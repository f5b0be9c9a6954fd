/**
 * JUnit XML (`--format junit`) for CI test dashboards (GitLab, Jenkins, Azure Pipelines, …):
 *
 * - one `<testsuite>` per checked file (its path is the suite's name);
 * - one passing `<testcase>` per enabled rule that found nothing in the file, named by the
 *   rule id, so a clean document shows as passed tests rather than as nothing;
 * - one `<testcase>` per finding, named `<rule> at <line>:<column>`, so a dashboard lists each
 *   problem on its own row with its message; it holds a `<failure>` when the finding's
 *   severity fails the run (`failOn`, default `error`, the CLI's `--fail-on`), else the message
 *   goes to `<system-out>` and the test passes: a red test is one that fails the build;
 * - a skipped file is a suite with one `<skipped>` test saying why.
 *
 * Every value is escaped for XML, and characters XML 1.0 cannot carry are replaced by U+FFFD.
 */
import type { Finding, Severity } from '../findings';
import type { Report } from './report';

export type FailOn = Severity | 'never';

export interface JunitOptions {
  /** Rule ids that ran (enabled ones), in registry order. */
  rules: readonly string[];
  /** Lowest severity that makes a finding a failure. Default `error`. */
  failOn?: FailOn;
}

const RANK: Record<Severity, number> = { error: 3, warning: 2, info: 1 };

/** Does a finding of severity `s` fail a run with `failOn`? */
export function failsOn(s: Severity, failOn: FailOn): boolean {
  return failOn !== 'never' && RANK[s] >= RANK[failOn];
}

/** Text or attribute value: escaped, and characters XML 1.0 forbids (control characters, lone surrogates, U+FFFE/U+FFFF) replaced. */
export function escapeXml(s: string): string {
  return s
    .replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, '\uFFFD')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;')
    // Kept as characters by parsers only when escaped inside attributes.
    .replace(/\r/g, '&#13;')
    .replace(/\t/g, '&#9;');
}

/** An attribute value: a line break would be read back as a space unless written as a reference. */
const attrs = (a: Record<string, string | number>) => Object.entries(a).map(([k, v]) => ` ${k}="${escapeXml(String(v)).replace(/\n/g, '&#10;')}"`).join('');

export function formatJunit(report: Report, options: JunitOptions): string {
  const failOn = options.failOn ?? 'error';
  const suites: string[] = [];
  let tests = 0;
  let failures = 0;
  let skipped = 0;
  for (const file of report.files) {
    const cases: string[] = [];
    let suiteFailures = 0;
    const found = new Set(file.findings.map((f) => f.rule));
    for (const rule of options.rules) {
      if (!found.has(rule)) cases.push(`    <testcase${attrs({ name: rule, classname: file.path, file: file.path })}/>`);
    }
    for (const f of file.findings) {
      const fails = failsOn(f.severity, failOn);
      if (fails) suiteFailures++;
      cases.push(findingCase(file.path, f, fails));
    }
    tests += cases.length;
    failures += suiteFailures;
    suites.push(`  <testsuite${attrs({ name: file.path, tests: cases.length, failures: suiteFailures, errors: 0, skipped: 0, time: 0 })}>\n${cases.join('\n')}${cases.length ? '\n' : ''}  </testsuite>`);
  }
  for (const s of report.skipped) {
    tests++;
    skipped++;
    suites.push(`  <testsuite${attrs({ name: s.path, tests: 1, failures: 0, errors: 0, skipped: 1, time: 0 })}>\n    <testcase${attrs({ name: 'checked', classname: s.path, file: s.path })}>\n      <skipped${attrs({ message: s.reason })}/>\n    </testcase>\n  </testsuite>`);
  }
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<testsuites${attrs({ name: 'Status Docs', tests, failures, errors: 0, skipped, time: 0 })}>`,
    ...suites,
    '</testsuites>',
    '',
  ].join('\n');
}

function findingCase(path: string, f: Finding, fails: boolean): string {
  const head = `    <testcase${attrs({ name: `${f.rule} at ${f.line}:${f.column}`, classname: path, file: path, line: f.line })}>`;
  const body = `${path}:${f.line}:${f.column}: ${f.severity} ${f.rule} ${f.message}`;
  const inner = fails
    ? `      <failure${attrs({ message: f.message, type: f.severity })}>${escapeXml(body)}</failure>`
    : `      <system-out>${escapeXml(body)}</system-out>`;
  return `${head}\n${inner}\n    </testcase>`;
}
