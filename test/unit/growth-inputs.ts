/**
 * Adversarial inputs for the growth test: each builds a document of about `bytes` characters
 * whose one dimension (a whitespace run, a repetition count, a nesting depth) grows with it.
 */

const pad = (bytes: number, fixed: number) => Math.max(1, bytes - fixed);
const repeat = (unit: string, bytes: number, fixed = 0) => unit.repeat(Math.max(1, Math.ceil((bytes - fixed) / unit.length)));

/** Makes the document a status document, so every rule runs on it. */
const HEAD = '# Status Report\n\n**Status**: In Progress\n\n- [ ] one open task\n\n';

export interface GrowthInput {
  name: string;
  build: (bytes: number) => string;
}

export const GROWTH_INPUTS: GrowthInput[] = [
  { name: '`Due Feb 2` + spaces + `x`', build: (n) => `${HEAD}Due Feb 2${' '.repeat(pad(n, 80))}x\n` },
  { name: '`Due 2026-02-02` + spaces + `x`', build: (n) => `${HEAD}Due 2026-02-02${' '.repeat(pad(n, 80))}x\n` },
  { name: '`Phase` + spaces + `x 40% → 60% (+20 points)`', build: (n) => `${HEAD}Phase${' '.repeat(pad(n, 100))}x 40% → 60% (+20 points)\n` },
  { name: 'front matter with a long value', build: (n) => `---\ntitle: a${' '.repeat(pad(n, 120))}b\nstatus: draft\n---\n${HEAD}` },
  { name: '`- 12 lines` + spaces', build: (n) => `${HEAD}Files (2 files, ~24 lines):\n\n- a.ts: 12 lines${' '.repeat(pad(n, 120))}x\n- b.ts: 12 lines\n` },
  { name: 'heading with a long run of spaces', build: (n) => `${HEAD}## Phase 1${' '.repeat(pad(n, 80))}x\n\nText.\n` },
  { name: 'score line `Name: 40% → 60%` + spaces', build: (n) => `${HEAD}- Name: 40% → 60%${' '.repeat(pad(n, 100))}x\n` },
  { name: 'table cell with spaces', build: (n) => `${HEAD}| Item | Status | Progress |\n|---|---|---|\n| A${' '.repeat(pad(n, 140))}x | Done | 50% |\n` },
  { name: 'many dates on one line', build: (n) => `${HEAD}Dates: ${repeat('2026-01-05, ', n, 80)}\n` },
  { name: '`1 of 1 of 1 of …`', build: (n) => `${HEAD}${repeat('1 of ', n, 70)}1\n` },
  {
    name: 'very wide table row',
    build: (n) => {
      const cols = Math.max(2, Math.floor((n - 70) / 14));
      return `${HEAD}|${' h |'.repeat(cols)}\n|${'---|'.repeat(cols)}\n|${' 10% |'.repeat(cols)}\n`;
    },
  },
  { name: 'many dated task items', build: (n) => `${HEAD}${repeat('- [ ] Task due 2026-01-05\n', n, 70)}` },
  {
    name: 'long weighted table',
    build: (n) => `${HEAD}| Phase | Weight | Completion | Contribution |\n|---|---|---|---|\n${repeat('| P | 10% | 50% | 5.0% |\n', n, 160)}| **Total** | 100% | | 50% |\n`,
  },
  { name: 'many task items with a score change and a date', build: (n) => `${HEAD}${repeat('- [ ] Task: 40% → 65% (+25 points), due 2026-01-05\n', n, 70)}` },
  { name: 'one paragraph of score lines', build: (n) => `${HEAD}${repeat('Score: 40% → 65% (+25 points)\n', n, 70)}` },
  { name: 'many headings each with a checklist', build: (n) => `${HEAD}${repeat('## Section ✅ Complete\n\n- [x] done\n- [ ] open\n\n', n, 70)}` },
  { name: 'lists and paragraphs alternating in one section', build: (n) => `${HEAD}${repeat('- [x] item done\n\n**Day 3** 50% done.\n\n', n, 70)}` },
  { name: 'one paragraph of lines with strong text and code', build: (n) => `${HEAD}${repeat('**Step** `a` done 50%\n', n, 70)}` },
  {
    // A paragraph, built from its lines (micromark's own code-span search is quadratic here).
    name: 'backtick runs of growing length, none closed',
    build: (n) => {
      let s = `${HEAD}Runs: `;
      for (let k = 1; s.length < n; k++) s += `a${'`'.repeat(k)}`;
      return `${s}\n`;
    },
  },
  { name: 'deep block quotes `> > > …`', build: (n) => `${HEAD}${repeat('> ', n, 80)}Status: 40% → 60%\n` },
  { name: 'one very long line without spaces', build: (n) => `${HEAD}${repeat('ab1%', n, 70)}\n` },
];
