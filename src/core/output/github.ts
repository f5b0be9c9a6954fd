/**
 * GitHub Actions workflow commands (`--format github`): one annotation per finding,
 *
 *   ::error file=docs/plan.md,line=12,col=5,endLine=12,endColumn=9,title=delta-mismatch::message
 *
 * error → `::error`, warning → `::warning`, info → `::notice`. Values are escaped the way
 * GitHub's own toolkit escapes them (`@actions/core`, `toCommandValue`/`escapeProperty`):
 * in the message `%`, `\r`, `\n`; in properties also `:` and `,`.
 */
import type { Severity } from '../findings';
import type { Report } from './report';

const COMMAND: Record<Severity, string> = { error: 'error', warning: 'warning', info: 'notice' };

/** The message part of a workflow command. */
export function escapeGithubData(s: string): string {
  return s.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

/** A property value (`file=…`, `title=…`) of a workflow command. */
export function escapeGithubProperty(s: string): string {
  return escapeGithubData(s).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

function command(name: string, properties: [string, string | number][], message: string): string {
  const props = properties.map(([k, v]) => `${k}=${escapeGithubProperty(String(v))}`).join(',');
  return `::${name}${props ? ` ${props}` : ''}::${escapeGithubData(message)}`;
}

/** One workflow command per finding, then a notice per skipped file. */
export function formatGithub(report: Report): string {
  const lines: string[] = [];
  for (const f of report.files) {
    for (const x of f.findings) {
      lines.push(command(COMMAND[x.severity], [
        ['file', f.path], ['line', x.line], ['col', x.column], ['endLine', x.endLine], ['endColumn', x.endColumn], ['title', x.rule],
      ], x.message));
    }
  }
  for (const s of report.skipped) lines.push(command('notice', [['file', s.path], ['title', 'status-docs: skipped']], `Not checked: ${s.reason}`));
  return lines.join('\n') + (lines.length ? '\n' : '');
}
