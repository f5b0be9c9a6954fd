/**
 * `npm run l10n:missing`: prints, as JSON, the strings each translation lacks (and the ones it
 * still has but nothing uses). With `--english`, prints the English text of every missing
 * string once, ready to translate: `{ "<language>": { "package.nls": { key: english }, "bundle": { english: english } } }`.
 * Exit code 1 when anything is missing or stale.
 */
import { readNls } from './manifest';
import { gaps } from './strings';

const g = gaps();
const english = readNls();
const bad = g.english.missing.length + g.english.stale.length + g.dynamic.length +
  Object.values(g.languages).reduce((n, l) => n + l.manifestMissing.length + l.manifestStale.length + l.bundleMissing.length + l.bundleStale.length, 0);
if (process.argv.includes('--english')) {
  const todo: Record<string, { 'package.nls': Record<string, string>; bundle: Record<string, string> }> = {};
  for (const [language, l] of Object.entries(g.languages)) {
    if (!l.manifestMissing.length && !l.bundleMissing.length) continue;
    todo[language] = {
      'package.nls': Object.fromEntries(l.manifestMissing.map((k) => [k, english[k] ?? ''])),
      bundle: Object.fromEntries(l.bundleMissing.map((k) => [k, k])),
    };
  }
  process.stdout.write(JSON.stringify(todo, null, 2) + '\n');
} else process.stdout.write(JSON.stringify(g, null, 2) + '\n');
process.exitCode = bad ? 1 : 0;
