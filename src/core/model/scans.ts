/**
 * The matches of a pattern over a text, for the claim extractors. Which blocks and lines hold a
 * claim is decided by running patterns over every block and line of the document; for an
 * editor's document analysed on every keystroke, all but the edited chunk's texts are the same
 * as in the analysis before, and so are their matches.
 */
import { allMatches } from './regex';

export interface Scans {
  /**
   * `allMatches(text, re)` for a global pattern. The matches may be shared with earlier calls:
   * read them, never change them (a remembered match is frozen).
   */
  all(text: string, re: RegExp): readonly RegExpExecArray[];
  /** `re.exec(text)` for a pattern that is neither global nor sticky; shared like `all`'s. */
  exec(re: RegExp, text: string): RegExpExecArray | null;
}

/** Every call runs the pattern (a one-off analysis: nothing to reuse). */
export const RUN_EVERY_TIME: Scans = { all: allMatches, exec: (re, text) => re.exec(text) };

/**
 * Remembers the matches of each pattern per text: `nextGeneration()` before each analysis drops
 * what the analysis before the previous one asked and this one did not, so it keeps at most two
 * analyses' texts, as `RememberingVocabulary` does. A scan that starts inside the text (`all`
 * with a `lastIndex` that is not 0, `exec` of a global or sticky pattern) runs every time.
 */
export class RememberingScans implements Scans {
  // One store for both kinds of scan: a pattern is global (for `all`) or not (for `exec`), never both.
  private current = new Map<RegExp, Map<string, unknown>>();
  private previous = new Map<RegExp, Map<string, unknown>>();

  nextGeneration(): void {
    this.previous = this.current;
    this.current = new Map();
  }

  all(text: string, re: RegExp): readonly RegExpExecArray[] {
    if (re.lastIndex !== 0) return allMatches(text, re);
    return this.remembered(re, text, () => Object.freeze(allMatches(text, re).map((m) => Object.freeze(m))));
  }

  exec(re: RegExp, text: string): RegExpExecArray | null {
    // A global or sticky pattern starts at its lastIndex (and moves it): not a function of the text.
    if (re.global || re.sticky) return re.exec(text);
    return this.remembered(re, text, () => { const m = re.exec(text); return m && Object.freeze(m); });
  }

  // A result is an array, a match or null, never undefined: one lookup tells a miss.
  private remembered<T>(re: RegExp, text: string, run: () => T): T {
    let now = this.current.get(re);
    if (!now) this.current.set(re, (now = new Map()));
    let found = now.get(text) as T | undefined;
    if (found === undefined) {
      found = this.previous.get(re)?.get(text) as T | undefined;
      if (found === undefined) found = run();
      now.set(text, found);
    }
    return found;
  }
}
