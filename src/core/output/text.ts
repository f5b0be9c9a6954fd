/** Compiler-style text output and the terminal summary table. */
import type { Report } from './report';

export function formatText(report: Report): string {
  const lines: string[] = [];
  for (const f of report.files) {
    for (const x of f.findings) lines.push(`${f.path}:${x.line}:${x.column}: ${x.severity} ${x.rule} ${x.message}`);
  }
  return lines.join('\n') + (lines.length ? '\n' : '');
}

export function countBySeverity(report: Report): Record<'error' | 'warning' | 'info', number> {
  const c = { error: 0, warning: 0, info: 0 };
  for (const f of report.files) for (const x of f.findings) c[x.severity]++;
  return c;
}

const pct = (done: number, total: number) => (total === 0 ? '' : ` (${Math.round((done / total) * 100)}%)`);

function clip(s: string, n: number): string {
  return s.length <= n ? s : s.slice(0, n - 1) + '…';
}

/** One row per document: title, status, checklist done/total (%), overall progress claimed, findings. */
export function formatSummary(report: Report): string {
  const header = ['Document', 'Title', 'Status', 'Checklist', 'Progress', 'Findings'];
  const rows = report.files.map((f) => [
    f.path,
    clip(f.title ?? '—', 48),
    f.status ?? '—',
    f.checklist.total ? `${f.checklist.done}/${f.checklist.total}${pct(f.checklist.done, f.checklist.total)}` : '—',
    clip(f.progress ?? '—', 24),
    summarizeFindings(f.findings),
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => [...r[i]!].length)));
  const fmt = (r: string[]) => r.map((c, i) => c + ' '.repeat(widths[i]! - [...c].length)).join('  ').trimEnd();
  const out = [fmt(header), fmt(widths.map((w) => '─'.repeat(w))), ...rows.map(fmt)];
  return out.join('\n') + '\n';
}

function summarizeFindings(findings: Report['files'][number]['findings']): string {
  if (findings.length === 0) return '0';
  const c = { error: 0, warning: 0, info: 0 };
  for (const f of findings) c[f.severity]++;
  const parts = (['error', 'warning', 'info'] as const).filter((k) => c[k]).map((k) => `${c[k]} ${k}${c[k] > 1 ? 's' : ''}`);
  return `${findings.length} (${parts.join(', ')})`;
}
