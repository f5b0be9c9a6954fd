/**
 * Suppression comments, as markdownlint writes them but with our name:
 *
 *   <!-- status-docs-disable-next-line rule-id [rule-id…] -->   the next line
 *   <!-- status-docs-disable-line rule-id -->                   this line (e.g. at a table row's end)
 *   <!-- status-docs-disable rule-id -->  …  <!-- status-docs-enable rule-id -->
 *   <!-- status-docs-disable-file [rule-id…] -->                the whole document
 *
 * Without rule ids a comment applies to every rule.
 */

export type SuppressionKind = 'next-line' | 'line' | 'disable' | 'enable' | 'file';

export interface SuppressionDirective {
  kind: SuppressionKind;
  /** Rule ids; empty means every rule. */
  rules: string[];
  /** Offsets of the whole comment within the searched text. */
  start: number;
  end: number;
}

/** One comment, bounded: a directive name, then at most a few hundred characters of rule ids. */
const DIRECTIVE = /<!--[ \t]{0,8}status-docs-(disable-next-line|disable-line|disable-file|disable|enable)((?:[ \t]{1,8}[a-z][a-z0-9-]{0,60}){0,20})[ \t]{0,8}-->/g;

/** Directives in an HTML comment's source (a block or inline `html` node). */
export function findSuppressions(html: string, base = 0): SuppressionDirective[] {
  if (!html.includes('status-docs-')) return [];
  const out: SuppressionDirective[] = [];
  DIRECTIVE.lastIndex = 0;
  for (let m = DIRECTIVE.exec(html); m; m = DIRECTIVE.exec(html)) {
    const name = m[1]!;
    const kind: SuppressionKind = name === 'disable-next-line' ? 'next-line' : name === 'disable-line' ? 'line' : name === 'disable-file' ? 'file' : name === 'enable' ? 'enable' : 'disable';
    out.push({ kind, rules: m[2]!.trim() ? m[2]!.trim().split(/[ \t]+/) : [], start: base + m.index, end: base + m.index + m[0].length });
  }
  return out;
}

/** The comment that silences `ruleId` on the line below it. */
export function disableNextLineComment(ruleId: string): string {
  return `<!-- status-docs-disable-next-line ${ruleId} -->`;
}

/** The comment that silences `ruleId` on its own line (for table rows, where a comment line would end the table). */
export function disableLineComment(ruleId: string): string {
  return `<!-- status-docs-disable-line ${ruleId} -->`;
}
