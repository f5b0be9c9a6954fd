/** The Progress view's own commands: the filter and sort quick picks, Errors only, By rule…. */
import * as vscode from 'vscode';
import { CommandId } from '../commands';
import { filterLabel, sortLabel, type Filter, type ProgressTree, type Sort } from '../progressTree';

const checked = (on: boolean, label: string) => (on ? `$(check) ${label}` : label);

/** All items, Open items only, Problems only, Errors only, By rule…. */
export async function pickFilter(tree: ProgressTree): Promise<void> {
  const picks: (vscode.QuickPickItem & { filter: Filter })[] = (['all', 'open', 'problems', 'errors'] as const).map((f) => ({ label: checked(tree.filter === f, filterLabel(f)), filter: f }));
  picks.push({ label: checked(tree.filter === 'rule', vscode.l10n.t('By rule…')), description: tree.rule, filter: 'rule' });
  const pick = await vscode.window.showQuickPick(picks, { title: vscode.l10n.t('Show in the Progress view') });
  if (!pick) return;
  if (pick.filter === 'rule') await pickRule(tree);
  else tree.setFilter(pick.filter);
}

/** The rules with findings in the workspace, with their counts; the pick shows only that rule's findings. */
export async function pickRule(tree: ProgressTree, rule?: string): Promise<void> {
  if (!rule) {
    const rules = tree.rulesPresent();
    if (rules.length === 0) {
      void vscode.window.showInformationMessage(vscode.l10n.t('Status Docs: no rule has found a problem in the workspace.'));
      return;
    }
    const pick = await vscode.window.showQuickPick(
      rules.map((r) => ({ label: checked(tree.filter === 'rule' && tree.rule === r.rule, r.rule), description: r.count === 1 ? vscode.l10n.t('1 problem') : vscode.l10n.t('{0} problems', r.count), rule: r.rule })),
      { title: vscode.l10n.t('Show the problems of one rule') },
    );
    if (!pick) return;
    rule = pick.rule;
  }
  tree.setFilter('rule', rule);
}

export async function pickSort(tree: ProgressTree, sort?: Sort): Promise<void> {
  if (!sort) {
    const pick = await vscode.window.showQuickPick(
      (['errors', 'overdue', 'name'] as const).map((s) => ({ label: checked(tree.sort === s, sortLabel(s)), sort: s })),
      { title: vscode.l10n.t('Sort the status documents') },
    );
    if (!pick) return;
    sort = pick.sort;
  }
  tree.setSort(sort);
}

export function registerTreeCommands(tree: ProgressTree): vscode.Disposable {
  return vscode.Disposable.from(
    vscode.commands.registerCommand(CommandId.Sort, (sort?: Sort) => pickSort(tree, sort)),
    vscode.commands.registerCommand(CommandId.FilterErrors, () => tree.setFilter('errors')),
    vscode.commands.registerCommand(CommandId.FilterRule, (rule?: string) => pickRule(tree, rule)),
  );
}
