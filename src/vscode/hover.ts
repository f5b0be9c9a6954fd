/**
 * Hover on a number a rule checked: the finding and its computation in words (`finding.detail`);
 * on a claim without a finding, whether a rule verified it or why it was not checked.
 */
import * as vscode from 'vscode';
import { claimsAt, verdictText } from './claims';
import type { AnalysisService } from './documents';
import { toRange } from './ranges';

export class StatusDocsHover implements vscode.HoverProvider {
  constructor(private readonly service: AnalysisService) {}

  provideHover(document: vscode.TextDocument, position: vscode.Position): vscode.Hover | undefined {
    const entry = this.service.current(document);
    if (!entry) return undefined;
    const hits = entry.findings.filter((f) => f.detail && toRange(f).contains(position));
    if (hits.length === 0) return this.claimHover(entry, position);
    const md = new vscode.MarkdownString();
    for (const f of hits) {
      md.appendMarkdown(`**Status Docs** · \`${f.rule}\`\n\n`);
      md.appendText(f.detail!);
      md.appendMarkdown('\n\n');
    }
    return new vscode.Hover(md, toRange(hits[0]!));
  }

  private claimHover(entry: Parameters<typeof claimsAt>[0], position: vscode.Position): vscode.Hover | undefined {
    const claims = claimsAt(entry, position.line + 1, position.character + 1);
    if (claims.length === 0) return undefined;
    const md = new vscode.MarkdownString();
    md.appendMarkdown('**Status Docs**\n\n');
    for (const { claim, verdict } of claims) {
      md.appendText(verdictText(claim, verdict));
      md.appendMarkdown('\n\n');
    }
    return new vscode.Hover(md, toRange(claims[0]!.claim.range));
  }
}
