/**
 * The Progress view: workspace folder → status document → sections → checklist items (native
 * checkboxes), scores, milestones, and the document's problems. Elements are plain data with
 * stable ids (built from titles, not positions, so expansion survives edits); `getTreeItem`
 * reads the current analysis; `getParent` makes `reveal` work.
 */
import * as vscode from 'vscode';
import { claimCounts, claimCountsText } from './claims';
import type { Finding, Section, StatusDoc, StatusValue } from '../core/index';
import { engine } from './lazy';
import { CommandId } from './commands';
import type { AnalysisService, Entry } from './documents';
import { toRange } from './ranges';

export const VIEW_ID = 'statusDocs.progress';

export type Filter = 'all' | 'open' | 'problems';
export const FILTERS: Record<Filter, string> = {
  all: 'All items',
  open: 'Open items only',
  problems: 'Problems only',
};

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

const SEVERITY_ICON: Record<Finding['severity'], vscode.ThemeIcon> = {
  error: new vscode.ThemeIcon('error', new vscode.ThemeColor('problemsErrorIcon.foreground')),
  warning: new vscode.ThemeIcon('warning', new vscode.ThemeColor('problemsWarningIcon.foreground')),
  info: new vscode.ThemeIcon('info', new vscode.ThemeColor('problemsInfoIcon.foreground')),
};

export const percent = (done: number, total: number) => Math.round((done / total) * 100);

/** `7/13 · 54%`, else the overall progress as written, else ''. */
export function progressText(doc: StatusDoc): string {
  if (doc.checklist.total > 0) return `${doc.checklist.done}/${doc.checklist.total} · ${percent(doc.checklist.done, doc.checklist.total)}%`;
  return engine().headlineProgress(doc) ?? '';
}

/** `⏰ 2026-02-18 · 277 days overdue`. */
export function overdueText(finding: Finding): string {
  const days = finding.stale!.daysOverdue;
  return `⏰ ${finding.stale!.due} · ${days} day${days === 1 ? '' : 's'} overdue`;
}

