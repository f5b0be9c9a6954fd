/** Compiler-style text output and the terminal summary table. */
import type { Report } from './report';
import { repairMojibake } from '../model/mojibake';

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

/** Terminal columns a character takes: emoji and East Asian wide characters 2, marks and joiners 0. */
function charWidth(c: string): number {
  if (/^[\p{Mn}\p{Me}\u200B-\u200D\uFE00-\uFE0F]$/u.test(c)) return 0;
  if (/^[\p{Extended_Pictographic}\u1100-\u115F\u2E80-\uA4CF\uAC00-\uD7A3\uF900-\uFAFF\uFE30-\uFE4F\uFF00-\uFF60\uFFE0-\uFFE6]$/u.test(c) && c.codePointAt(0)! > 0xff) {
    // Pictographs below U+2190 or that default to text presentation (©, ™, ↔) stay narrow.
    return /^[\u2000-\u2BFF]$/u.test(c) && !/^[\u231A\u231B\u23E9-\u23FA\u25FD\u25FE\u2614\u2615\u2648-\u2653\u267F\u2693\u26A1\u26AA\u26AB\u26BD\u26BE\u26C4\u26C5\u26CE\u26D4\u26EA\u26F2-\u26F5\u26FA\u26FD\u2705\u270A\u270B\u2728\u274C\u274E\u2753-\u2755\u2757\u2795-\u2797\u27B0\u27BF\u2B1B\u2B1C\u2B50\u2B55]$/u.test(c) ? 1 : 2;
  }
  return 1;
}

export function displayWidth(s: string): number {
  let w = 0;
  for (const c of s) w += charWidth(c);
  return w;
}

/** Cuts `s` to at most `n` terminal columns, ending with `…` when cut. */
function clip(s: string, n: number): string {
  if (displayWidth(s) <= n) return s;
  let out = '';
  let w = 0;
  for (const c of s) {
    if (w + charWidth(c) > n - 1) break;
    out += c;
    w += charWidth(c);
  }
  return out + '…';
}

/** One row per document: title, status, checklist done/total (%), overall progress claimed, findings. */
export function formatSummary(report: Report): string {
  const header = ['Document', 'Title', 'Status', 'Checklist', 'Progress', 'Findings'];
  const rows = report.files.map((f) => [
    f.path,
    // The summary is read by people: damaged emoji (`ðŸš€`) are shown as what they stood for.
    clip(f.title === null ? '—' : repairMojibake(f.title), 48),
    f.status ?? '—',
    f.checklist.total ? `${f.checklist.done}/${f.checklist.total}${pct(f.checklist.done, f.checklist.total)}` : '—',
    clip(f.progress === null ? '—' : repairMojibake(f.progress), 24),
    summarizeFindings(f.findings),
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => displayWidth(r[i]!))));
  const fmt = (r: string[]) => r.map((c, i) => c + ' '.repeat(widths[i]! - displayWidth(c))).join('  ').trimEnd();
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
