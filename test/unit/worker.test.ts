// The CLI's parallel scan survives a worker thread that dies holding a file: the main thread,
// which waits synchronously and cannot see the worker's exit, checks what was left itself.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DEFAULT_CONFIG } from '../../src/core/config';
import { checkFile, checkTargets } from '../../src/cli/worker';
import { TODAY } from './helpers';

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
});
