// The peer of the workspace scan: markdownlint (library, default rules) over every markdown
// file under a folder, the way its command-line front ends run it: one process, one thread.
// Prints one JSON line: files, issues, wall milliseconds, peak resident memory.
//
//   node test/bench/markdownlint-peer.mjs DIR
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { lint } from 'markdownlint/sync';

const started = performance.now();
const files = [];
const walk = (dir) => {
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, e.name);
    if (e.isDirectory()) { if (e.name !== 'node_modules' && !e.name.startsWith('.')) walk(p); }
    else if (/\.(?:md|markdown)$/i.test(e.name)) files.push(p);
  }
};
walk(process.argv[2] ?? '.');
files.sort();
const results = lint({ files, config: { default: true } });
let issues = 0;
for (const f of files) issues += results[f]?.length ?? 0;
console.log(JSON.stringify({
  tool: 'markdownlint',
  files: files.length,
  issues,
  ms: Math.round(performance.now() - started),
  maxRssMB: Math.round(process.resourceUsage().maxRSS / 1024),
}));
