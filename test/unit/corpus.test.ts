/**
 * The real documents in ../shared (seeds and corpus, third-party, read in place): the analyzer
 * never throws, the model and findings are schema-valid, fixes converge, and the findings per
 * rule match the reviewed snapshots in test/snapshots/corpus/ (update on purpose with
 * UPDATE_SNAPSHOTS=1 and review the diff).
 */
import assert from 'node:assert/strict';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { applyFixes, check, FindingSchema, RULES, StatusDocSchema, type Finding } from '../../src/core/index';
import { CORPUS, readUtf8, SEEDS, sharedDocuments, skipWithoutShared, SNAPSHOTS, TODAY } from './helpers';

describe('real documents (uses ../shared/seeds and ../shared/corpus)', function () {
  before(function () {
    skipWithoutShared(this, SEEDS, CORPUS);
  });
  const docs = sharedDocuments();
  const results = new Map<string, { text: string; findings: Finding[] }>();

  it(`analyzes all ${docs.length || 'the'} documents into schema-valid models without throwing`, () => {
    assert.ok(docs.length >= 120, `expected the 5 seeds and 118 corpus documents, found ${docs.length}`);
    for (const d of docs) {
      const text = readUtf8(d.path);
      const { doc, findings } = check(text, { today: TODAY });
      const parsed = StatusDocSchema.safeParse(doc);
      assert.ok(parsed.success, `${d.name}: ${parsed.success ? '' : JSON.stringify(parsed.error.issues[0])}`);
      for (const f of findings) {
        assert.ok(FindingSchema.safeParse(f).success, `${d.name}: invalid finding ${JSON.stringify(f)}`);
        assert.notEqual(f.rule, 'internal-error', `${d.name}: ${f.message}`);
      }
      results.set(d.name, { text, findings });
    }
  });

  it('applying every fix removes the fixed findings and creates no new ones', () => {
    for (const [name, { text, findings }] of results) {
      const fixable = findings.filter((f) => f.fix);
      if (!fixable.length) continue;
      let current = text;
      for (let round = 0; round < 5; round++) {
        const now = check(current, { today: TODAY }).findings.filter((f) => f.fix);
        if (!now.length) break;
        current = applyFixes(current, now).text;
      }
      const after = check(current, { today: TODAY }).findings;
      assert.deepEqual(after.filter((f) => f.fix).map((f) => `${f.rule} ${f.line}:${f.column}`), [], `${name}: fixable findings remain`);
      const key = (f: Finding) => f.rule;
      const beforeRules = new Set(findings.map(key));
      const created = after.filter((f) => !beforeRules.has(f.rule));
      assert.deepEqual(created.map((f) => `${f.rule} ${f.line}:${f.column} ${f.message}`), [], `${name}: fixing created new findings`);
    }
  });

  it('reports at most one mojibake finding per document, however much of it is damaged', () => {
    const damaged = [...results].filter(([, { findings }]) => findings.some((f) => f.rule === 'mojibake'));
    assert.ok(damaged.length >= 4, `expected damaged seeds and corpus documents, found ${damaged.length}`);
    for (const [name, { findings }] of damaged) assert.equal(findings.filter((f) => f.rule === 'mojibake').length, 1, name);
  });

  for (const rule of RULES) {
    it(`findings of ${rule.id} match the reviewed snapshot`, () => {
      const lines: string[] = [];
      for (const [name, { findings }] of results) {
        for (const f of findings) if (f.rule === rule.id) lines.push(`${name}:${f.line}:${f.column} ${f.message}`);
      }
      const file = join(SNAPSHOTS, 'corpus', `${rule.id}.txt`);
      const actual = lines.join('\n') + (lines.length ? '\n' : '');
      if (process.env.UPDATE_SNAPSHOTS || !existsSync(file)) {
        mkdirSync(join(SNAPSHOTS, 'corpus'), { recursive: true });
        writeFileSync(file, actual);
        if (!process.env.UPDATE_SNAPSHOTS) assert.fail(`created ${file}; review it and run again`);
        return;
      }
      assert.equal(actual, readFileSync(file, 'utf8'), `corpus findings of ${rule.id} changed; review and run with UPDATE_SNAPSHOTS=1`);
    });
  }
});
