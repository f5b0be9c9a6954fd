/**
 * The Progress view: workspace folder → status document → sections → checklist items (native
 * checkboxes), scores, milestones, and the document's problems. Elements are plain data with
 * stable ids (built from titles, not positions, so expansion survives edits); `getTreeItem`
 * reads the current analysis; `getParent` makes `reveal` work.
 *
 * Every row shows its own verdict (a score its delta check, a milestone its date check, a
 * section the status its heading marks), in the repaired text of the document (see
 * `tree/verdicts.ts`). While the workspace is scanned the view says how far the scan has come.
 */
import * as vscode from 'vscode';
import { claimCounts, claimCountsText } from './claims';
import { pushAll } from '../core/collections';
import type { Finding, Section, StatusDoc, StatusValue } from '../core/index';
import { CommandId } from './commands';
import type { AnalysisService, Entry } from './documents';
import { toRange } from './ranges';
import {
  display, documentStatus, milestoneStatus, milestoneVerdict, overallProgress, overdueCount, scoreVerdict, sectionState,
  severityCounts, staleSubject, type Overall, type SeverityCounts,
} from './tree/verdicts';

export const VIEW_ID = 'statusDocs.progress';

export type Filter = 'all' | 'open' | 'problems' | 'errors' | 'rule';
export const FILTERS: Record<Filter, string> = {
  all: 'All items',
  open: 'Open items only',
  problems: 'Problems only',
  errors: 'Errors only',
  rule: 'By rule',
};

export type Sort = 'errors' | 'overdue' | 'name';
export const SORTS: Record<Sort, string> = {
  errors: 'Most errors first',
  overdue: 'Most overdue first',
  name: 'By name',
};

export function filterLabel(filter: Filter, rule?: string): string {
  switch (filter) {
    case 'all': return vscode.l10n.t('All items');
    case 'open': return vscode.l10n.t('Open items only');
    case 'problems': return vscode.l10n.t('Problems only');
    case 'errors': return vscode.l10n.t('Errors only');
    case 'rule': return vscode.l10n.t('Rule: {0}', rule ?? '');
  }
}

export function sortLabel(sort: Sort): string {
  switch (sort) {
    case 'errors': return vscode.l10n.t('Most errors first');
    case 'overdue': return vscode.l10n.t('Most overdue first');
    case 'name': return vscode.l10n.t('By name');
  }
}

export type NodeKind = 'folder' | 'document' | 'section' | 'task' | 'score' | 'milestone' | 'problems' | 'finding';

export interface Node {
  kind: NodeKind;
  id: string;
  parentId: string | null;
  /** The document (all kinds but folder). */
  uri?: string;
  /** The workspace folder (folder nodes); '' for files outside any folder. */
  folder?: string;
  /** Index into the model's sections/tasks/scores/milestones, or into the findings. */
  index?: number;
}

const STATUS_ICON: Record<StatusValue, [string, string | undefined]> = {
  done: ['pass-filled', 'testing.iconPassed'],
  'in-progress': ['sync', 'charts.blue'],
  planned: ['circle-large-outline', undefined],
  blocked: ['error', 'errorForeground'],
  'at-risk': ['warning', 'editorWarning.foreground'],
  unknown: ['circle-outline', undefined],
};

function statusIcon(status: StatusValue | undefined, fallback: string): vscode.ThemeIcon {
  if (!status) return new vscode.ThemeIcon(fallback);
  const [icon, color] = STATUS_ICON[status];
  return new vscode.ThemeIcon(icon, color ? new vscode.ThemeColor(color) : undefined);
}

function statusWord(status: StatusValue | undefined): string | undefined {
  switch (status) {
    case 'done': return vscode.l10n.t('done');
    case 'in-progress': return vscode.l10n.t('in progress');
    case 'planned': return vscode.l10n.t('planned');
    case 'blocked': return vscode.l10n.t('blocked');
    case 'at-risk': return vscode.l10n.t('at risk');
    default: return undefined;
  }
}

const SEVERITY_ICON: Record<Finding['severity'], vscode.ThemeIcon> = {
  error: new vscode.ThemeIcon('error', new vscode.ThemeColor('problemsErrorIcon.foreground')),
  warning: new vscode.ThemeIcon('warning', new vscode.ThemeColor('problemsWarningIcon.foreground')),
  info: new vscode.ThemeIcon('info', new vscode.ThemeColor('problemsInfoIcon.foreground')),
};
const SEVERITY_RANK: Record<Finding['severity'], number> = { error: 0, warning: 1, info: 2 };
const PASS_ICON = new vscode.ThemeIcon('pass', new vscode.ThemeColor('testing.iconPassed'));
const STALE_ICON = new vscode.ThemeIcon('watch', new vscode.ThemeColor('statusDocs.staleForeground'));

