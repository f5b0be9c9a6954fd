// Preloaded into the benchmark's child processes (`node --require`): when the process exits,
// writes to the file named by BENCH_RSS_FILE its peak resident memory in KiB (all threads) and
// its CPU time in microseconds (user and system, all threads), as JSON.
const { writeFileSync } = require('node:fs');
const file = process.env.BENCH_RSS_FILE;
if (file) {
  process.on('exit', () => {
    const u = process.resourceUsage();
    writeFileSync(file, JSON.stringify({ maxRSS: u.maxRSS, userCPUTime: u.userCPUTime, systemCPUTime: u.systemCPUTime }));
  });
}
