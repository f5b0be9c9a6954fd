// The README documents what the code has: the rule and settings tables are rendered from the
// registry and package.json (`npm run docs`), every rule has its own section at the anchor that
// diagnostics and SARIF link to, and every contributed command is named in the Features section.
import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { RULES, ruleDocsAnchor } from '../../src/core/index';
import { README, renderReadme } from '../docs/readme';

const readme = readFileSync(README, 'utf8');
const manifest = JSON.parse(readFileSync(join(__dirname, '../../package.json'), 'utf8'));
const nls: Record<string, string> = JSON.parse(readFileSync(join(__dirname, '../../package.nls.json'), 'utf8'));
/** A manifest string in English: `%key%` read from package.nls.json. */
const english = (s: string) => s.replace(/^%(.+)%$/, (m, key: string) => nls[key] ?? m);

describe('README', () => {
  it('has the rule and settings tables that `npm run docs` renders', () => {
    assert.equal(readme, renderReadme(readme), 'README.md is out of date: run `npm run docs`');
  });

  for (const rule of RULES) {
    it(`documents ${rule.id} in a section of its own`, () => {
      const anchor = `<a id="${ruleDocsAnchor(rule.id)}"></a>`;
      const at = readme.indexOf(anchor);
      assert.ok(at >= 0, `no ${anchor}`);
      const section = readme.slice(at, readme.indexOf('\n<a id=', at + anchor.length) >>> 0);
      assert.match(section, new RegExp(`### \`${rule.id}\``));
      assert.ok(section.replace(/\s+/g, ' ').length > 200, `the ${rule.id} section says too little`);
    });
  }

  it('names every contributed command in the Features section', () => {
    const features = readme.slice(readme.indexOf('<!-- FEATURES:BEGIN -->'), readme.indexOf('<!-- FEATURES:END -->'));
    for (const c of manifest.contributes.commands as { command: string; title: string }[]) {
      const title = english(c.title);
      assert.ok(features.includes(`\`${c.command}\``) && features.includes(title), `${c.command} ("${title}") is not documented with its id and title`);
    }
  });
});
