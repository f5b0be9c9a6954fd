import type { Block, List, Range, StatusDoc, Table } from '../model/schema';
import type { Rule, RuleContext } from './types';
import { withinTolerance } from './util/numeric';

/**
 * A lead-in that counts what it introduces: `Documents Added (4 total)` followed by 5 items,
 * `### CI/CD (7 files)` followed by 7. Only the list or table the claim introduces is counted,
 * only when that is unambiguous (one list or table, no sub-groups with counts of their own).
 */
export const countMismatch: Rule = {
  id: 'count-mismatch',
  description: 'A stated count (`Documents Added (4 total)`, `(7 files)`) that disagrees with the items of the list or table it introduces.',
  defaultSeverity: 'error',
  tags: ['arithmetic', 'consistency'],
  fixable: true,
  run(ctx) {
    const { doc } = ctx;
    doc.blocks.forEach((block, bi) => {
      const found = findClaim(block);
      if (!found) return;
      const claim = { ...found, range: ctx.lines.range(found.range.offset, found.range.endOffset) };
      const scope = scopeOf(ctx, block, bi);
      if (!scope) return;
      if (block.kind === 'heading' && scope.targets.length === 0 && !scope.ambiguous) checkSubSections(ctx, block, claim);
      else checkClaim(ctx, claim, scope);
    });
  },
};

/** Nouns that name the things a list enumerates (not measures such as hours or lines). */
const COUNTED = new Set([
  'total', 'file', 'files', 'document', 'documents', 'doc', 'docs', 'item', 'items', 'component', 'components',
  'feature', 'features', 'agent', 'agents', 'task', 'tasks', 'endpoint', 'endpoints', 'module', 'modules',
  'service', 'services', 'script', 'scripts', 'tool', 'tools', 'story', 'stories', 'check', 'checks',
  'deliverable', 'deliverables', 'report', 'reports', 'guide', 'guides', 'workflow', 'workflows', 'dashboard',
  'dashboards', 'collection', 'collections', 'migration', 'migrations', 'screen', 'screens', 'route', 'routes',
  'video', 'videos', 'step', 'steps', 'scenario', 'scenarios', 'view', 'views', 'permission', 'permissions',
  'directory', 'directories', 'folder', 'folders', 'package', 'packages', 'test', 'tests', 'suite', 'suites',
  'hook', 'hooks', 'template', 'templates', 'table', 'tables', 'model', 'models', 'rule', 'rules', 'requirement',
  'requirements', 'recommendation', 'recommendations', 'risk', 'risks', 'issue', 'issues', 'bug', 'bugs', 'fix', 'fixes',
  'phase', 'phases', 'sprint', 'sprints', 'milestone', 'milestones', 'repo', 'repos', 'repository', 'repositories',
  'api', 'apis', 'worker', 'workers', 'job', 'jobs', 'command', 'commands', 'category', 'categories', 'change', 'changes',
  'commit', 'commits', 'criteria', 'criterion', 'goal', 'goals', 'action', 'actions', 'area', 'areas', 'section', 'sections',
  'improvement', 'improvements', 'enhancement', 'enhancements', 'class', 'classes', 'function', 'functions',
  'diagram', 'diagrams', 'example', 'examples', 'lesson', 'lessons', 'metric', 'metrics', 'alert', 'alerts', 'panel', 'panels',
]);

interface Claim {
  value: number;
  /** `+` (at least), `~`/`≈` (about) or null. */
  qualifier: string | null;
  unit: string;
  range: Range;
  text: string;
}

const CLAIM = /\((?<q>[~≈])?\s?(?<n>\d{1,4})(?<plus>\+)?\s+(?<unit>[\p{L}][\p{L}-]*)(?=\s*[,;)]|\s+total\b|\s+[\p{L}/ -]{1,30}\))/du;

function findClaim(block: Block): Claim | null {
  if (block.kind !== 'heading' && block.kind !== 'paragraph') return null;
  const m = CLAIM.exec(block.text);
  if (!m) return null;
  const unit = m.groups!.unit!.toLowerCase();
  if (!COUNTED.has(unit)) return null;
  const [s, e] = m.indices!.groups!.n!;
  return {
    value: Number(m.groups!.n),
    qualifier: m.groups!.q ?? (m.groups!.plus ? '+' : null),
    unit,
    range: { line: 0, column: 0, endLine: 0, endColumn: 0, offset: block.range.offset + s, endOffset: block.range.offset + e },
    text: m.groups!.n!,
  };
}

