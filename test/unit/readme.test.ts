// The README documents what the code has: the rule and settings tables are rendered from the
// registry and package.json (`npm run docs`), every rule has its own section at the anchor that
// diagnostics and SARIF link to, and every contributed command is named in the Features section.
import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { RULES, ruleDocsAnchor } from '../../src/core/index';
import { README, renderReadme } from '../docs/readme';
import { localizedManifest } from '../l10n/manifest';

const readme = readFileSync(README, 'utf8');
const manifest = localizedManifest();

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
      assert.ok(features.includes(`\`${c.command}\``) && features.includes(c.title), `${c.command} ("${c.title}") is not documented with its id and title`);
    }
  });
});
