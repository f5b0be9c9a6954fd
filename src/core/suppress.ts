/**
 * Applies suppression comments to findings: `disable-next-line`, `disable-line`,
 * `disable`/`enable` regions and `disable-file`, each for some rules or all. Work is
 * O((F + S) log S) for F findings and S comments: regions are merged per rule and searched.
 */
import type { Finding } from './findings';
import type { Suppression } from './model/schema';
import { pushAll } from './collections';

export interface SuppressionResult {
  kept: Finding[];
  suppressed: Finding[];
  /** Comments that silenced nothing (for `--report-unused-disables`); `enable` comments are never listed. */
  unused: Suppression[];
}

const ALL = '*';

interface Region { from: number; to: number; sources: number[] }

export function applySuppressions(findings: readonly Finding[], suppressions: readonly Suppression[]): SuppressionResult {
  if (suppressions.length === 0) return { kept: [...findings], suppressed: [], unused: [] };
  // Line regions per rule id ('*' = every rule), as [from, to] inclusive lines.
  const regions = new Map<string, Region[]>();
  const add = (rules: string[], from: number, to: number, source: number) => {
    for (const r of rules.length ? rules : [ALL]) {
      const list = regions.get(r) ?? [];
      list.push({ from, to, sources: [source] });
      regions.set(r, list);
    }
  };
  const open = new Map<string, { line: number; source: number }>();
  suppressions.forEach((s, i) => {
    const line = s.range.line;
    switch (s.kind) {
      case 'file': add(s.rules, 1, Number.MAX_SAFE_INTEGER, i); break;
      case 'line': add(s.rules, s.range.line, s.range.endLine, i); break;
      case 'next-line': add(s.rules, s.range.endLine + 1, s.range.endLine + 1, i); break;
      case 'disable': for (const r of s.rules.length ? s.rules : [ALL]) if (!open.has(r)) open.set(r, { line, source: i }); break;
      case 'enable':
        for (const r of s.rules.length ? s.rules : [...open.keys()]) {
          const o = open.get(r);
          if (o) { add([r], o.line, s.range.endLine, o.source); open.delete(r); }
        }
        break;
    }
  });
  for (const [r, o] of open) add([r], o.line, Number.MAX_SAFE_INTEGER, o.source);
  // Merged per rule, so the regions of a rule are disjoint and sorted.
  for (const [r, list] of regions) regions.set(r, merge(list));

  const used = new Set<number>();
  const kept: Finding[] = [];
  const suppressed: Finding[] = [];
  for (const f of findings) {
    const hit = covering(regions.get(f.rule), f.line) ?? covering(regions.get(ALL), f.line);
    if (hit) { for (const i of hit.sources) used.add(i); suppressed.push(f); } else kept.push(f);
  }
  const unused = suppressions.filter((s, i) => s.kind !== 'enable' && !used.has(i));
  return { kept, suppressed, unused };
}

function merge(list: Region[]): Region[] {
  list.sort((a, b) => a.from - b.from);
  const out: Region[] = [];
  for (const r of list) {
    const last = out[out.length - 1];
    if (last && r.from <= last.to + 1) {
      last.to = Math.max(last.to, r.to);
      pushAll(last.sources, r.sources);
    } else out.push({ from: r.from, to: r.to, sources: [...r.sources] });
  }
  return out;
}

/** The region containing `line`: the last one starting at or before it, if it reaches that far. */
function covering(list: Region[] | undefined, line: number): Region | undefined {
  if (!list || list.length === 0) return undefined;
  let lo = 0;
  let hi = list.length - 1;
  let at = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (list[mid]!.from <= line) { at = mid; lo = mid + 1; } else hi = mid - 1;
  }
  return at >= 0 && list[at]!.to >= line ? list[at] : undefined;
}
