/**
 * The status vocabulary's matcher against the plain definition of what it matches: one
 * alternation of every entry (`alternatives`), run with flags `giu` from the start of the text
 * and on from the end of each match. `findAll` must give exactly that alternation's matches
 * (those whose token stands for a status), and `find` the first of them, on the fixtures, the
 * labeled documents written for this project, and generated text in every language of the
 * vocabulary (case changes, separators, letters and digits around a word, surrogate pairs,
 * mojibake forms), with the default words and with user words.
 */
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { DEFAULT_STATUS_WORDS, OPEN_STATUS_WORDS_BY_LANGUAGE, StatusVocabulary } from '../../src/core/model/vocabulary';
import { mojibakeOf } from '../../src/core/model/mojibake';
import type { StatusValue } from '../../src/core/model/schema';
import { FIXTURES, markdownUnder, readUtf8, ROOT } from './helpers';

interface Token { index: number; length: number; text: string; value: StatusValue }

/** The definition: the one alternation, every match in turn. */
function reference(v: StatusVocabulary): (text: string) => Token[] {
  const re = new RegExp(v.alternatives.join('|'), 'giu');
  return (text) => {
    const out: Token[] = [];
    re.lastIndex = 0;
    for (let m = re.exec(text); m; m = re.exec(text)) {
      const value = v.valueOf(m[0]);
      if (value) out.push({ index: m.index, length: m[0].length, text: m[0], value });
    }
    return out;
  };
}

const USER_WORDS: Partial<Record<StatusValue, readonly string[]>> = {
  done: ['Good to go', 'ok', 'signed-off', 'à point'],
  blocked: ['stuck', 'Зависло', '-_-'],
  planned: ['later on', '✳️', '[?]', '次期'],
  'in-progress': ['doing it', 'en marcha lenta'],
};

/** Every word of the vocabulary, in every language, with the mojibake forms it is also found in. */
function allWords(): string[] {
  const words = new Set<string>();
  const blocks = [DEFAULT_STATUS_WORDS, ...Object.values(OPEN_STATUS_WORDS_BY_LANGUAGE), USER_WORDS];
  for (const block of blocks) for (const list of Object.values(block)) for (const w of list ?? []) {
    words.add(w);
    words.add(mojibakeOf(w));
  }
  return [...words];
}

/** What stands around and inside the words: separators, letters and digits that touch them, characters whose case folds. */
const JOINERS = [
  ' ', '  ', '-', '_', ' - ', '\t', '\n', '\u00a0', '', 'x', 'é', 'я', '1', '٣', '%', '40% ', '100% ', '(', '|', '**',
  'ſ', '\u212a', 'ǅ', 'İ', '\u1c80', '\u0345', '𝐀', '😀', '\ud800', '\udc00', '完', '✅',
];

function generated(count: number): string[] {
  const words = allWords();
  let seed = 20260101;
  const rnd = (n: number) => {
    seed = (seed * 1103515245 + 12345) & 0x7fffffff;
    return seed % n;
  };
  const pick = <T>(xs: readonly T[]) => xs[rnd(xs.length)]!;
  const variant = (w: string) => {
    switch (rnd(7)) {
      case 0: return w.toUpperCase();
      case 1: return w.charAt(0).toUpperCase() + w.slice(1);
      case 2: return w.replace(/ /g, () => pick([' ', '-', '_', '  ', ' -_ ', '\t', '']));
      case 3: return w.slice(0, Math.max(1, w.length - 1));
      case 4: return w.replace(/s/g, 'ſ').replace(/k/g, '\u212a');
      case 5: return w.slice(1);
      default: return w;
    }
  };
  const out: string[] = [];
  for (let i = 0; i < count; i++) {
    let s = '';
    for (let j = 1 + rnd(4); j > 0; j--) s += pick(JOINERS) + variant(pick(words));
    out.push(s + pick(JOINERS));
  }
  return out;
}

/** A word that needs no boundary, ending in a letter, right before one that needs them: `完成done` holds one token, not two. */
function touching(): string[] {
  const open = ['完成', '進行中', '완료', '진행중', '已完成', 'concluã­do', 'âœ…', '✅'];
  const bounded = ['done', 'in progress', 'Blocked', 'завершено', 'erledigt', 'não iniciado', 'en cours'];
  return open.flatMap((a) => bounded.flatMap((b) => [a + b, b + a, a + b + a, `${a} ${b}`]));
}

function documentLines(): string[] {
  const files = [...markdownUnder(FIXTURES), ...markdownUnder(join(ROOT, 'test', 'eval', 'docs'))];
  // Each distinct line with a letter once (the reference matcher is slow: blank and repeated lines add time, not cases).
  // Every fifth of those: the reference alternation runs one to two orders of magnitude slower
  // than the matcher, and the lines repeat their constructs.
  return [...new Set(files.flatMap((f) => readUtf8(f).split('\n')).filter((l) => /\p{L}|\p{So}/u.test(l)))].filter((_, i) => i % 5 === 0);
}

describe('status vocabulary: the matcher finds what the one alternation finds', () => {
  const texts = [...documentLines(), ...touching(), ...generated(1000)];
  for (const [name, words] of [['default words', {}], ['with user words', USER_WORDS]] as const) {
    it(`${name}: findAll and find on ${texts.length} texts`, function () {
      this.timeout(600_000);
      const v = new StatusVocabulary(words);
      const expected = reference(v);
      let compared = 0;
      for (const text of texts) {
        const want = expected(text);
        assert.deepEqual(v.findAll(text), want, `findAll ${JSON.stringify(text)}`);
        const first = v.find(text);
        const head = want[0];
        assert.deepEqual(first && { index: first.index, length: first.length, text: first.text }, head ? { index: head.index, length: head.length, text: head.text } : null, `find ${JSON.stringify(text)}`);
        compared += want.length;
      }
      // The texts hold status words in quantity: the comparison is not over empty results.
      assert.ok(compared > 1000, `only ${compared} tokens compared`);
    });
  }
});
