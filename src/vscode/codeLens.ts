/** CodeLens above the title (`✓ 12 claims checked · 2 wrong`), checklists (`☑ 7/13 done (54%)`) and score groups (`Δ verified`, `Δ expected +18`). */
import * as vscode from 'vscode';
import { claimCounts, claimCountsText } from './claims';
import type { Entry } from './documents';
import type { AnalysisService } from './documents';
import { percent, scoreOfHeading } from './progressTree';

const DELTA_RULE = 'delta-mismatch';

export interface Lens {
  line: number;
  title: string;
}

/** The lenses of a document, 1-based lines. Pure over the entry, for tests. */
export function lensesOf(entry: Entry): Lens[] {
  const doc = entry.doc;
  if (!doc) return [];
  const out: Lens[] = [];
  // What the rules verified, above the title (or the first line).
  const counts = claimCountsText(claimCounts(entry));
  if (counts) out.push({ line: doc.titleRange?.line ?? 1, title: `✓ ${counts}` });
  // Checklists: each top-level task list with its nested tasks.
  const rootList = (i: number): number => {
    let t = doc.tasks[i]!;
    while (t.parent !== null && doc.tasks[t.parent]) t = doc.tasks[t.parent]!;
    return t.list;
  };
  const lists = new Map<number, { line: number; done: number; total: number }>();
  doc.tasks.forEach((t, i) => {
    const key = rootList(i);
    const group = lists.get(key) ?? { line: t.range.line, done: 0, total: 0 };
    group.total++;
    if (t.checked) group.done++;
    lists.set(key, group);
  });
  for (const g of lists.values()) out.push({ line: g.line, title: vscode.l10n.t('☑ {0}/{1} done ({2}%)', g.done, g.total, percent(g.done, g.total)) });
  // Score groups: scores of one section that state a change.
  const groups = new Map<number | null, typeof doc.scores>();
  doc.scores.forEach((s, i) => {
    if (!s.delta) return;
    // Scores written as headings of their own (`### Ada: 40% → 65%`) group under the parent heading.
    const own = s.section === null ? undefined : doc.sections[s.section];
    const key = own && scoreOfHeading(doc, own) === i ? own.parent : s.section;
    const list = groups.get(key) ?? [];
    list.push(s);
    groups.set(key, list);
  });
  for (const scores of groups.values()) {
    const wrong = entry.findings.filter((f) => f.rule === DELTA_RULE && scores.some((s) => f.line >= s.range.line && f.line <= s.range.endLine));
    let title: string;
    if (wrong.length === 0) title = vscode.l10n.t('Δ verified ({0})', scores.length);
    else {
      const expected = wrong.map((f) => f.fix?.edits[0]?.text.trim()).filter(Boolean);
      title = expected.length ? vscode.l10n.t('Δ expected {0}', expected.join(', ')) : vscode.l10n.t('Δ {0} wrong', wrong.length);
    }
    out.push({ line: scores[0]!.range.line, title });
  }
  return out.sort((a, b) => a.line - b.line);
}

export class StatusDocsCodeLens implements vscode.CodeLensProvider, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<void>();
  readonly onDidChangeCodeLenses = this.changed.event;
  private readonly subscription: vscode.Disposable;

  constructor(private readonly service: AnalysisService) {
    this.subscription = service.onDidChange(() => this.changed.fire());
  }

  provideCodeLenses(document: vscode.TextDocument): vscode.CodeLens[] {
    if (!this.service.settingsFor(document.uri).host['codeLens.enabled']) return [];
    const entry = this.service.current(document);
    if (!entry) return [];
    return lensesOf(entry).map((l) => new vscode.CodeLens(new vscode.Range(l.line - 1, 0, l.line - 1, 0), { title: l.title, command: '' }));
  }

  refresh(): void {
    this.changed.fire();
  }

  dispose(): void {
    this.subscription.dispose();
    this.changed.dispose();
  }
}
