/**
 * Bytes to document text, shared by the hosts: UTF-16 LE or BE when a byte order mark says so,
 * else UTF-8 (its BOM, if any, dropped). NUL bytes without a UTF-16 BOM mean binary data.
 */
export type DecodeResult =
  | { ok: true; text: string; encoding: 'utf-8' | 'utf-16le' | 'utf-16be' }
  | { ok: false; reason: string };

export interface DecodeOptions {
  /** Refuse invalid UTF-8 (the CLI) instead of replacing it with U+FFFD (the editor's reading). */
  strict?: boolean;
}

/** How many leading bytes are searched for NUL. */
const BINARY_SNIFF_BYTES = 8192;

export function decodeText(bytes: Uint8Array, options: DecodeOptions = {}): DecodeResult {
  const utf16 = bytes[0] === 0xff && bytes[1] === 0xfe ? 'utf-16le' : bytes[0] === 0xfe && bytes[1] === 0xff ? 'utf-16be' : null;
  if (utf16) {
    const name = utf16.toUpperCase();
    if (options.strict && bytes.length % 2 !== 0) return { ok: false, reason: `not valid ${name} text (odd number of bytes)` };
    try {
      // The decoder drops the byte order mark.
      return { ok: true, text: new TextDecoder(utf16, { fatal: options.strict === true }).decode(bytes), encoding: utf16 };
    } catch {
      return { ok: false, reason: `not valid ${name} text` };
    }
  }
  if (bytes.subarray(0, BINARY_SNIFF_BYTES).includes(0)) return { ok: false, reason: 'binary file (contains NUL bytes)' };
  try {
    // The decoder drops a UTF-8 byte order mark.
    return { ok: true, text: new TextDecoder('utf-8', { fatal: options.strict === true }).decode(bytes), encoding: 'utf-8' };
  } catch {
    return { ok: false, reason: 'not valid UTF-8 text' };
  }
}
