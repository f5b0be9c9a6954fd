/**
 * Mojibake: UTF-8 bytes that were decoded as cp1252 (or latin-1) and saved again, so that
 * `✅` reads `âœ…`. Each damaged character is a run of 2–4 characters whose cp1252 bytes form
 * one valid UTF-8 sequence. Correct text such as `Métrique` never matches: `é` is not followed
 * by continuation characters.
 */
import { allMatches } from './regex';

/** cp1252 bytes 0x80–0x9F; undefined bytes (0x81, 0x8D, 0x8F, 0x90, 0x9D) are absent. */
const CP1252_HIGH = '€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008DŽ\u008F\u0090‘’“”•–—˜™š›œ\u009DžŸ';

const CHAR_TO_BYTE = new Map<string, number>();
const BYTE_TO_CHAR: (string | null)[] = [];
for (let b = 0; b < 256; b++) {
  let ch: string | null;
  if (b >= 0x80 && b <= 0x9f) {
    const c = CP1252_HIGH[b - 0x80]!;
    ch = c.charCodeAt(0) >= 0x80 && c.charCodeAt(0) <= 0x9f ? null : c;
    // A latin-1 reading keeps C1 controls: accept those as the same byte.
    CHAR_TO_BYTE.set(String.fromCharCode(b), b);
  } else {
    ch = String.fromCharCode(b);
  }
  BYTE_TO_CHAR[b] = ch;
  if (ch !== null) CHAR_TO_BYTE.set(ch, b);
}

/** How `s` looks after its UTF-8 bytes are read as cp1252 (bytes cp1252 lacks are dropped). */
export function mojibakeOf(s: string): string {
  let out = '';
  for (const byte of new TextEncoder().encode(s)) out += BYTE_TO_CHAR[byte] ?? '';
  return out;
}

function sequenceLength(lead: number): number {
  if (lead >= 0xc2 && lead <= 0xdf) return 2;
  if (lead >= 0xe0 && lead <= 0xef) return 3;
  if (lead >= 0xf0 && lead <= 0xf4) return 4;
  return 0;
}

/** Leads of the emoji and punctuation that lose a byte in practice (E2 symbols, EF variation selectors, F0 emoji). */
const TRUNCATABLE_LEADS = new Set([0xe2, 0xef, 0xf0]);

const isContinuation = (b: number | undefined): b is number => b !== undefined && b >= 0x80 && b <= 0xbf;

const decoder = new TextDecoder('utf-8', { fatal: true });
function decode(bytes: number[]): string | null {
  try {
    const s = decoder.decode(Uint8Array.from(bytes));
    // Overlong or surrogate forms are rejected by the fatal decoder; C1 controls are not text.
    return /[\u0000-\u009f]/.test(s) ? null : s;
  } catch {
    return null;
  }
}

export interface MojibakeRun {
  start: number;
  end: number;
  original: string;
  /** The repaired text, or null when a byte was lost and the character cannot be known. */
  repaired: string | null;
}

/** Any character that a cp1252 reading of UTF-8 can produce above ASCII. */
const CANDIDATE_RUN = /[\u0080-\u00ff\u0152\u0153\u0160\u0161\u0178\u017d\u017e\u0192\u02c6\u02dc\u2013\u2014\u2018-\u201a\u201c-\u201e\u2020-\u2022\u2026\u2030\u2039\u203a\u20ac\u2122]{2,}/g;

/** Finds damaged characters; adjacent ones are merged into one run. */
export function findMojibake(text: string): MojibakeRun[] {
  const runs: MojibakeRun[] = [];
  // Quick exit: every mojibake sequence starts with one of Â–ô.
  if (!/[\u00c2-\u00f4]/.test(text)) return runs;
  for (const m of allMatches(text, CANDIDATE_RUN)) {
    const chars = m[0];
    const base = m.index;
    const bytes = Array.from(chars, (c) => CHAR_TO_BYTE.get(c) ?? -1);
    let i = 0;
    while (i < bytes.length) {
      const n = sequenceLength(bytes[i]!);
      if (n === 0) { i++; continue; }
      let k = 1;
      while (k < n && isContinuation(bytes[i + k])) k++;
      if (k === n) {
        const decoded = decode(bytes.slice(i, i + n));
        if (decoded !== null) { push(runs, base + i, base + i + n, decoded, text); i += n; continue; }
      } else if (k >= 2 && TRUNCATABLE_LEADS.has(bytes[i]!)) {
        // Truncated: cp1252 has no character for one byte and it was dropped.
        push(runs, base + i, base + i + k, guessTruncated(bytes.slice(i, i + k)), text);
        i += k;
        continue;
      }
      i++;
    }
  }
  return runs;
}

/** `ï¸` (EF B8 …) after an emoji is almost always U+FE0F with its 0x8F byte lost. */
function guessTruncated(bytes: number[]): string | null {
  if (bytes.length === 2 && bytes[0] === 0xef && bytes[1] === 0xb8) return '\ufe0f';
  return null;
}

function push(runs: MojibakeRun[], start: number, end: number, repaired: string | null, text: string): void {
  const last = runs[runs.length - 1];
  if (last && last.end === start && last.repaired !== null && repaired !== null) {
    last.end = end;
    last.original = text.slice(last.start, end);
    last.repaired += repaired;
    return;
  }
  runs.push({ start, end, original: text.slice(start, end), repaired });
}

/** Repairs every repairable run; unrepairable ones are kept as they are. */
export function repairMojibake(text: string): string {
  const runs = findMojibake(text);
  if (runs.length === 0) return text;
  let out = '';
  let at = 0;
  for (const r of runs) {
    out += text.slice(at, r.start) + (r.repaired ?? r.original);
    at = r.end;
  }
  return out + text.slice(at);
}