const plain = (s: string) => s.replace(/[*_`]+/g, '').replace(/\s+/g, ' ').trim();

/** `Ada (Indexing)  40% → 65%  (+20 points)`: the name with its role, as the document writes it. */
export function scoreLabel(sc: StatusDoc['scores'][number]): string {
  const who = sc.role ? `${plain(sc.name)} (${plain(sc.role)})` : plain(sc.name);
  return `${who}  ${sc.before.text} → ${sc.after.text}${sc.delta ? `  (${sc.delta.text})` : ''}`;
}

export class ProgressTree implements vscode.TreeDataProvider<Node>, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<Node | undefined>();
  readonly onDidChangeTreeData = this.changed.event;
  private readonly nodes = new Map<string, Node>();
  private readonly disposables: vscode.Disposable[] = [this.changed];
  private refreshTimer: ReturnType<typeof setTimeout> | undefined;
  filter: Filter = 'all';
  view: vscode.TreeView<Node> | undefined;

  constructor(private readonly service: AnalysisService) {
    this.disposables.push(service.onDidChange(() => this.scheduleRefresh()));
  }

  /** Creates the view (checkboxes, badge, context keys). */
  createView(): vscode.TreeView<Node> {
    const view = vscode.window.createTreeView(VIEW_ID, { treeDataProvider: this, showCollapseAll: true, manageCheckboxStateManually: true });
    this.view = view;
    this.disposables.push(view, view.onDidChangeCheckboxState((e) => {
      for (const [node, state] of e.items) void this.toggle(node, state === vscode.TreeItemCheckboxState.Checked);
    }));
    this.updateBadge();
    return view;
  }

  setFilter(filter: Filter): void {
    this.filter = filter;
    void vscode.commands.executeCommand('setContext', 'statusDocs.filter', filter);
    if (this.view) this.view.description = filter === 'all' ? undefined : FILTERS[filter];
    this.refresh();
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
    const problems = entries.reduce((n, e) => n + e.findings.length, 0);
    void vscode.commands.executeCommand('setContext', 'statusDocs.hasDocuments', entries.length > 0);
    if (!this.view) return;
    this.view.badge = problems > 0 ? { value: problems, tooltip: `${problems} problem${problems === 1 ? '' : 's'} in status documents` } : undefined;
  }

  // ---- structure -------------------------------------------------------------------------

  private remember(node: Node): Node {
    this.nodes.set(node.id, node);
    return node;
  }

  private entriesShown(): Entry[] {
    return this.service.all().filter((e) => this.filter !== 'problems' || e.findings.length > 0);
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
      return this.entriesShown()
        .filter((e) => (e.folder?.uri.toString() ?? '') === node.folder)
        .map((e) => this.remember({ kind: 'document', id: `doc:${e.uri.toString()}`, parentId: node.id, uri: e.uri.toString() }));
    }
    const entry = node.uri ? this.service.get(vscode.Uri.parse(node.uri)) : undefined;
    if (!entry?.doc) return [];
    const { doc } = entry;
    const uri = node.uri!;
    const base = `doc:${uri}`;
    switch (node.kind) {
      case 'document': {
        if (this.filter === 'problems') return this.findingNodes(entry, node.id);
        const out: Node[] = [];
        if (entry.findings.length) out.push(this.remember({ kind: 'problems', id: `${base}/problems`, parentId: node.id, uri }));
        const root = this.rootSection(doc);
        out.push(...this.sectionChildren(entry, root ?? null, node.id, base));
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
      if (m.section !== section || (this.filter === 'open' && m.status?.value === 'done')) return;
      out.push(this.remember({ kind: 'milestone', id: `${idBase}/m:${unique(m.name)}`, parentId, uri, index: i }));
    });
    out.push(...this.taskNodes(entry, (t) => t.section === section && (t.parent === null || doc.tasks[t.parent]?.section !== section), parentId, idBase));
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
      return doc.tasks.some((t, i) => inside(t.section) && !t.checked && i >= 0) || doc.milestones.some((m) => inside(m.section) && m.status?.value !== 'done');
    }
    return s.checklist.total > 0 || doc.scores.some((x) => inside(x.section)) || doc.milestones.some((m) => inside(m.section));
  }

  private findingNodes(entry: Entry, parentId: string): Node[] {
    const counts = new Map<string, number>();
    return entry.findings.map((f, i) => {
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
    if (node.kind === 'folder') {
      const folder = vscode.workspace.workspaceFolders?.find((f) => f.uri.toString() === node.folder);
      const item = new vscode.TreeItem(folder?.name ?? 'Other documents', vscode.TreeItemCollapsibleState.Expanded);
      item.id = node.id;
      item.iconPath = new vscode.ThemeIcon('root-folder');
      item.contextValue = 'folder';
      return item;
    }
    const uri = vscode.Uri.parse(node.uri!);
    const entry = this.service.get(uri);
    const item = new vscode.TreeItem('', vscode.TreeItemCollapsibleState.None);
    item.id = node.id;
    item.contextValue = node.kind;
    if (!entry) return Object.assign(item, { label: uri.path.split('/').pop() });
    const doc = entry.doc;
    switch (node.kind) {
      case 'document': return this.documentItem(item, entry);
      case 'section': {
        const s = doc!.sections[node.index!]!;
        item.label = plain(s.title);
        item.collapsibleState = vscode.TreeItemCollapsibleState.Collapsed;
        if (s.checklist.total) item.description = `${s.checklist.done}/${s.checklist.total} · ${percent(s.checklist.done, s.checklist.total)}%`;
        item.iconPath = statusIcon(s.status?.value ?? (s.checklist.total > 0 && s.checklist.done === s.checklist.total ? 'done' : undefined), 'symbol-namespace');
        item.command = reveal(uri, s.headingRange);
        return item;
      }
      case 'task': {
        const t = doc!.tasks[node.index!]!;
        item.label = plain(t.text) || '(empty task)';
        item.checkboxState = t.checked ? vscode.TreeItemCheckboxState.Checked : vscode.TreeItemCheckboxState.Unchecked;
        if (doc!.tasks.some((c) => c.parent === node.index)) item.collapsibleState = vscode.TreeItemCollapsibleState.Expanded;
        item.command = reveal(uri, t.range);
        item.tooltip = `Line ${t.range.line}: click to show, tick to edit the file`;
        return item;
      }
      case 'score': {
        const sc = doc!.scores[node.index!]!;
        item.label = scoreLabel(sc);
        const problem = entry.findings.find((f) => f.line >= sc.range.line && f.line <= sc.range.endLine);
        item.iconPath = problem ? SEVERITY_ICON[problem.severity] : new vscode.ThemeIcon('graph-line');
        item.tooltip = problem ? problem.message : undefined;
        item.command = reveal(uri, sc.range);
        return item;
      }
      case 'milestone': {
        const m = doc!.milestones[node.index!]!;
        item.label = plain(m.name);
        const stale = entry.findings.find((f) => f.stale && f.line >= m.range.line && f.line <= m.range.endLine);
        item.description = stale ? overdueText(stale) : [m.date?.text, m.status?.text].filter(Boolean).join(' · ');
        item.iconPath = stale ? new vscode.ThemeIcon('watch', new vscode.ThemeColor('statusDocs.staleForeground')) : statusIcon(m.status?.value, 'milestone');
        item.tooltip = stale?.message;
        item.command = reveal(uri, m.range);
        return item;
      }
      case 'problems': {
        item.label = 'Problems';
        item.description = String(entry.findings.length);
        item.collapsibleState = vscode.TreeItemCollapsibleState.Collapsed;
        item.iconPath = SEVERITY_ICON[worst(entry.findings)];
        return item;
      }
      case 'finding': {
        const f = entry.findings[node.index!];
        if (!f) return item;
        item.label = f.stale ? overdueText(f) : f.message;
        item.description = `Ln ${f.line} · ${f.rule}`;
        item.tooltip = f.message + (f.detail ? `\n\n${f.detail}` : '');
        item.iconPath = f.stale ? new vscode.ThemeIcon('watch', new vscode.ThemeColor('statusDocs.staleForeground')) : SEVERITY_ICON[f.severity];
        item.command = reveal(uri, f);
        return item;
      }
    }
    return item;
  }

  private documentItem(item: vscode.TreeItem, entry: Entry): vscode.TreeItem {
    const name = entry.uri.path.split('/').pop() ?? entry.uri.path;
    item.resourceUri = entry.uri;
    item.label = entry.doc?.title ? plain(entry.doc.title) : name;
    item.command = reveal(entry.uri, { line: 1, column: 1, endLine: 1, endColumn: 1 });
    if (!entry.doc) {
      item.description = entry.skipped ?? '';
      item.iconPath = new vscode.ThemeIcon('circle-slash');
      item.tooltip = `${vscode.workspace.asRelativePath(entry.uri)}\n${entry.skipped ?? ''}`;
      return item;
    }
    const findings = entry.findings.length;
    const stale = entry.findings.filter((f) => f.stale).length;
    item.description = [progressText(entry.doc), findings ? `⚠ ${findings}` : ''].filter(Boolean).join(' · ');
    item.iconPath = statusIcon(entry.doc.status?.value, 'file-text');
    item.collapsibleState = vscode.TreeItemCollapsibleState.Collapsed;
    const lines = [vscode.workspace.asRelativePath(entry.uri)];
    if (entry.doc.status) lines.push(`Status: ${entry.doc.status.text}`);
    if (entry.doc.checklist.total) lines.push(`Checklist: ${entry.doc.checklist.done} of ${entry.doc.checklist.total} done`);
    if (findings) lines.push(`${findings} problem${findings === 1 ? '' : 's'}${stale ? ` (${stale} stale)` : ''}`);
    const claims = claimCountsText(claimCounts(entry));
    if (claims) lines.push(`Claims: ${claims}`);
    item.tooltip = lines.join('\n');
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
      void vscode.window.showWarningMessage('Status Docs: the document changed; refresh the Progress view and try again.');
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
    for (const d of this.disposables) d.dispose();
  }
}

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