export const percent = (done: number, total: number) => Math.round((done / total) * 100);

const plural = (n: number, one: string, many: string) => (n === 1 ? one : many);

/** `2 errors · 1 warning` (zero counts left out; infos only when there are some). */
export function severityText(c: SeverityCounts, separator = ' · '): string {
  const parts: string[] = [];
  if (c.error) parts.push(plural(c.error, vscode.l10n.t('1 error'), vscode.l10n.t('{0} errors', c.error)));
  if (c.warning) parts.push(plural(c.warning, vscode.l10n.t('1 warning'), vscode.l10n.t('{0} warnings', c.warning)));
  if (c.info) parts.push(plural(c.info, vscode.l10n.t('1 info'), vscode.l10n.t('{0} infos', c.info)));
  return parts.join(separator);
}

/** `Overall progress: 64% (7 of 11 checklist items done)`. */
export function overallText(o: Overall): string {
  return o.source === 'checklist'
    ? vscode.l10n.t('Overall progress: {0}% ({1} of {2} checklist items done)', o.percent, o.done!, o.total!)
    : vscode.l10n.t('Overall progress: {0}% (as the document states it)', o.percent);
}

/** `7/13 · 54%`, else the overall progress as written, else ''. */
export function progressText(doc: StatusDoc): string {
  if (doc.checklist.total > 0) return `${doc.checklist.done}/${doc.checklist.total} · ${percent(doc.checklist.done, doc.checklist.total)}%`;
  const o = overallProgress(doc);
  return o ? `${o.percent}%` : '';
}

/** `⏰ 2026-02-18 · 277 days overdue`. */
export function overdueText(finding: Finding): string {
  const days = finding.stale!.daysOverdue;
  return `⏰ ${finding.stale!.due} · ${plural(days, vscode.l10n.t('1 day overdue'), vscode.l10n.t('{0} days overdue', days))}`;
}

/** `Ada (Indexing)  40% → 65%  (+20 points)`: the name with its role, as the document writes it. */
export function scoreLabel(sc: StatusDoc['scores'][number]): string {
  const who = sc.role ? `${display(sc.name)} (${display(sc.role)})` : display(sc.name);
  return `${who}  ${sc.before.text} → ${sc.after.text}${sc.delta ? `  (${sc.delta.text})` : ''}`;
}

const lineText = (line: number) => vscode.l10n.t('line {0}', line);

