/** Findings → the Problems panel. Computing is the analysis service's job; this only maps. */
import * as vscode from 'vscode';
import type { Finding } from '../core/index';
import { engine } from './lazy';
import type { AnalysisService } from './documents';
import { toRange } from './ranges';

export const DIAGNOSTIC_SOURCE = 'Status Docs';

const SEVERITY: Record<Finding['severity'], vscode.DiagnosticSeverity> = {
  error: vscode.DiagnosticSeverity.Error,
  warning: vscode.DiagnosticSeverity.Warning,
  info: vscode.DiagnosticSeverity.Information,
};

export function toDiagnostic(uri: vscode.Uri, finding: Finding, readme: vscode.Uri): vscode.Diagnostic {
  const d = new vscode.Diagnostic(toRange(finding), finding.message, SEVERITY[finding.severity]);
  d.source = DIAGNOSTIC_SOURCE;
  d.code = { value: finding.rule, target: readme.with({ fragment: engine().ruleDocsAnchor(finding.rule) }) };
  if (finding.related?.length) {
    d.relatedInformation = finding.related.map((r) => new vscode.DiagnosticRelatedInformation(new vscode.Location(uri, toRange(r)), r.message));
  }
  return d;
}

export function registerDiagnostics(service: AnalysisService, readme: vscode.Uri): vscode.Disposable {
  const collection = vscode.languages.createDiagnosticCollection('statusDocs');
  const update = (uris: readonly vscode.Uri[]) => {
    for (const uri of uris) {
      const entry = service.get(uri);
      if (!entry || entry.findings.length === 0) collection.delete(uri);
      else collection.set(uri, entry.findings.map((f) => toDiagnostic(uri, f, readme)));
    }
  };
  return vscode.Disposable.from(collection, service.onDidChange(update));
}
