// package.json's `contributes` agrees with the code: every setting with the zod schemas (key,
// default, enum, bounds, description), every command with the CommandId enum, every theme color
// the code uses, and the TextMate grammar compiles and scopes what it promises.
import * as assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { ConfigSchema, RULE_IDS, RULE_SEVERITY_VALUES, STATUS_VALUES } from '../../src/core/index';
import { HostSettingsSchema, parseSettings, SETTING_KEYS } from '../../src/vscode/settingsSchema';
import { localizedManifest } from '../l10n/manifest';

const root = join(__dirname, '../..');
// The manifest as VS Code shows it in English: `%key%` strings read from package.nls.json.
const manifest = localizedManifest();
const properties: Record<string, any> = manifest.contributes.configuration.properties;
const shapes: Record<string, z.ZodType> = { ...ConfigSchema.shape, ...HostSettingsSchema.shape };
const vscodeSources = readdirSync(join(root, 'src/vscode')).map((f) => readFileSync(join(root, 'src/vscode', f), 'utf8')).join('\n');

describe('extension manifest', () => {
  describe('contributes.configuration', () => {
    it('lists exactly the keys of the core and host schemas', () => {
      const listed = Object.keys(properties).map((k) => k.replace(/^statusDocs\./, '')).sort();
      assert.deepEqual(listed, [...SETTING_KEYS].sort());
    });

    for (const key of SETTING_KEYS) {
      it(`statusDocs.${key}: default, type, enum, bounds and description match the schema`, () => {
        const entry = properties[`statusDocs.${key}`];
        const schema = shapes[key]!;
        assert.deepEqual(entry.default, schema.parse(undefined), 'default');
        assert.equal(entry.markdownDescription, schema.description, 'description');
        if (key === 'rules') {
          assert.deepEqual(Object.keys(entry.properties).sort(), [...RULE_IDS].sort(), 'one entry per registered rule');
          for (const id of RULE_IDS) assert.deepEqual(entry.properties[id].enum, [...RULE_SEVERITY_VALUES], id);
          return;
        }
        if (key === 'statusWords') {
          assert.deepEqual(entry.propertyNames.enum, [...STATUS_VALUES]);
          return;
        }
        if (key === 'today') {
          for (const v of ['', '2026-11-22']) assert.ok(new RegExp(entry.pattern).test(v) && schema.safeParse(v).success, v);
          assert.ok(!new RegExp(entry.pattern).test('22.11.2026'));
          return;
        }
        const json = z.toJSONSchema(schema, { io: 'input' }) as Record<string, unknown>;
        for (const field of ['type', 'enum', 'minimum', 'maximum']) assert.deepEqual(entry[field], json[field], field);
        if (json.items) assert.deepEqual(entry.items.type, (json.items as { type: string }).type, 'items');
      });
    }

    it('bad values keep their defaults and are reported', () => {
      const { config, host, problems } = parseSettings({ run: 'sometimes', staleAfterDays: -3, maxFileSizeKB: 64, rules: { 'no-such-rule': 'error', mojibake: 'loud' } });
      assert.equal(host.run, 'onType');
      assert.equal(host.maxFileSizeKB, 64);
      assert.equal(config.staleAfterDays, 90);
      assert.deepEqual(config.rules, {});
      assert.equal(problems.length, 4, problems.join('\n'));
      assert.ok(problems.some((p) => p.includes('statusDocs.run')), problems.join('\n'));
    });
  });

  it('activates on markdown and the view, never on startup, and is safe in untrusted and virtual workspaces', () => {
    assert.deepEqual(manifest.activationEvents, ['onLanguage:markdown', 'onView:statusDocs.progress']);
    assert.equal(manifest.capabilities.untrustedWorkspaces.supported, true);
    assert.equal(manifest.capabilities.virtualWorkspaces, true);
    assert.equal(manifest.main, './dist/extension.js');
  });

  it('contributes exactly the commands of the CommandId enum', () => {
    const source = readFileSync(join(root, 'src/vscode/commands.ts'), 'utf8');
    const body = source.slice(source.indexOf('export enum CommandId'), source.indexOf('}', source.indexOf('export enum CommandId')));
    const ids = [...body.matchAll(/= '([^']+)'/g)].map((m) => m[1]).sort();
    assert.deepEqual(manifest.contributes.commands.map((c: { command: string }) => c.command).sort(), ids);
    for (const menu of Object.values(manifest.contributes.menus) as { command: string }[][]) {
      for (const item of menu) assert.ok(ids.includes(item.command), item.command);
    }
  });

  it('contributes every theme color the code uses, and the view icon exists', () => {
    const used = new Set([...vscodeSources.matchAll(/ThemeColor\('(statusDocs\.[^']+)'\)/g)].map((m) => m[1]));
    const contributed = new Set(manifest.contributes.colors.map((c: { id: string }) => c.id));
    assert.deepEqual([...used].filter((c) => !contributed.has(c)), []);
    assert.ok(existsSync(join(root, manifest.contributes.viewsContainers.activitybar[0].icon)));
  });

  describe('TextMate injection grammar', () => {
    const entry = manifest.contributes.grammars[0];
    const grammar = JSON.parse(readFileSync(join(root, entry.path), 'utf8'));
    const patterns = (name: string): RegExp[] => {
      const rule = grammar.repository[name];
      return (rule.patterns ?? [rule]).map((p: { match: string }) => new RegExp(p.match, 'gu'));
    };
    const scoped = (name: string, text: string) => patterns(name).flatMap((re) => [...text.matchAll(re)].map((m) => m[0]));

    it('is injected into markdown under its own scope name', () => {
      assert.equal(grammar.scopeName, entry.scopeName);
      assert.deepEqual(entry.injectTo, ['text.html.markdown']);
      assert.ok(grammar.injectionSelector.startsWith('L:text.html.markdown'));
    });
    it('scopes dates, percentages, arrows and statuses', () => {
      assert.deepEqual(scoped('date', 'Due 2026-02-18, moved from Feb 3, 2026; not 2026-13-01 or v2026-02-18x'), ['2026-02-18', 'Feb 3, 2026']);
      assert.deepEqual(scoped('percentage', 'from 40% → 65.5 % (+25%), not v1.5%x'), ['40%', '65.5 %', '+25%']);
      assert.deepEqual(scoped('arrow', '40% → 65%, a -> b, not <-> or -->'), ['→', '->']);
      assert.deepEqual(scoped('status-done', '✅ Complete, Done'), ['✅', 'Complete', 'Done']);
      assert.deepEqual(scoped('status-in-progress', '🚧 In Progress'), ['🚧', 'In Progress']);
      assert.deepEqual(scoped('status-blocked', '❌ Blocked'), ['❌', 'Blocked']);
      assert.deepEqual(scoped('status-planned', '📋 Planned'), ['📋', 'Planned']);
    });
  });
});
