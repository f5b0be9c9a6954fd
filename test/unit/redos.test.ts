/**
 * No regular expression of the core may backtrack super-linearly: each one, found statically
 * in src/core/**\/*.ts and dynamically while checking every markdown document we have, goes
 * through the recheck ReDoS checker. Parameters are fixed (seed, step limits instead of
 * wall-clock limits for the fuzzer) so the verdicts do not depend on the machine's load.
 */
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { checkSync, type Diagnostics } from 'recheck';
import { check } from '../../src/core/index';
import { FIXTURES, markdownUnder, readUtf8, SHARED_DOC_DIRS, TODAY } from './helpers';
import { recordRegexes, staticRegexes, type RegexSite } from './regex-inventory';

/** Per pattern: past this the verdict is `timeout` (reported, not a failure). */
const TIMEOUT_MS = 20_000;

const PARAMS = {
  checker: 'auto',
  randomSeed: 20260101,
  timeout: TIMEOUT_MS,
  // Step limits, not time limits, decide the fuzzer's verdicts: deterministic under load.
  incubationTimeout: null,
  attackTimeout: null,
  seedingTimeout: null,
  recallTimeout: -1,
} as const;


/** recheck has no `d` (indices) flag; it changes no matching. */
const checkerFlags = (flags: string) => flags.replace(/d/g, '');

describe('ReDoS: every regular expression of the core (recheck)', function () {
  this.timeout(600_000);
  const present = SHARED_DOC_DIRS.filter((d) => existsSync(d.path));
  const absent = SHARED_DOC_DIRS.filter((d) => !existsSync(d.path));
  const sources = ['test/fixtures', ...present.map((d) => d.name)];
  const patterns = new Map<string, { source: string; flags: string; where: Set<string> }>();
  const add = (s: RegexSite, how: string) => {
    const key = `${checkerFlags(s.flags)}\u0000${s.source}`;
    const entry = patterns.get(key) ?? { source: s.source, flags: checkerFlags(s.flags), where: new Set<string>() };
    entry.where.add(`${s.where} (${how})`);
    patterns.set(key, entry);
  };

  for (const d of absent) it(`skipped: ${d.name} is not present, its documents are not run for dynamic collection`);

  it('collects the regexes statically from src/core/**/*.ts (TypeScript compiler API)', () => {
    const { sites, unresolved } = staticRegexes();
    assert.ok(sites.length > 50, `only ${sites.length} regex literals found`);
    for (const s of sites) add(s, 'static');
    if (unresolved.length) {
      console.log(`      new RegExp(...) with a non-constant argument (covered by the dynamic pass):\n${unresolved.map((u) => `        ${u.where}  ${u.expression}`).join('\n')}`);
    }
  });

  it(`collects the regexes dynamically while checking every document of ${sources.join(', ')}`, () => {
    const files = [FIXTURES, ...present.map((d) => d.path)].flatMap(markdownUnder);
    assert.ok(files.length > 0);
    const texts = files.map((f) => readUtf8(f));
    const seen = recordRegexes(() => {
      for (const t of texts) check(t, { today: TODAY });
    });
    assert.ok(seen.length > 20, `only ${seen.length} regexes seen at run time`);
    for (const s of seen) add(s, 'run time');
  });

  it('no regex is reported vulnerable by recheck', () => {
    assert.ok(patterns.size > 0, 'no regexes collected');
    const vulnerable: { p: { source: string; flags: string; where: Set<string> }; d: Diagnostics }[] = [];
    const undecided: string[] = [];
    for (const p of patterns.values()) {
      let d: Diagnostics;
      try {
        d = checkSync(p.source, p.flags, PARAMS);
      } catch (error) {
        undecided.push(`/${p.source}/${p.flags}: checker error ${String(error)}`);
        continue;
      }
      if (d.status === 'vulnerable') vulnerable.push({ p, d });
      else if (d.status !== 'safe') undecided.push(`/${short(p.source)}/${p.flags}: ${d.status}${'error' in d ? ` (${JSON.stringify(d.error)})` : ''} — ${[...p.where].join(', ')}`);
    }
    console.log(`      ${patterns.size} distinct patterns checked: ${patterns.size - vulnerable.length - undecided.length} safe, ${vulnerable.length} vulnerable, ${undecided.length} undecided`);
    if (undecided.length) console.log(`      undecided (not failures):\n${undecided.map((u) => `        ${u}`).join('\n')}`);
    const report = vulnerable
      .sort((a, b) => [...a.p.where][0]!.localeCompare([...b.p.where][0]!))
      .map(({ p, d }, i) => {
        const attack = d.status === 'vulnerable' ? d.attack.pattern : '';
        const complexity = d.status === 'vulnerable' ? d.complexity.summary : '';
        return `  ${i + 1}. /${short(p.source)}/${p.flags}\n     ${complexity}; attack: ${attack}\n     in: ${[...p.where].join(', ')}`;
      });
    assert.equal(vulnerable.length, 0, `${vulnerable.length} vulnerable regular expression(s):\n${report.join('\n')}\n`);
  });
});

function short(source: string): string {
  return source.length > 300 ? `${source.slice(0, 300)}… (${source.length} chars)` : source;
}
