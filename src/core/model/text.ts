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
  // The pieces of `text.split(/\r\n|\r|\n/)`, each with its offset.
  const out: { text: string; offset: number }[] = [];
  let start = 0;
  for (let i = 0; i < text.length;) {
    const c = text.charCodeAt(i);
    if (c !== 10 && c !== 13) { i++; continue; }
    out.push({ text: text.slice(start, i), offset: start });
    i += c === 13 && text.charCodeAt(i + 1) === 10 ? 2 : 1;
    start = i;
  }
  out.push({ text: text.slice(start), offset: start });
  return out;
}


/** `text.split(/\r?\n/, 1)[0]`: the text up to its first line break, without a `\r` before it. */
export function firstLineOf(text: string): string {
  const nl = text.indexOf('\n');
  if (nl < 0) return text;
  return text.slice(0, nl > 0 && text.charCodeAt(nl - 1) === 13 ? nl - 1 : nl);
}
