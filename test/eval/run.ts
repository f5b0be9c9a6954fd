/**
 * `npm run eval`: scores the built CLI against the labeled sets.
 *
 *   npm run eval [-- --set NAME] [--json] [--verbose]
 *
 * Per set: each MISS and FALSE POSITIVE, a per-rule table, and the line
 * `set: recall h/n = r, false positives f, precision p`.
 */
import { existsSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { findingsFromCli, loadSet, setPresent, SETS, CLI } from './sets';
import { problemLines, ruleTable, scoreSet, summaryLine, type SetScore } from './score';

const { values } = parseArgs({
  options: {
    set: { type: 'string', multiple: true },
    json: { type: 'boolean', default: false },
    verbose: { type: 'boolean', short: 'v', default: false },
    help: { type: 'boolean', short: 'h', default: false },
  },
});

if (values.help) {
  console.log(`usage: npm run eval [-- --set NAME] [--json] [--verbose]\nsets: ${SETS.map((s) => s.name).join(', ')}`);
  process.exit(0);
}

const wanted = values.set ?? SETS.map((s) => s.name);
const unknown = wanted.filter((n) => !SETS.some((s) => s.name === n));
if (unknown.length) {
  console.error(`unknown set ${unknown.join(', ')}; known: ${SETS.map((s) => s.name).join(', ')}`);
  process.exit(2);
}
if (!existsSync(CLI)) {
  console.error('dist/cli.js is missing: run `npm run build` first.');
  process.exit(1);
}

const results: Record<string, (Omit<SetScore, 'docs'> & { documents: number }) | { skipped: string }> = {};
for (const set of SETS.filter((s) => wanted.includes(s.name))) {
  if (!setPresent(set)) {
    const reason = `${set.label} not found`;
    results[set.name] = { skipped: reason };
    if (!values.json) console.log(`skipped: ${reason}\n`);
    continue;
  }
  const { expect, files } = loadSet(set);
  const score = scoreSet(expect, findingsFromCli(files, expect.today));
  const { docs, ...rest } = score;
  results[set.name] = { documents: docs.length, ...rest };
  if (values.json) continue;
  console.log(`== ${set.name} (${set.label}, ${docs.length} documents, today ${expect.today})`);
  for (const l of problemLines(score, values.verbose)) console.log(l);
  if (values.verbose) for (const h of score.hits) console.log(`HIT ${h.doc}: ${h.rule} on line ${h.line}`);
  console.log('');
  for (const l of ruleTable(score)) console.log(l);
  console.log('');
  console.log(summaryLine(set.name, score));
  console.log('');
}
if (values.json) console.log(JSON.stringify(results, null, 2));
