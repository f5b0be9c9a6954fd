/** Suppression comments: each form silences what it names, and only that; unused ones can be reported. */
import assert from 'node:assert/strict';
import { check } from '../../src/core/index';

const TODAY = '2026-12-01';
const rules = (text: string, opts: { reportUnusedDisables?: boolean } = {}) =>
  check(text, { today: TODAY, ...opts }).findings.map((f) => `${f.line} ${f.rule}`);

const WRONG_RATIO = 'Tests: 164/173 passing (99%).';
const WRONG_RATIO_2 = 'Lint: 10/20 clean (90%).';

describe('suppression comments', () => {
  it('the unsuppressed document has the findings the cases silence', () => {
    assert.deepEqual(rules(`# Report\n\n${WRONG_RATIO}\n\n${WRONG_RATIO_2}\n`), ['3 ratio-mismatch', '5 ratio-mismatch']);
  });

  it('disable-next-line silences the named rule on the next line only', () => {
    const text = `# Report\n\n<!-- status-docs-disable-next-line ratio-mismatch -->\n${WRONG_RATIO}\n\n${WRONG_RATIO_2}\n`;
    assert.deepEqual(rules(text), ['6 ratio-mismatch']);
  });

  it('disable-next-line for another rule silences nothing', () => {
    const text = `# Report\n\n<!-- status-docs-disable-next-line delta-mismatch -->\n${WRONG_RATIO}\n`;
    assert.deepEqual(rules(text), ['4 ratio-mismatch']);
  });

  it('disable-line at the end of a table row keeps the table and silences the row', () => {
    const text = '# Report\n\n| Suite | Passed | Rate |\n|---|---|---|\n| unit | 7/10 | 90% <!-- status-docs-disable-line ratio-mismatch --> |\n| e2e | 1/2 | 90% |\n';
    assert.deepEqual(rules(text), ['6 ratio-mismatch']);
  });

  it('disable … enable silences a region; without rule ids, every rule', () => {
    const text = `# Report\n\n<!-- status-docs-disable -->\n\n${WRONG_RATIO}\n\n<!-- status-docs-enable -->\n\n${WRONG_RATIO_2}\n`;
    assert.deepEqual(rules(text), ['9 ratio-mismatch']);
  });

  it('disable-file silences the whole document', () => {
    const text = `<!-- status-docs-disable-file ratio-mismatch -->\n# Report\n\n${WRONG_RATIO}\n\n${WRONG_RATIO_2}\n`;
    assert.deepEqual(rules(text), []);
  });

  it('a comment inside fenced code is text, not a directive', () => {
    const text = `# Report\n\n\`\`\`md\n<!-- status-docs-disable-file -->\n\`\`\`\n\n${WRONG_RATIO}\n`;
    assert.deepEqual(rules(text), ['7 ratio-mismatch']);
  });

  it('reports unused suppressions when asked, never otherwise', () => {
    const text = `# Report\n\n<!-- status-docs-disable-next-line ratio-mismatch -->\nNothing to see.\n`;
    assert.deepEqual(rules(text), []);
    assert.deepEqual(rules(text, { reportUnusedDisables: true }), ['3 unused-disable']);
  });

  it('a silenced claim is not counted as wrong', () => {
    const text = `# Report\n\n<!-- status-docs-disable-next-line ratio-mismatch -->\n${WRONG_RATIO}\n`;
    const { verdicts } = check(text, { today: TODAY });
    assert.ok(verdicts.every((v) => v.verdict !== 'wrong'));
  });
});
