/** Views of the document text that extractors read. */
import type { Block, StatusDoc } from './schema';

/**
 * The text the rules may read: every block (headings, paragraphs, table cells, lines of plain
 * fenced code) with its markup masked, everything else (list markers, code with a language,
 * HTML blocks, front matter) blanked to spaces. Same length and line breaks as `text`, so a
 * match's index is a document offset.
 */
export function checkedText(doc: Pick<StatusDoc, 'blocks'>, text: string): string {
  const cached = checkedTextCache.get(doc);
  if (cached && cached.text === text) return cached.masked;
  const masked = checkedTextOf(doc.blocks, text);
  checkedTextCache.set(doc, { text, masked });
  return masked;
}

/**
 * `checkedText` of a part of a document (a chunk: its blocks, in its own positions, and its
 * text). Blocks never cross chunks, so the chunks' checked texts joined are the document's.
 */
export function checkedTextOf(blocks: readonly Block[], text: string): string {
  const sorted = blocks.filter((b) => b.kind !== 'html').sort((a, b) => a.range.offset - b.range.offset);
  const parts: string[] = [];
  let at = 0;
  for (const b of sorted) {
    const end = b.range.offset + b.text.length;
    if (end <= at) continue;
    if (b.range.offset > at) parts.push(blanked(text.slice(at, b.range.offset)));
    parts.push(b.range.offset >= at ? b.text : b.text.slice(at - b.range.offset));
    at = end;
  }
  if (at < text.length) parts.push(blanked(text.slice(at)));
  return parts.join('');
}

/** Records the checked text of `doc` when it was put together from its chunks' (see checkedTextOf). */
export function rememberCheckedText(doc: Pick<StatusDoc, 'blocks'>, text: string, masked: string): void {
  checkedTextCache.set(doc, { text, masked });
}

/** The lines of the checked text (`linesWithOffsets(checkedText(doc, text))`), once per document. */
export function checkedLines(doc: Pick<StatusDoc, 'blocks'>, text: string): { text: string; offset: number }[] {
  const masked = checkedText(doc, text);
  const cached = checkedTextCache.get(doc)!;
  return (cached.lines ??= linesWithOffsets(masked));
}

/** `s` with every character but line breaks turned into a space. */
function blanked(s: string): string {
  return s.indexOf('\n') < 0 && s.indexOf('\r') < 0 ? ' '.repeat(s.length) : s.replace(/[^\r\n]+/g, (run) => ' '.repeat(run.length));
}

const checkedTextCache = new WeakMap<object, { text: string; masked: string; lines?: { text: string; offset: number }[] }>();

/** The lines of a text with their start offsets. */
export function linesWithOffsets(text: string): { text: string; offset: number }[] {
  const out: { text: string; offset: number }[] = [];
  let at = 0;
  for (const part of text.split(/(\r\n|\r|\n)/)) {
    if (part === '\n' || part === '\r\n' || part === '\r') { at += part.length; continue; }
    out.push({ text: part, offset: at });
    at += part.length;
  }
  return out;
}

