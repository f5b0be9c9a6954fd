/**
 * Where a suppression comment for one finding goes (the editor's "Ignore this finding here"):
 * the smallest insertion that silences the finding's line and keeps the document's structure.
 *
 * - Above the line, on its own line with the line's indentation (and blockquote markers):
 *   `<!-- status-docs-disable-next-line rule -->`. For headings, the first line of a paragraph,
 *   a line of a blockquote.
 * - At the end of the line, ` <!-- status-docs-disable-line rule -->`, where a comment line
 *   would change the blocks around it: in a table row (it would end the table; the comment goes
 *   inside the last cell, before the closing pipe), in a list item (between items it would end
 *   the list and start another, which changes what the list counts), and on a paragraph's
 *   continuation line (it would split the paragraph).
 * - Around a fenced code block, where a comment is text: `disable` above the opening fence and
 *   `enable` below the closing one.
 *
 * None for front matter, an indented code block or a table's delimiter row (no comment can sit
 * there), nor for the findings that are about comments or the tool itself.
 */
import type { Edit, Finding } from './findings';
import { disableLineComment, disableNextLineComment } from './grammar/suppressions';
import type { StatusDoc } from './model/schema';
import { INTERNAL_RULE_ID, UNUSED_DISABLE_RULE_ID } from './ids';

/** A table's delimiter row (`|---|:--:|`): only pipes, dashes, colons and spaces. */
const DELIMITER_ROW = /^[ \t|:-]+$/;
/** Leading spaces and blockquote markers: what a line above must repeat to stay in the same container. */
const PREFIX = /^(?:[ \t]{0,8}>){0,20}[ \t]{0,40}/;
const FENCE = /^((?:[ \t]{0,8}>){0,20}[ \t]{0,3})(`{3,40}|~{3,40})/;

export function suppressionEdits(doc: StatusDoc, text: string, finding: Pick<Finding, 'rule' | 'line'>): Edit[] | null {
  if (finding.rule === UNUSED_DISABLE_RULE_ID || finding.rule === INTERNAL_RULE_ID) return null;
  const lines = text.split('\n').map((l) => l.replace(/\r$/, ''));
  const eol = text.includes('\r\n') ? '\r\n' : '\n';
  const n = finding.line;
  const line = lines[n - 1];
  if (line === undefined) return null;
  const within = (r: { line: number; endLine: number }) => r.line <= n && n <= r.endLine;

  if (inFrontMatter(lines, n)) return null;
  if (doc.blocks.some((b) => b.kind === 'code' && within(b.range))) return aroundFence(lines, n, finding.rule, eol);

  if (doc.tables.some((t) => within(t.range))) {
    if (DELIMITER_ROW.test(line) && line.includes('-')) return null;
    const end = line.trimEnd().length;
    let at = end;
    if (end > 0 && line[end - 1] === '|' && line[end - 2] !== '\\') {
      at = end - 1;
      while (at > 0 && (line[at - 1] === ' ' || line[at - 1] === '\t')) at--;
    }
    return [insert(n, at + 1, ` ${disableLineComment(finding.rule)}`)];
  }

  const inListItem = doc.lists.some((l) => l.items.some((i) => within(i.range)));
  const continuation = doc.blocks.some((b) => b.kind === 'paragraph' && b.range.line < n && n <= b.range.endLine);
  if (inListItem || continuation) {
    let at = line.trimEnd().length;
    // A backslash hard break must stay the line's last character.
    if (at > 0 && line[at - 1] === '\\') at--;
    return [insert(n, at + 1, ` ${disableLineComment(finding.rule)}`)];
  }

  const prefix = PREFIX.exec(line)![0];
  return [insert(n, 1, `${prefix}${disableNextLineComment(finding.rule)}${eol}`)];
}

const insert = (line: number, column: number, text: string): Edit => ({ line, column, endLine: line, endColumn: column, text });

function inFrontMatter(lines: readonly string[], n: number): boolean {
  if (lines[0] !== '---' && lines[0] !== '\uFEFF---') return false;
  const close = lines.findIndex((l, i) => i > 0 && (l === '---' || l === '...'));
  return close >= 0 && n <= close + 1;
}

/** `disable` above the fence that opens the code block holding line `n`, `enable` below the one that closes it. */
function aroundFence(lines: readonly string[], n: number, rule: string, eol: string): Edit[] | null {
  let open = -1;
  for (let i = n - 2; i >= 0; i--) {
    if (FENCE.test(lines[i]!)) { open = i; break; }
  }
  if (open < 0) return null;
  const [, prefix, fence] = FENCE.exec(lines[open]!)!;
  let close = -1;
  for (let i = n - 1; i < lines.length; i++) {
    const m = FENCE.exec(lines[i]!);
    if (m && m[2]![0] === fence![0] && m[2]!.length >= fence!.length && lines[i]!.slice(m[0].length).trim() === '') { close = i; break; }
  }
  const edits = [insert(open + 1, 1, `${prefix}<!-- status-docs-disable ${rule} -->${eol}`)];
  if (close >= 0) edits.push(insert(close + 1, lines[close]!.length + 1, `${eol}${prefix}<!-- status-docs-enable ${rule} -->`));
  return edits;
}