type Target = { kind: 'list'; list: List } | { kind: 'table'; table: Table };

interface Scope {
  /** Lists (top level within the scope) and tables, in order. */
  targets: Target[];
  /** Whether the scope holds further count claims (sub-groups) or code blocks. */
  ambiguous: boolean;
}

function scopeOf(ctx: RuleContext, block: Block, bi: number): Scope | null {
  const { doc } = ctx;
  const start = block.range.endOffset;
  let end: number;
  if (block.kind === 'heading') {
    end = doc.sections.map((s) => s.headingRange.offset).find((o) => o >= start) ?? ctx.text.length;
  } else if (block.listItem) {
    // A list item that introduces its own sub-list.
    const [li, ii] = block.listItem;
    const item = doc.lists[li]?.items[ii];
    if (!item || item.children === null) return null;
    const child = doc.lists[item.children]!;
    if (!isLeadIn(block)) return null;
    return { targets: [{ kind: 'list', list: child }], ambiguous: subClaims(doc, child.range.offset, child.range.endOffset, bi) };
  } else {
    if (!isLeadIn(block)) return null;
    // A paragraph lead-in introduces what follows directly: the next list or table.
    const next = nextStructure(doc, start);
    if (!next) return null;
    const gap = ctx.text.slice(start, next.range.offset);
    if (!/^\s*$/.test(gap)) return null;
    end = next.range.endOffset;
  }
  const lists = doc.lists.filter((l) => l.range.offset >= start && l.range.endOffset <= end && !insideList(doc, l, start));
  const tables = doc.tables.filter((t) => t.range.offset >= start && t.range.endOffset <= end);
  const targets: Target[] = [
    ...lists.map((list) => ({ kind: 'list' as const, list })),
    ...tables.map((table) => ({ kind: 'table' as const, table })),
  ].sort((a, b) => off(a) - off(b));
  const code = /^[ \t]*(?:```|~~~)/m.test(ctx.text.slice(start, end));
  return { targets, ambiguous: code || subClaims(doc, start, end, bi) };
}

const off = (t: Target) => (t.kind === 'list' ? t.list.range.offset : t.table.range.offset);

/** A list nested in another list that also lies in the scope. */
function insideList(doc: StatusDoc, l: List, start: number): boolean {
  return l.parentItem !== null && doc.lists[l.parentItem[0]]!.range.offset >= start;
}

function nextStructure(doc: StatusDoc, from: number): { range: Range } | null {
  let best: { range: Range } | null = null;
  for (const x of [...doc.lists, ...doc.tables]) {
    if (x.range.offset >= from && (!best || x.range.offset < best.range.offset)) best = x;
  }
  return best;
}

/** A paragraph that introduces what follows: it ends with a colon, or it is all bold. */
function isLeadIn(block: Block): boolean {
  const t = block.text.trim();
  return t.endsWith(':') || /^\S/.test(t) && t.length <= 120 && !/[.!?]$/.test(t);
}

/** Whether the scope holds lead-ins with counts of their own (sub-groups); an item's own detail (`schema.sql (19 checks)`) is not one. */
function subClaims(doc: StatusDoc, start: number, end: number, self: number): boolean {
  return doc.blocks.some((b, i) => {
    if (i === self || b.range.offset < start || b.range.endOffset > end) return false;
    if (b.kind !== 'heading' && b.kind !== 'paragraph') return false;
    if (b.listItem && doc.lists[b.listItem[0]]?.items[b.listItem[1]]?.children === null) return false;
    return findClaim(b) !== null;
  });
}

function checkClaim(ctx: RuleContext, claim: Claim, scope: Scope): void {
  if (scope.ambiguous || scope.targets.length !== 1) return;
  const target = scope.targets[0]!;
  let count: number;
  let itemRanges: Range[];
  let what: string;
  if (target.kind === 'list') {
    count = target.list.items.length;
    itemRanges = target.list.items.map((i) => i.range);
    what = `the list below has ${count} item${count === 1 ? '' : 's'}`;
    // Items that count the same thing themselves (`Foundation: 3 components`) make a sum, not a list.
    if (target.list.items.some((i) => new RegExp(String.raw`\b\d+\s+${claim.unit === 'total' ? '\\p{L}' : claim.unit.replace(/s$/, '')}`, 'u').test(i.text))) return;
  } else {
    const rows = target.table.rows.filter((r) => !r.isTotal);
    count = rows.length;
    itemRanges = rows.map((r) => r.range);
    what = `the table below has ${count} row${count === 1 ? '' : 's'}`;
  }
  if (count < 1) return;
  if (agrees(claim, count, ctx.config.approximateTolerance)) return;
  const fixable = claim.qualifier === null;
  ctx.report({
    range: claim.range,
    message: `Unexpected count ${claim.qualifier === '~' || claim.qualifier === '≈' ? claim.qualifier : ''}${claim.text}${claim.qualifier === '+' ? '+' : ''}, expected ${count}: ${what}.`,
    related: itemRanges.slice(0, 30).map((r, i) => ({ range: r, message: `Item ${i + 1}` })),
    detail: `The lead-in announces ${claim.qualifier === '+' ? 'at least ' : claim.qualifier ? 'about ' : ''}${claim.value} ${claim.unit}; ${what}.`,
    ...(fixable ? { fix: { title: `Change the count to ${count}`, edits: [{ range: claim.range, text: String(count) }] } } : {}),
  });
}

function agrees(claim: Claim, count: number, tolerance: number): boolean {
  // `15+ widgets` is at least 15, and a list under it is often a selection: it never contradicts.
  if (claim.qualifier === '+') return true;
  if (claim.qualifier === '~' || claim.qualifier === '≈') return withinTolerance(claim.value, count, tolerance);
  return claim.value === count;
}

/**
 * `## Files Created (20 total)` over `### CI/CD (7 files)`, `### Data (10 files)`, …: the count is
 * the sum over the sub-sections. Each sub-section must hold exactly one list or table.
 */
function checkSubSections(ctx: RuleContext, block: Block, claim: Claim): void {
  const { doc } = ctx;
  const section = doc.sections.find((s) => s.headingRange.offset === block.range.offset);
  if (!section) return;
  const children = doc.sections.filter((s) => s.parent === section.index);
  if (children.length < 2) return;
  let items = 0;
  let claimed: number | null = 0;
  const related: { range: Range; message: string }[] = [];
  for (const child of children) {
    const heading = doc.blocks.find((b) => b.kind === 'heading' && b.range.offset === child.headingRange.offset);
    if (!heading) return;
    const scope = scopeOf(ctx, heading, doc.blocks.indexOf(heading));
    if (!scope || scope.ambiguous || scope.targets.length !== 1) return;
    const t = scope.targets[0]!;
    const n = t.kind === 'list' ? t.list.items.length : t.table.rows.filter((r) => !r.isTotal).length;
    items += n;
    const sub = findClaim(heading);
    if (sub && claimed !== null) claimed += sub.value;
    else claimed = null;
    related.push({ range: child.headingRange, message: `${child.title}: ${n} item${n === 1 ? '' : 's'}` });
  }
  if (agrees(claim, items, ctx.config.approximateTolerance) || (claimed !== null && agrees(claim, claimed, ctx.config.approximateTolerance))) return;
  const fixable = claim.qualifier === null;
  ctx.report({
    range: claim.range,
    message: `Unexpected count ${claim.text}${claim.qualifier === '+' ? '+' : ''}, expected ${items}: the ${children.length} sub-sections below list ${related.map((r) => r.message.replace(/^.*: (\d+) items?$/, '$1')).join(' + ')} = ${items} items.`,
    related,
    detail: `The heading announces ${claim.value} ${claim.unit}; its ${children.length} sub-sections hold ${items} items${claimed !== null ? ` and announce ${claimed}` : ''}.`,
    ...(fixable ? { fix: { title: `Change the count to ${items}`, edits: [{ range: claim.range, text: String(items) }] } } : {}),
  });
}