export class ProgressTree implements vscode.TreeDataProvider<Node>, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<Node | undefined>();
  readonly onDidChangeTreeData = this.changed.event;
  private readonly nodes = new Map<string, Node>();
  private readonly disposables: vscode.Disposable[] = [this.changed];
  private refreshTimer: ReturnType<typeof setTimeout> | undefined;
  /** Resolves the progress indicator of the scan that is running. */
  private endProgress: (() => void) | undefined;
  private scanned: boolean | undefined;
  private messageAt = 0;
  filter: Filter = 'all';
  /** The rule shown by the `rule` filter. */
  rule: string | undefined;
  sort: Sort = 'errors';
  view: vscode.TreeView<Node> | undefined;

  constructor(private readonly service: AnalysisService) {
    this.disposables.push(
      service.onDidChange(() => this.scheduleRefresh()),
      service.onDidChangeScan(() => this.updateScan()),
    );
  }

  /** Creates the view (checkboxes, badge, context keys, the scan's progress). */
  createView(): vscode.TreeView<Node> {
    const view = vscode.window.createTreeView(VIEW_ID, { treeDataProvider: this, showCollapseAll: true, manageCheckboxStateManually: true });
    this.view = view;
    this.disposables.push(view, view.onDidChangeCheckboxState((e) => {
      for (const [node, state] of e.items) void this.toggle(node, state === vscode.TreeItemCheckboxState.Checked);
    }));
    this.updateDescription();
    this.updateBadge();
    this.updateScan();
    return view;
  }

  setFilter(filter: Filter, rule?: string): void {
    this.filter = filter;
    this.rule = filter === 'rule' ? rule : undefined;
    void vscode.commands.executeCommand('setContext', 'statusDocs.filter', filter);
    this.updateDescription();
    this.refresh();
  }

  setSort(sort: Sort): void {
    this.sort = sort;
    void vscode.commands.executeCommand('setContext', 'statusDocs.sort', sort);
    this.updateDescription();
    this.refresh();
  }

  /**
   * The view's header names the filter that is on and the order: `Errors only · Most errors first`.
   * A view alone in its container shows no description (its title is merged with the
   * container's), so a filter or an order other than the default is also the view's message.
   */
  private updateDescription(): void {
    if (!this.view) return;
    this.view.description = this.arrangement();
    this.updateScan();
  }

  private arrangement(): string {
    return [this.filter === 'all' ? '' : filterLabel(this.filter, this.rule), sortLabel(this.sort)].filter(Boolean).join(' · ');
  }

  /** The rules with findings in the workspace, most findings first. */
  rulesPresent(): { rule: string; count: number }[] {
    const counts = new Map<string, number>();
    for (const e of this.service.all()) for (const f of e.findings) counts.set(f.rule, (counts.get(f.rule) ?? 0) + 1);
    return [...counts].map(([rule, count]) => ({ rule, count })).sort((a, b) => b.count - a.count || a.rule.localeCompare(b.rule));
  }

  /**
   * While a scan runs: a progress indicator on the view and `Scanning N of M files…` as its
   * message. The "No status documents found" welcome waits for the first scan to finish
   * (`statusDocs.scanned`).
   */
  private updateScan(): void {
    const progress = this.service.scanProgress;
    const scanned = this.service.scansCompleted > 0;
    if (scanned !== this.scanned) {
      this.scanned = scanned;
      void vscode.commands.executeCommand('setContext', 'statusDocs.scanned', scanned);
    }
    // The count moves with every file: shown at most every 100 ms (each update crosses to the workbench).
    const now = Date.now();
    const throttled = progress && progress.total > 0 && progress.done > 0 && progress.done < progress.total && now - this.messageAt < 100;
    if (this.view && !throttled) {
      const message = progress
        ? (progress.total ? vscode.l10n.t('Scanning {0} of {1} files…', progress.done, progress.total) : vscode.l10n.t('Looking for status documents…'))
        : !scanned ? vscode.l10n.t('Looking for status documents…')
          : this.filter !== 'all' || this.sort !== 'errors' ? vscode.l10n.t('Showing: {0}', this.arrangement()) : undefined;
      if (message !== this.view.message) {
        this.view.message = message;
        this.messageAt = now;
      }
    }
    if (progress && !this.endProgress) {
      const done = new Promise<void>((resolve) => (this.endProgress = resolve));
      void vscode.window.withProgress({ location: { viewId: VIEW_ID } }, () => done);
    } else if (!progress && this.endProgress) {
      this.endProgress();
      this.endProgress = undefined;
    }
  }

  private scheduleRefresh(): void {
    if (this.refreshTimer) return;
    this.refreshTimer = setTimeout(() => {
      this.refreshTimer = undefined;
      this.refresh();
    }, 50);
  }

  refresh(): void {
    this.changed.fire(undefined);
    this.updateBadge();
  }

  private updateBadge(): void {
    const entries = this.service.all();
    const counts = severityCounts(entries.flatMap((e) => e.findings));
    const problems = counts.error + counts.warning + counts.info;
    void vscode.commands.executeCommand('setContext', 'statusDocs.hasDocuments', entries.length > 0);
    if (!this.view) return;
    this.view.badge = problems > 0 ? { value: problems, tooltip: vscode.l10n.t('Status documents: {0}', severityText(counts)) } : undefined;
  }

  // ---- structure -------------------------------------------------------------------------

  private remember(node: Node): Node {
    this.nodes.set(node.id, node);
    return node;
  }

  /** The findings the filter shows of a document. */
  findingsShown(entry: Entry): Finding[] {
    if (this.filter === 'errors') return entry.findings.filter((f) => f.severity === 'error');
    if (this.filter === 'rule') return entry.findings.filter((f) => f.rule === this.rule);
    return entry.findings;
  }

  private get findingsOnly(): boolean {
    return this.filter === 'problems' || this.filter === 'errors' || this.filter === 'rule';
  }

  private entriesShown(): Entry[] {
    const entries = this.service.all().filter((e) => !this.findingsOnly || this.findingsShown(e).length > 0);
    const names = new Map(entries.map((e) => [e, this.documentName(e).toLocaleLowerCase()]));
    const name = (e: Entry) => names.get(e)!;
    const byName = (a: Entry, b: Entry) => name(a).localeCompare(name(b)) || a.uri.path.localeCompare(b.uri.path);
    const errors = (e: Entry) => e.findings.filter((f) => f.severity === 'error').length;
    const overdue = (e: Entry) => overdueCount(e.findings);
    const problems = (e: Entry) => e.findings.length;
    switch (this.sort) {
      case 'errors': return entries.sort((a, b) => errors(b) - errors(a) || problems(b) - problems(a) || byName(a, b));
      case 'overdue': return entries.sort((a, b) => overdue(b) - overdue(a) || errors(b) - errors(a) || byName(a, b));
      case 'name': return entries.sort(byName);
    }
  }

  getChildren(node?: Node): Node[] {
    if (!node) {
      const folders = new Map<string, Node>();
      for (const e of this.entriesShown()) {
        const key = e.folder?.uri.toString() ?? '';
        if (!folders.has(key)) folders.set(key, this.remember({ kind: 'folder', id: `folder:${key}`, parentId: null, folder: key }));
      }
      const order = (vscode.workspace.workspaceFolders ?? []).map((f) => f.uri.toString());
      return [...folders.values()].sort((a, b) => rank(order, a.folder!) - rank(order, b.folder!));
    }
    if (node.kind === 'folder') {
      return this.folderEntries(node).map((e) => this.remember({ kind: 'document', id: `doc:${e.uri.toString()}`, parentId: node.id, uri: e.uri.toString() }));
    }
    const entry = node.uri ? this.service.get(vscode.Uri.parse(node.uri)) : undefined;
    if (!entry?.doc) return [];
    const { doc } = entry;
    const uri = node.uri!;
    const base = `doc:${uri}`;
    switch (node.kind) {
      case 'document': {
        if (this.findingsOnly) return this.findingNodes(entry, node.id);
        const out: Node[] = [];
        if (entry.findings.length) out.push(this.remember({ kind: 'problems', id: `${base}/problems`, parentId: node.id, uri }));
        const root = this.rootSection(doc);
        pushAll(out, this.sectionChildren(entry, root ?? null, node.id, base));
        return out;
      }
      case 'section':
        return this.sectionChildren(entry, node.index!, node.id, node.id);
      case 'task':
        return this.taskNodes(entry, (t) => t.parent === node.index, node.id);
      case 'problems':
        return this.findingNodes(entry, node.id);
      default:
        return [];
    }
  }

  private folderEntries(node: Node): Entry[] {
    return this.entriesShown().filter((e) => (e.folder?.uri.toString() ?? '') === node.folder);
  }

  /** The one level-1 section holding the whole document, flattened away. */
  private rootSection(doc: StatusDoc): number | undefined {
    const tops = doc.sections.filter((s) => s.parent === null);
    return tops.length === 1 && tops[0]!.level === 1 ? tops[0]!.index : undefined;
  }

  private sectionChildren(entry: Entry, section: number | null, parentId: string, idBase: string): Node[] {
    const doc = entry.doc!;
    const uri = entry.uri.toString();
    const out: Node[] = [];
    const counts = new Map<string, number>();
    const unique = (key: string) => {
      const n = (counts.get(key) ?? 0) + 1;
      counts.set(key, n);
      return n === 1 ? key : `${key}#${n}`;
    };
    for (const s of doc.sections) {
      if (s.parent !== section || !this.sectionHasContent(entry, s)) continue;
      const score = scoreOfHeading(doc, s);
      if (score !== undefined) {
        if (this.filter !== 'open') out.push(this.remember({ kind: 'score', id: `${idBase}/sc:${unique(doc.scores[score]!.name)}`, parentId, uri, index: score }));
        continue;
      }
      out.push(this.remember({ kind: 'section', id: `${idBase}/s:${unique(s.title)}`, parentId, uri, index: s.index }));
    }
    doc.scores.forEach((sc, i) => {
      if (sc.section !== section || this.filter === 'open') return;
      if (scoreOfHeading(doc, doc.sections[sc.section ?? -1]) === i) return;
      out.push(this.remember({ kind: 'score', id: `${idBase}/sc:${unique(sc.name)}`, parentId, uri, index: i }));
    });
    doc.milestones.forEach((m, i) => {
      if (m.section !== section || (this.filter === 'open' && milestoneStatus(doc, m) === 'done')) return;
      out.push(this.remember({ kind: 'milestone', id: `${idBase}/m:${unique(m.name)}`, parentId, uri, index: i }));
    });
    pushAll(out, this.taskNodes(entry, (t) => t.section === section && (t.parent === null || doc.tasks[t.parent]?.section !== section), parentId, idBase));
    return out;
  }

  private taskNodes(entry: Entry, which: (t: StatusDoc['tasks'][number]) => boolean, parentId: string, idBase = parentId): Node[] {
    const doc = entry.doc!;
    const uri = entry.uri.toString();
    const counts = new Map<string, number>();
    const out: Node[] = [];
    doc.tasks.forEach((t, i) => {
      if (!which(t)) return;
      if (this.filter === 'open' && !this.hasOpenTask(doc, i)) return;
      const key = plain(t.text).slice(0, 80);
      const n = (counts.get(key) ?? 0) + 1;
      counts.set(key, n);
      out.push(this.remember({ kind: 'task', id: `${idBase}/t:${key}${n > 1 ? `#${n}` : ''}`, parentId, uri, index: i }));
    });
    return out;
  }

  private hasOpenTask(doc: StatusDoc, i: number): boolean {
    if (!doc.tasks[i]!.checked) return true;
    return doc.tasks.some((t, j) => t.parent === i && this.hasOpenTask(doc, j));
  }

  private sectionHasContent(entry: Entry, s: Section): boolean {
    const doc = entry.doc!;
    const inside = (sec: number | null): boolean => {
      for (let k: number | null = sec; k !== null; k = doc.sections[k]?.parent ?? null) if (k === s.index) return true;
      return false;
    };
    if (this.filter === 'open') {
      return doc.tasks.some((t) => inside(t.section) && !t.checked) || doc.milestones.some((m) => inside(m.section) && milestoneStatus(doc, m) !== 'done');
    }
    return s.checklist.total > 0 || doc.scores.some((x) => inside(x.section)) || doc.milestones.some((m) => inside(m.section));
  }

  /** The findings the filter shows, errors first, then warnings, then infos, each in line order. */
  private findingNodes(entry: Entry, parentId: string): Node[] {
    const counts = new Map<string, number>();
    const shown = new Set(this.findingsShown(entry));
    const indexes = entry.findings.map((_, i) => i).filter((i) => shown.has(entry.findings[i]!));
    indexes.sort((a, b) => SEVERITY_RANK[entry.findings[a]!.severity] - SEVERITY_RANK[entry.findings[b]!.severity] || a - b);
    return indexes.map((i) => {
      const f = entry.findings[i]!;
      const n = (counts.get(f.rule) ?? 0) + 1;
      counts.set(f.rule, n);
      return this.remember({ kind: 'finding', id: `${parentId}/f:${f.rule}#${n}`, parentId, uri: entry.uri.toString(), index: i });
    });
  }

  getParent(node: Node): Node | undefined {
    return node.parentId ? this.nodes.get(node.parentId) : undefined;
  }

  // ---- items -----------------------------------------------------------------------------

  getTreeItem(node: Node): vscode.TreeItem {
    if (node.kind === 'folder') return this.folderItem(node);
    const uri = vscode.Uri.parse(node.uri!);
    const entry = this.service.get(uri);
    const item = new vscode.TreeItem('', vscode.TreeItemCollapsibleState.None);
    item.id = node.id;
    item.contextValue = node.kind;
    if (!entry) {
      const name = uri.path.split('/').pop() ?? '';
      return Object.assign(item, { label: name, accessibilityInformation: { label: name } });
    }
    const doc = entry.doc;
    switch (node.kind) {
      case 'document': return this.documentItem(item, entry);
      case 'section': return this.sectionItem(item, entry, doc!.sections[node.index!]!);
      case 'task': {
        const t = doc!.tasks[node.index!]!;
        const text = display(t.text) || vscode.l10n.t('(empty task)');
        const state = t.checked ? vscode.l10n.t('done') : vscode.l10n.t('open');
        item.label = text;
        item.checkboxState = t.checked ? vscode.TreeItemCheckboxState.Checked : vscode.TreeItemCheckboxState.Unchecked;
        if (doc!.tasks.some((c) => c.parent === node.index)) item.collapsibleState = vscode.TreeItemCollapsibleState.Expanded;
        item.command = reveal(uri, t.range);
        item.tooltip = `${text}\n${vscode.l10n.t('{0} · line {1}', state, t.range.line)}`;
        item.accessibilityInformation = { label: vscode.l10n.t('Task: {0}, {1}, line {2}', text, state, t.range.line) };
        return item;
      }
      case 'score': return this.scoreItem(item, entry, node.index!);
      case 'milestone': return this.milestoneItem(item, entry, node.index!);
      case 'problems': {
        const c = severityCounts(entry.findings);
        item.label = vscode.l10n.t('Problems');
        item.description = severityText(c);
        item.collapsibleState = vscode.TreeItemCollapsibleState.Collapsed;
        item.iconPath = SEVERITY_ICON[worst(entry.findings)];
        item.accessibilityInformation = { label: vscode.l10n.t('Problems: {0}', severityText(c, ', ')) };
        return item;
      }
      case 'finding': {
        const f = entry.findings[node.index!];
        if (!f) return item;
        const subject = staleSubject(entry, f);
        item.label = f.stale ? (subject ? `${subject}: ${overdueText(f)}` : overdueText(f)) : f.message;
        item.description = `Ln ${f.line} · ${f.rule}`;
        item.tooltip = f.message + (f.detail ? `\n\n${f.detail}` : '');
        item.iconPath = f.stale ? STALE_ICON : SEVERITY_ICON[f.severity];
        item.command = reveal(uri, f);
        const severity = f.severity === 'error' ? vscode.l10n.t('Error') : f.severity === 'warning' ? vscode.l10n.t('Warning') : vscode.l10n.t('Info');
        item.accessibilityInformation = { label: vscode.l10n.t('{0}: {1}, line {2}, rule {3}', severity, f.stale && subject ? `${subject}, ${f.message}` : f.message, f.line, f.rule) };
        return item;
      }
    }
    return item;
  }

  private folderItem(node: Node): vscode.TreeItem {
    const folder = vscode.workspace.workspaceFolders?.find((f) => f.uri.toString() === node.folder);
    const name = folder?.name ?? vscode.l10n.t('Other documents');
    const item = new vscode.TreeItem(name, vscode.TreeItemCollapsibleState.Expanded);
    item.id = node.id;
    item.iconPath = new vscode.ThemeIcon('root-folder');
    item.contextValue = 'folder';
    const entries = this.folderEntries(node);
    const findings = entries.flatMap((e) => e.findings);
    const c = severityCounts(findings);
    const overdue = overdueCount(findings);
    const progress = entries.flatMap((e) => (e.doc ? [overallProgress(e.doc)?.percent] : [])).filter((p): p is number => p !== undefined);
    const average = progress.length ? Math.round(progress.reduce((a, b) => a + b, 0) / progress.length) : undefined;
    const docs = plural(entries.length, vscode.l10n.t('1 document'), vscode.l10n.t('{0} documents', entries.length));
    const errors = plural(c.error, vscode.l10n.t('1 error'), vscode.l10n.t('{0} errors', c.error));
    const late = plural(overdue, vscode.l10n.t('1 overdue'), vscode.l10n.t('{0} overdue', overdue));
    item.description = [docs, c.error ? errors : '', overdue ? late : '', average !== undefined ? `${average}%` : ''].filter(Boolean).join(' · ');
    const lines = [
      name,
      docs,
      severityText(c) || vscode.l10n.t('No problems'),
      plural(overdue, vscode.l10n.t('1 overdue milestone or sprint'), vscode.l10n.t('{0} overdue milestones or sprints', overdue)),
    ];
    if (average !== undefined) lines.push(vscode.l10n.t('Average progress of {0} documents: {1}%', progress.length, average));
    item.tooltip = lines.join('\n');
    item.accessibilityInformation = { label: vscode.l10n.t('Folder: {0}', lines.join(', ')) };
    return item;
  }

  private documentName(entry: Entry): string {
    return entry.doc?.title ? display(entry.doc.title) : entry.uri.path.split('/').pop() ?? entry.uri.path;
  }

  private documentItem(item: vscode.TreeItem, entry: Entry): vscode.TreeItem {
    const name = this.documentName(entry);
    item.resourceUri = entry.uri;
    item.label = name;
    item.command = reveal(entry.uri, { line: 1, column: 1, endLine: 1, endColumn: 1 });
    if (!entry.doc) {
      item.description = entry.skipped ?? '';
      item.iconPath = new vscode.ThemeIcon('circle-slash');
      item.tooltip = `${vscode.workspace.asRelativePath(entry.uri)}\n${entry.skipped ?? ''}`;
      item.accessibilityInformation = { label: vscode.l10n.t('Document: {0}, {1}', name, entry.skipped ?? '') };
      return item;
    }
    const c = severityCounts(entry.findings);
    const overall = overallProgress(entry.doc);
    const overdue = overdueCount(entry.findings);
    // Infos (an undated milestone, a stale "Last updated") stay in the tooltip and the Problems row.
    item.description = [severityText({ ...c, info: 0 }), overall ? `${overall.percent}%` : ''].filter(Boolean).join(' · ');
    const status = documentStatus(entry.doc);
    item.iconPath = statusIcon(status, 'file-text');
    item.collapsibleState = vscode.TreeItemCollapsibleState.Collapsed;
    const lines = [vscode.workspace.asRelativePath(entry.uri)];
    if (entry.doc.status && status) lines.push(vscode.l10n.t('Status: {0}', display(entry.doc.status.text)));
    if (overall) lines.push(overallText(overall));
    lines.push(severityText(c) || vscode.l10n.t('No problems'));
    if (overdue) lines.push(plural(overdue, vscode.l10n.t('1 overdue milestone or sprint'), vscode.l10n.t('{0} overdue milestones or sprints', overdue)));
    const claims = claimCountsText(claimCounts(entry));
    if (claims) lines.push(vscode.l10n.t('Claims: {0}', claims));
    item.tooltip = lines.join('\n');
    item.accessibilityInformation = {
      label: vscode.l10n.t('Document: {0}', [name, statusWord(status), severityText(c, ', ') || vscode.l10n.t('no problems'), overall ? vscode.l10n.t('overall progress {0}%', overall.percent) : ''].filter(Boolean).join(', ')),
    };
    return item;
  }

  private sectionItem(item: vscode.TreeItem, entry: Entry, s: Section): vscode.TreeItem {
    const title = display(s.title);
    const state = sectionState(entry, s);
    item.label = title;
    item.collapsibleState = vscode.TreeItemCollapsibleState.Collapsed;
    const count = s.checklist.total ? `${s.checklist.done}/${s.checklist.total} · ${percent(s.checklist.done, s.checklist.total)}%` : '';
    if (count) item.description = count;
    item.iconPath = state.wrong !== undefined ? SEVERITY_ICON.warning : statusIcon(state.status, 'symbol-namespace');
    item.command = reveal(entry.uri, s.headingRange);
    const lines = [title];
    if (s.checklist.total) lines.push(vscode.l10n.t('{0} of {1} checklist items done', s.checklist.done, s.checklist.total));
    const word = statusWord(state.status);
    if (word) lines.push(vscode.l10n.t('Status: {0}', word));
    if (state.wrong) lines.push(state.wrong);
    item.tooltip = lines.join('\n');
    const done = s.checklist.total ? vscode.l10n.t('{0} of {1} done', s.checklist.done, s.checklist.total) : '';
    item.accessibilityInformation = { label: vscode.l10n.t('Section: {0}', [title, done, word, state.wrong ?? '', lineText(s.headingRange.line)].filter(Boolean).join(', ')) };
    return item;
  }

  private scoreItem(item: vscode.TreeItem, entry: Entry, index: number): vscode.TreeItem {
    const sc = entry.doc!.scores[index]!;
    const label = scoreLabel(sc);
    const v = scoreVerdict(entry, sc);
    item.label = label;
    item.command = reveal(entry.uri, sc.range);
    let state: string;
    switch (v.verdict) {
      case 'right':
        item.iconPath = PASS_ICON;
        state = vscode.l10n.t('The change {0} is right', sc.delta!.text);
        break;
      case 'wrong':
        item.iconPath = SEVERITY_ICON.error;
        state = v.reason || vscode.l10n.t('The change {0} is wrong', sc.delta!.text);
        break;
      case 'unchecked':
        item.iconPath = new vscode.ThemeIcon('graph-line');
        state = vscode.l10n.t('The change is not checked: {0}', v.reason ?? '');
        break;
      default:
        item.iconPath = new vscode.ThemeIcon('graph-line');
        state = vscode.l10n.t('No change stated');
    }
    item.tooltip = `${label}\n${state}`;
    item.accessibilityInformation = { label: vscode.l10n.t('Score: {0}, {1}, line {2}', label.replace(/\s+/g, ' ').replace(/→/g, vscode.l10n.t('to')), state, sc.range.line) };
    return item;
  }

  private milestoneItem(item: vscode.TreeItem, entry: Entry, index: number): vscode.TreeItem {
    const doc = entry.doc!;
    const m = doc.milestones[index]!;
    const name = display(m.name);
    const v = milestoneVerdict(entry, m);
    const status = milestoneStatus(doc, m);
    item.label = name;
    const written = [m.date?.text, m.status ? display(m.status.text) : undefined].filter(Boolean).join(' · ');
    item.description = v.stale ? overdueText(v.stale) : written;
    item.iconPath = v.stale || v.verdict === 'wrong' ? STALE_ICON : statusIcon(status, 'milestone');
    let state: string;
    if (v.stale) state = v.stale.message;
    else if (v.verdict === 'wrong') state = v.reason ?? '';
    else if (v.verdict === 'right') state = status === 'done' ? vscode.l10n.t('Done') : vscode.l10n.t('On schedule');
    else if (v.verdict === 'unchecked') state = vscode.l10n.t('Date not checked: {0}', v.reason ?? '');
    else state = vscode.l10n.t('No date to check');
    item.tooltip = [name, written, state].filter(Boolean).join('\n');
    item.command = reveal(entry.uri, m.range);
    const overdue = v.stale ? plural(v.stale.stale!.daysOverdue, vscode.l10n.t('1 day overdue'), vscode.l10n.t('{0} days overdue', v.stale.stale!.daysOverdue)) : '';
    item.accessibilityInformation = {
      label: vscode.l10n.t('Milestone: {0}', [name, m.date?.text, statusWord(status), overdue || (v.verdict === 'right' ? state : ''), lineText(m.range.line)].filter(Boolean).join(', ')),
    };
    return item;
  }

  // ---- checkboxes ------------------------------------------------------------------------

  /** Ticks or unticks one task: replaces exactly the character inside its `[ ]`, undoably. */
  async toggle(node: Node, checked: boolean): Promise<boolean> {
    if (node.kind !== 'task' || !node.uri) return false;
    const uri = vscode.Uri.parse(node.uri);
    const task = this.service.get(uri)?.doc?.tasks[node.index!];
    if (!task) return false;
    const document = await vscode.workspace.openTextDocument(uri);
    const inner = new vscode.Range(task.boxRange.line - 1, task.boxRange.column, task.boxRange.line - 1, task.boxRange.column + 1);
    const box = document.getText(new vscode.Range(inner.start.translate(0, -1), inner.end.translate(0, 1)));
    if (!/^\[[ xX]\]$/.test(box)) {
      void vscode.window.showWarningMessage(vscode.l10n.t('Status Docs: the document changed; refresh the Progress view and try again.'));
      this.refresh();
      return false;
    }
    const edit = new vscode.WorkspaceEdit();
    edit.replace(uri, inner, checked ? 'x' : ' ');
    const ok = await vscode.workspace.applyEdit(edit);
    if (!ok) this.refresh();
    return ok;
  }

  dispose(): void {
    if (this.refreshTimer) clearTimeout(this.refreshTimer);
    this.endProgress?.();
    for (const d of this.disposables) d.dispose();
  }
}

/** Ids keep the raw text (stable while a repair changes how a row reads). */
const plain = (s: string) => s.replace(/[*_`]+/g, '').replace(/\s+/g, ' ').trim();

/**
 * A section that is nothing but one score written in its heading (`### Ada: 40% → 65% (+25)`)
 * is shown as that score; returns the score's index.
 */
export function scoreOfHeading(doc: StatusDoc, s: Section | undefined): number | undefined {
  if (!s) return undefined;
  const inHeading = doc.scores.flatMap((x, i) => (x.section === s.index && x.range.line === s.headingRange.line ? [i] : []));
  if (inHeading.length !== 1) return undefined;
  const others = doc.scores.some((x, i) => x.section === s.index && i !== inHeading[0]);
  const children = doc.sections.some((c) => c.parent === s.index);
  if (others || children || s.checklist.total > 0 || doc.milestones.some((m) => m.section === s.index)) return undefined;
  return inHeading[0];
}

function rank(order: string[], key: string): number {
  const i = order.indexOf(key);
  return i < 0 ? order.length : i;
}

function worst(findings: Finding[]): Finding['severity'] {
  return findings.some((f) => f.severity === 'error') ? 'error' : findings.some((f) => f.severity === 'warning') ? 'warning' : 'info';
}

function reveal(uri: vscode.Uri, l: { line: number; column: number; endLine: number; endColumn: number }): vscode.Command {
  return { title: 'Show', command: CommandId.Reveal, arguments: [uri, toRange(l)] };
}
