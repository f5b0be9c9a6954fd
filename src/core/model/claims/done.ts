/**
 * The "Mark as done" edit of a time claim, as claim data: the offsets of the characters that
 * state its status on their line and the text that replaces them (grammar/done.ts). A ticked
 * box changes only the character inside `[ ]`.
 */
import { doneText, statusSpan } from '../../grammar/done';
import type { LineIndex } from '../positions';
import type { Range } from '../schema';

export interface DoneData {
  [key: string]: string | number | null;
  doneStart: number | null;
  doneEnd: number | null;
  doneText: string | null;
}

export function doneEdit(lines: LineIndex, status: Range | null): DoneData {
  if (!status || status.line !== status.endLine) return { doneStart: null, doneEnd: null, doneText: null };
  const line0 = status.line - 1;
  const start = lines.starts[line0]!;
  const [from, to] = statusSpan(lines.lineText(line0), status.column - 1, status.endColumn - 1);
  const current = lines.text.slice(start + from, start + to);
  const text = doneText(current);
  if (text === '[x]' && current === '[ ]') return { doneStart: start + from + 1, doneEnd: start + from + 2, doneText: 'x' };
  return { doneStart: start + from, doneEnd: start + to, doneText: text };
}
