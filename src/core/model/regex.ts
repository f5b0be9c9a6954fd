/** Running patterns over text. */

/**
 * The matches of a global pattern, as `[...text.matchAll(re)]` gives them: from `re.lastIndex`
 * on, an empty match stepping over one character (one code point with the `u` or `v` flag),
 * and `re.lastIndex` left as it was. Unlike `matchAll`, which copies the pattern on every call
 * (and a copy is compiled again once the engine has dropped its cache), this runs `exec` on
 * the pattern itself.
 */
export function allMatches(text: string, re: RegExp): RegExpExecArray[] {
  if (!re.global) throw new TypeError('allMatches needs a global pattern');
  const from = re.lastIndex;
  const unicode = re.unicode || re.flags.includes('v');
  const out: RegExpExecArray[] = [];
  try {
    for (let m = re.exec(text); m; m = re.exec(text)) {
      out.push(m);
      if (m[0] === '') re.lastIndex = advance(text, re.lastIndex, unicode);
    }
  } finally {
    re.lastIndex = from;
  }
  return out;
}

function advance(text: string, at: number, unicode: boolean): number {
  if (!unicode || at + 1 >= text.length) return at + 1;
  const c = text.charCodeAt(at);
  const d = text.charCodeAt(at + 1);
  return c >= 0xd800 && c <= 0xdbff && d >= 0xdc00 && d <= 0xdfff ? at + 2 : at + 1;
}
