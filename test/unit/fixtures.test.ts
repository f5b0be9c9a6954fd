/**
 * Fixtures are the specification: `test/fixtures/<rule-id>/*.md`, each with a sibling
 * `*.expected` listing the findings of that rule as `line:column` (one per line, `#` comments
 * allowed; an empty file means "must yield nothing"). Every rule must have fixtures of both kinds.
 */
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { applyFixes, check, RULES } from '../../src/core/index';
import { FIXTURES, readUtf8, TODAY } from './helpers';

function expectedOf(mdPath: string): string[] {
  const file = mdPath.replace(/\.md$/, '.expected');
  assert.ok(existsSync(file), `missing ${file}`);
  return readFileSync(file, 'utf8')
    .split('\n')
    .map((l) => l.replace(/#.*/, '').trim())
    .filter(Boolean)
    .sort(byPosition);
}

function byPosition(a: string, b: string): number {
  const [al, ac] = a.split(':').map(Number) as [number, number];
  const [bl, bc] = b.split(':').map(Number) as [number, number];
  return al - bl || ac - bc;
}

describe('rule fixtures', () => {
  for (const rule of RULES) {
    describe(rule.id, () => {
      const dir = join(FIXTURES, rule.id);
      const files = existsSync(dir) ? readdirSync(dir).filter((f) => f.endsWith('.md')).sort() : [];

      it('has fixtures that must be flagged and fixtures that must not', () => {
        const counts = files.map((f) => expectedOf(join(dir, f)).length);
        assert.ok(counts.some((n) => n > 0), `test/fixtures/${rule.id}/ needs a document with expected findings`);
        assert.ok(counts.some((n) => n === 0), `test/fixtures/${rule.id}/ needs a document that must yield nothing`);
      });

      for (const file of files) {
        const path = join(dir, file);
        it(file, () => {
          const text = readUtf8(path);
          const { findings } = check(text, { today: TODAY });
          const actual = findings.filter((f) => f.rule === rule.id).map((f) => `${f.line}:${f.column}`).sort(byPosition);
          assert.deepEqual(actual, expectedOf(path), findings.filter((f) => f.rule === rule.id).map((f) => `${f.line}:${f.column} ${f.message}`).join('\n'));
          for (const f of findings) assert.notEqual(f.rule, 'internal-error', f.message);
        });
      }

      if (rule.fixable) {
        it('fixes remove the findings and add none', () => {
          for (const file of files) {
            const text = readUtf8(join(dir, file));
            const before = check(text, { today: TODAY }).findings;
            const fixed = applyFixes(text, before.filter((f) => f.rule === rule.id)).text;
            const after = check(fixed, { today: TODAY }).findings;
            const stillFixable = after.filter((f) => f.rule === rule.id && f.fix);
            assert.deepEqual(stillFixable.map((f) => `${f.line}:${f.column} ${f.message}`), [], `${file}: fixable findings remain after fixing`);
            const newRules = after.filter((f) => !before.some((b) => b.rule === f.rule));
            assert.deepEqual(newRules.map((f) => `${f.rule} ${f.line}:${f.column}`), [], `${file}: fixing created findings of other rules`);
          }
        });
      }
    });
  }
});
