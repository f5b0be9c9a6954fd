// Preloaded into the benchmark's child processes (`node --require`): writes the process's peak
// resident memory in KiB (all threads) to the file named by BENCH_RSS_FILE when it exits.
const { writeFileSync } = require('node:fs');
const file = process.env.BENCH_RSS_FILE;
if (file) process.on('exit', () => writeFileSync(file, String(process.resourceUsage().maxRSS)));
