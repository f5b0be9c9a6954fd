// The CLI's parallel scan survives a worker thread that dies holding a file: the main thread,
// which waits synchronously and cannot see the worker's exit, checks what was left itself.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DEFAULT_CONFIG } from '../../src/core/config';
import { checkFile, checkTargets } from '../../src/cli/worker';
import { TODAY } from './helpers';

/** A worker that takes a file, says so in its slot, and never finishes it. */
const SPINNING_WORKER = [
  "const { workerData: w } = require('node:worker_threads');",
  'const c = new Int32Array(w.counters), s = new Int32Array(w.slots);',
  'const index = Atomics.add(c, 0, 1);',
  'if (index < w.files.length) {',
  '  Atomics.store(s, 2 * w.slot + 1, Date.now() - w.epoch);',
  '  Atomics.store(s, 2 * w.slot, index + 1);',
  '  for (;;) {}',
  '}',
].join('\n');

describe('parallel scan', () => {
  it('finishes, with every file checked, when a worker thread dies holding a file', function () {
    this.timeout(60_000);
    const dir = mkdtempSync(join(tmpdir(), 'status-docs-worker-'));
    try {
      // A worker that takes one file from the shared counter and exits without a word.
      const dying = join(dir, 'dying-worker.cjs');
      writeFileSync(dying, "const { workerData } = require('node:worker_threads');\nAtomics.add(new Int32Array(workerData.counters), 0, 1);\nprocess.exit(0);\n");
      const targets = Array.from({ length: 10 }, (_, i) => {
        const abs = join(dir, `tracker-${i}.md`);
        let text = `# Tracker ${i}\n\n**Status**: In Progress\n\n- Coverage: 40% → 65% (+${i % 2 ? 25 : 20} points)\n\n`;
        for (let k = 0; text.length < 60_000; k++) text += `- [${k % 3 ? ' ' : 'x'}] Task ${k} of tracker ${i}\n`;
        writeFileSync(abs, text);
        return { abs, path: `tracker-${i}.md` };
      });
      const outcomes = checkTargets(targets, { today: TODAY, config: DEFAULT_CONFIG, jobs: 2, workerFile: dying, stallMs: 500 });
      assert.equal(outcomes.length, targets.length);
      targets.forEach((t, i) => assert.deepEqual(outcomes[i], checkFile(t.abs, TODAY, DEFAULT_CONFIG), t.path));
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('terminates a worker that stays on one file past maxAnalysisMs, reports the file as skipped and goes on with a new worker', function () {
    this.timeout(60_000);
    const dir = mkdtempSync(join(tmpdir(), 'status-docs-worker-'));
    try {
      // A worker that takes a file, says so in its slot, and never finishes it.
      const spinning = join(dir, 'spinning-worker.cjs');
      writeFileSync(spinning, SPINNING_WORKER);
      const targets = Array.from({ length: 3 }, (_, i) => {
        const abs = join(dir, `doc-${i}.md`);
        writeFileSync(abs, `# Doc ${i}\n\n- [x] one\n`);
        return { abs, path: `doc-${i}.md` };
      });
      const started = Date.now();
      const outcomes = checkTargets(targets, { today: TODAY, config: { ...DEFAULT_CONFIG, maxAnalysisMs: 200 }, workerFile: spinning, stallMs: 60_000 });
      assert.deepEqual(outcomes, targets.map(() => ({ ok: false, reason: 'analysis stopped after 200 ms' })));
      assert.ok(Date.now() - started < 20_000, `took ${Date.now() - started} ms`);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('on a busy machine the budget stretches by the load, and the message names the configured budget', function () {
    const dir = mkdtempSync(join(tmpdir(), 'status-docs-budget-'));
    try {
      const spinning = join(dir, 'spin.js');
      writeFileSync(spinning, SPINNING_WORKER);
      const abs = join(dir, 'doc.md');
      writeFileSync(abs, '# Doc\n\n- [x] one\n');
      const started = Date.now();
      const outcomes = checkTargets([{ abs, path: 'doc.md' }], { today: TODAY, config: { ...DEFAULT_CONFIG, maxAnalysisMs: 100 }, workerFile: spinning, stallMs: 60_000, budgetScale: 8 });
      const took = Date.now() - started;
      assert.deepEqual(outcomes, [{ ok: false, reason: 'analysis stopped after 100 ms' }]);
      assert.ok(took >= 800, `stopped after ${took} ms, before the stretched budget of 800 ms`);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
