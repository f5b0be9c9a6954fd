/** Conversions between the core's 1-based, end-exclusive locations and VS Code ranges. */
import * as vscode from 'vscode';
import type { Location } from '../core/index';

export function toRange(l: Location): vscode.Range {
  return new vscode.Range(l.line - 1, l.column - 1, l.endLine - 1, l.endColumn - 1);
}

export function sameRange(a: vscode.Range, b: vscode.Range): boolean {
  return a.start.isEqual(b.start) && a.end.isEqual(b.end);
}
