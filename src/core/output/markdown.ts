/**
 * A markdown summary (`--format markdown`): one table row per file with its errors, warnings,
 * and claims checked and wrong, then a total row and the skipped files. Written for GitHub's
 * job summary (`$GITHUB_STEP_SUMMARY`) and pull request comments.
 */
import type { Report } from './report';
import { reportSummary } from './report';

/** A table cell: pipes, backslashes and line breaks cannot stand in one as they are. */
function cell(s: string): string {
  return s.replace(/\\/g, '\\\\').replace(/\|/g, '\\|').replace(/[\r\n]+/g, ' ').replace(/([`*_[\]<>])/g, '\\$1');
}

const count = (findings: readonly { severity: string }[], severity: string) => findings.filter((f) => f.severity === severity).length;

export function formatMarkdownSummary(report: Report): string {
  const out: string[] = ['### Status Docs', ''];
  if (report.files.length === 0) out.push('No status documents were checked.', '');
  else {
    out.push('| File | Errors | Warnings | Claims checked | Claims wrong |', '| --- | ---: | ---: | ---: | ---: |');
    let errors = 0;
    let warnings = 0;
    for (const f of report.files) {
      const e = count(f.findings, 'error');
      const w = count(f.findings, 'warning');
      errors += e;
      warnings += w;
      out.push(`| ${cell(f.path)} | ${e} | ${w} | ${f.summary.checked} | ${f.summary.wrong} |`);
    }
    const s = report.summary ?? reportSummary(report.files);
    out.push(`| **Total (${report.files.length} file${report.files.length === 1 ? '' : 's'})** | **${errors}** | **${warnings}** | **${s.checked}** | **${s.wrong}** |`, '');
  }
  if (report.skipped.length) {
    out.push(`Skipped (${report.skipped.length}):`, '');
    for (const s of report.skipped) out.push(`- ${cell(s.path)}: ${cell(s.reason)}`);
    out.push('');
  }
  out.push(`Time-based rules compared with ${report.today}.`, '');
  return out.join('\n');
}
