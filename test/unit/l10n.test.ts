/**
 * The extension's own text is complete in every shipped language: each `%key%` of package.json
 * has its English text in package.nls.json and a translation in every package.nls.<language>.json,
 * and each literal `vscode.l10n.t('…')` string in src/vscode has a translation in every
 * l10n/bundle.l10n.<language>.json, with no leftovers. `npm run l10n:missing` lists the gaps.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { readNls } from '../l10n/manifest';
import { gaps, manifestStringKeys, NLS_LANGUAGES, readBundle, ROOT, runtimeStrings } from '../l10n/strings';

const HINT = 'run `npm run l10n:missing` for the list';
/**
 * What a translation keeps exactly as the English has it: placeholders, link targets, setting
 * links and the setting and rule names in code spans (examples of document text, such as
 * `**Status**: In Progress`, may be written in the language itself).
 */
const kept = (s: string) => [...s.matchAll(/\{\d+\}|\]\([^)]*\)|#[\w.]+#|`(?:files|search)\.exclude`|`stale\w+`|`on(?:Type|Save)`/g)].map((m) => m[0]).sort();
const placeholders = (s: string) => [...s.matchAll(/\{\d+\}/g)].map((m) => m[0]).sort();

describe('localization', () => {
  const g = gaps();

  it('package.json points at the l10n bundles and uses only %key% strings for its manifest texts', () => {
    const manifest = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'));
    assert.equal(manifest.l10n, './l10n');
    assert.match(manifest.displayName, /^%.+%$/);
    for (const c of manifest.contributes.commands) assert.match(c.title, /^%.+%$/, c.command);
    for (const views of Object.values(manifest.contributes.views) as { name: string }[][]) for (const v of views) assert.match(v.name, /^%.+%$/);
    for (const [id, p] of Object.entries(manifest.contributes.configuration.properties) as [string, { markdownDescription?: string }][]) {
      if (p.markdownDescription) assert.match(p.markdownDescription, /^%.+%$/, id);
    }
  });

  it('every %key% of package.json is in package.nls.json, and nothing else is', () => {
    assert.ok(manifestStringKeys().length > 40);
    assert.deepEqual(g.english, { missing: [], stale: [] });
  });

  for (const language of NLS_LANGUAGES) {
    it(`package.nls.${language}.json translates every manifest string, and no other`, () => {
      const l = g.languages[language]!;
      assert.deepEqual(l.manifestMissing, [], `missing in package.nls.${language}.json; ${HINT}`);
      assert.deepEqual(l.manifestStale, [], `stale in package.nls.${language}.json`);
      const english = readNls();
      for (const [key, text] of Object.entries(readNls(language))) assert.deepEqual(kept(text), kept(english[key]!), `${language} ${key}`);
    });

    it(`l10n/bundle.l10n.${language}.json translates every vscode.l10n.t string, and no other`, () => {
      const l = g.languages[language]!;
      assert.ok(readBundle(language), `l10n/bundle.l10n.${language}.json is missing`);
      assert.deepEqual(l.bundleMissing, [], `missing in l10n/bundle.l10n.${language}.json; ${HINT}`);
      assert.deepEqual(l.bundleStale, [], `stale in l10n/bundle.l10n.${language}.json`);
      for (const [english, text] of Object.entries(readBundle(language)!)) assert.deepEqual(placeholders(text), placeholders(english), `${language}: ${english}`);
    });
  }

  it('every vscode.l10n.t call has a literal message, so the scanner sees every string', () => {
    assert.ok(runtimeStrings().keys.size > 20);
    assert.deepEqual(g.dynamic, []);
  });

  it('the scanner reads the quoting forms the code uses', () => {
    const { keys } = runtimeStrings(join(ROOT, 'src', 'vscode'));
    assert.ok(keys.has('Pin "today" for the time-based checks'));
    assert.ok(keys.has('☑ {0}/{1} done ({2}%)'));
  });
});
