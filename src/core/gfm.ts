/**
 * GitHub Flavored Markdown for the parser, without autolink literals: footnotes,
 * strikethrough, tables and task list items, composed from the same micromark and mdast parts
 * that remark-gfm combines. Bare URLs and e-mail addresses (`www.example.com`) become link
 * nodes under remark-gfm; no rule reads a link's target, the text stays in the tree either way,
 * and the autolink scan costs about a tenth of the parse. `test/unit/gfm.test.ts` checks that
 * every document we have gives the same findings and claims with and without it.
 */
import { gfmFootnoteFromMarkdown } from 'mdast-util-gfm-footnote';
import { gfmStrikethroughFromMarkdown } from 'mdast-util-gfm-strikethrough';
import { gfmTableFromMarkdown } from 'mdast-util-gfm-table';
import { gfmTaskListItemFromMarkdown } from 'mdast-util-gfm-task-list-item';
import { gfmFootnote } from 'micromark-extension-gfm-footnote';
import { gfmStrikethrough } from 'micromark-extension-gfm-strikethrough';
import { gfmTable } from 'micromark-extension-gfm-table';
import { gfmTaskListItem } from 'micromark-extension-gfm-task-list-item';
import type { Processor } from 'unified';

/** Which of the extensions to use (all when not given). */
export interface GfmParts { table?: boolean; strikethrough?: boolean; footnote?: boolean; task?: boolean }

/** A unified plugin: `unified().use(remarkParse).use(gfmWithoutAutolinkLiteral[, parts])`. */
export function gfmWithoutAutolinkLiteral(this: Processor, parts: GfmParts = {}): void {
  const data = this.data() as { micromarkExtensions?: unknown[]; fromMarkdownExtensions?: unknown[] };
  const syntax = (data.micromarkExtensions ??= []);
  const trees = (data.fromMarkdownExtensions ??= []);
  if (parts.footnote ?? true) { syntax.push(gfmFootnote()); trees.push(gfmFootnoteFromMarkdown()); }
  if (parts.strikethrough ?? true) { syntax.push(gfmStrikethrough()); trees.push(gfmStrikethroughFromMarkdown()); }
  if (parts.table ?? true) { syntax.push(gfmTable()); trees.push(gfmTableFromMarkdown()); }
  if (parts.task ?? true) { syntax.push(gfmTaskListItem()); trees.push(gfmTaskListItemFromMarkdown()); }
}
