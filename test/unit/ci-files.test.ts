// action.yml and .pre-commit-hooks.yaml: valid YAML (read by the small block-YAML reader below,
// which rejects what it does not understand) with the keys GitHub and pre-commit need; and the
// action's check step, run here in bash against the built CLI as a runner would run it.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ROOT, TODAY } from './helpers';

type Yaml = string | Yaml[] | { [key: string]: Yaml };

/**
 * Block YAML as these two files use it: mappings, sequences (`- `, also of mappings), plain,
 * single- and double-quoted scalars, `|`/`>` block scalars, comments. Anything else (flow
 * collections, anchors, tabs, bad indentation, duplicate keys) throws.
 */
export function parseBlockYaml(source: string): Yaml {
  const lines = source.split('\n').map((text, i) => ({ text: text.replace(/\r$/, ''), n: i + 1 }));
  for (const l of lines) assert.ok(!/^\s*\t/.test(l.text), `line ${l.n}: tab in indentation`);
  let i = 0;
  const indentOf = (t: string) => t.length - t.trimStart().length;
  const blank = (t: string) => /^\s*(#.*)?$/.test(t);
  const skip = () => { while (i < lines.length && blank(lines[i]!.text)) i++; };
  const scalar = (raw: string, n: number): string => {
    const v = raw.replace(/\s+#.*$/, '').trim();
    if (v.startsWith('"')) {
      const m = /^"((?:[^"\\]|\\.)*)"$/.exec(raw.trim());
      assert.ok(m, `line ${n}: unterminated double-quoted scalar`);
      return JSON.parse(`"${m[1]}"`) as string;
    }
    if (v.startsWith("'")) {
      const m = /^'((?:[^']|'')*)'$/.exec(raw.trim());
      assert.ok(m, `line ${n}: unterminated single-quoted scalar`);
      return m[1]!.replace(/''/g, "'");
    }
    assert.ok(!/^[[{&*!%@`]/.test(v), `line ${n}: unsupported YAML (${v})`);
    assert.ok(!/: |:$/.test(v), `line ${n}: a plain scalar holds ": " (${v})`);
    return v;
  };
  const blockScalar = (indent: number, folded: boolean): string => {
    const out: string[] = [];
    let inner = -1;
    while (i < lines.length) {
      const t = lines[i]!.text;
      if (t.trim() === '') { out.push(''); i++; continue; }
      if (indentOf(t) <= indent) break;
      if (inner < 0) inner = indentOf(t);
      assert.ok(indentOf(t) >= inner, `line ${lines[i]!.n}: block scalar dedents`);
      out.push(t.slice(inner));
      i++;
    }
    while (out.length && out[out.length - 1] === '') out.pop();
    return out.join(folded ? ' ' : '\n') + '\n';
  };
  const value = (rest: string, indent: number, n: number): Yaml => {
    const r = rest.replace(/^\s+/, '');
    if (/^[|>][-+]?\s*(#.*)?$/.test(r)) return blockScalar(indent, r[0] === '>');
    if (r === '' || r.startsWith('#')) {
      skip();
      assert.ok(i < lines.length && indentOf(lines[i]!.text) > indent || lines[i]?.text.trimStart().startsWith('- '), `line ${n}: empty value`);
      return node(indentOf(lines[i]!.text));
    }
    return scalar(r, n);
  };
  const node = (indent: number): Yaml => {
    skip();
    const first = lines[i]!;
    if (first.text.slice(indent).startsWith('- ')) {
      const seq: Yaml[] = [];
      while (i < lines.length) {
        skip();
        if (i >= lines.length) break;
        const l = lines[i]!;
        if (indentOf(l.text) < indent) break;
        assert.equal(indentOf(l.text), indent, `line ${l.n}: bad indentation`);
        assert.ok(l.text.slice(indent).startsWith('- '), `line ${l.n}: expected "- "`);
        // `- key: value`: the item is a mapping indented two past the dash.
        const after = l.text.slice(indent + 2);
        if (/^[\w.-]+:(\s|$)/.test(after)) {
          lines[i] = { text: ' '.repeat(indent + 2) + after, n: l.n };
          seq.push(node(indent + 2));
        } else {
          i++;
          seq.push(value(after, indent, l.n));
        }
      }
      return seq;
    }
    const map: Record<string, Yaml> = {};
    while (i < lines.length) {
      skip();
      if (i >= lines.length) break;
      const l = lines[i]!;
      if (indentOf(l.text) < indent) break;
      assert.equal(indentOf(l.text), indent, `line ${l.n}: bad indentation`);
      const m = /^([\w.-]+):(?:\s(.*)|)$/.exec(l.text.slice(indent));
      assert.ok(m, `line ${l.n}: expected "key: value", got ${l.text.trim()}`);
      assert.ok(!(m[1]! in map), `line ${l.n}: duplicate key ${m[1]}`);
      i++;
      map[m[1]!] = value(m[2] ?? '', indent, l.n);
    }
    return map;
  };
  const root = node(0);
  skip();
  assert.equal(i, lines.length, `line ${lines[i]?.n}: unexpected content`);
  return root;
}

const obj = (y: Yaml | undefined, what: string): Record<string, Yaml> => {
  assert.ok(y && typeof y === 'object' && !Array.isArray(y), `${what} is a mapping`);
  return y as Record<string, Yaml>;
};

describe('CI integration files', () => {
  it('the block-YAML reader reads what it should and rejects what it cannot', () => {
    assert.deepEqual(parseBlockYaml('a: 1\nb:\n  - x\n  - k: "q: \\"r\\""\n    v: \'it\'\'s\'\nc: |\n  one\n  two\n'), { a: '1', b: ['x', { k: 'q: "r"', v: "it's" }], c: 'one\ntwo\n' });
    for (const bad of ['a: 1\na: 2\n', 'a:\n\t- x\n', 'a: [1, 2]\n', 'a: 1\n   b: 2\n', 'a: b: c\n', 'a: "open\n']) {
      assert.throws(() => parseBlockYaml(bad), assert.AssertionError, JSON.stringify(bad));
    }
  });

  it('action.yml: a composite action with the documented inputs and steps', () => {
    const action = obj(parseBlockYaml(readFileSync(join(ROOT, 'action.yml'), 'utf8')), 'action.yml');
    assert.equal(typeof action.name, 'string');
    assert.equal(typeof action.description, 'string');
    const inputs = obj(action.inputs, 'inputs');
    assert.deepEqual(Object.keys(inputs).sort(), ['config', 'fail-on', 'paths', 'sarif', 'today']);
    for (const [k, v] of Object.entries(inputs)) assert.equal(typeof obj(v, k).description, 'string', `${k} has a description`);
    assert.equal(obj(inputs['fail-on'], 'fail-on').default, 'error');
    assert.equal(obj(inputs.sarif, 'sarif').default, 'false');
    const runs = obj(action.runs, 'runs');
    assert.equal(runs.using, 'composite');
    const steps = (runs.steps as Yaml[]).map((s, k) => obj(s, `step ${k}`));
    assert.ok(steps.length >= 4);
    for (const s of steps) assert.ok(('uses' in s) !== ('run' in s), 'a step either uses an action or runs a script');
    for (const s of steps.filter((x) => 'run' in x)) assert.equal(s.shell, 'bash', 'composite run steps name their shell');
    assert.match(String(steps[0]!.uses), /^actions\/setup-node@v\d+$/);
    const upload = steps.find((s) => String(s.uses).startsWith('github/codeql-action/upload-sarif@'));
    assert.ok(upload, 'uploads SARIF');
    assert.match(String(upload.if), /inputs\.sarif == 'true'/);
    const script = steps.map((s) => String(s.run ?? '')).join('\n');
    for (const needed of ['--format github', '--format sarif', '--format markdown', 'GITHUB_STEP_SUMMARY', 'dist/cli.js', 'npm ci']) assert.ok(script.includes(needed) || JSON.stringify(steps).includes(needed), needed);
    // Inputs reach scripts through the environment, never pasted into the script text.
    assert.ok(!/\$\{\{\s*inputs\./.test(script), 'no ${{ inputs.* }} inside run scripts');
  });

  it('.pre-commit-hooks.yaml: the status-docs hook', () => {
    const hooks = parseBlockYaml(readFileSync(join(ROOT, '.pre-commit-hooks.yaml'), 'utf8'));
    assert.ok(Array.isArray(hooks) && hooks.length === 1);
    const hook = obj(hooks[0], 'hook');
    assert.equal(hook.id, 'status-docs');
    assert.equal(hook.language, 'node');
    assert.equal(hook.entry, 'status-docs check');
    assert.equal(hook.files, '\\.md$');
    assert.equal(typeof hook.name, 'string');
    // pre-commit runs `npm install` (which runs `prepare`) and installs `npm pack`'s package.
    const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { bin: Record<string, string>; scripts: Record<string, string> };
    assert.equal(pkg.bin['status-docs'], 'dist/cli.js');
    assert.match(pkg.scripts.prepare ?? "", /prepare\.mjs/);
    assert.match(readFileSync(join(ROOT, '.npmignore'), 'utf8'), /^!dist\/cli\.js$/m);
  });

  describe("the action's check step, run in bash", function () {
    let step: Record<string, Yaml>;
    let scratch: string;
    before(function () {
      const build = spawnSync(process.execPath, [join(ROOT, 'build.mjs')], { cwd: ROOT, encoding: 'utf8' });
      assert.equal(build.status, 0, build.stderr);
      const action = obj(parseBlockYaml(readFileSync(join(ROOT, 'action.yml'), 'utf8')), 'action.yml');
      step = ((obj(action.runs, 'runs').steps as Yaml[]).map((s) => obj(s, 'step'))).find((s) => s.id === 'check')!;
      scratch = mkdtempSync(join(tmpdir(), 'status-docs-action-'));
    });

    const runStep = (inputs: Record<string, string>) => {
      const out = join(scratch, `output-${Object.values(inputs).join('-').replace(/\W+/g, '_')}`);
      const summary = `${out}.summary`;
      writeFileSync(out, '');
      writeFileSync(summary, '');
      const env = {
        PATH: process.env.PATH!, RUNNER_TEMP: scratch, GITHUB_OUTPUT: out, GITHUB_STEP_SUMMARY: summary,
        STATUS_DOCS_CLI: join(ROOT, 'dist', 'cli.js'),
        INPUT_PATHS: '.', INPUT_TODAY: '', INPUT_CONFIG: '', INPUT_FAIL_ON: 'error', INPUT_SARIF: 'false', ...inputs,
      };
      // How a runner runs a `shell: bash` step.
      const r = spawnSync('bash', ['--noprofile', '--norc', '-eo', 'pipefail', '-c', String(step.run)], { cwd: ROOT, env, encoding: 'utf8' });
      const outputs = Object.fromEntries(readFileSync(out, 'utf8').trim().split('\n').filter(Boolean).map((l) => l.split(/=(.*)/).slice(0, 2) as [string, string]));
      return { ...r, outputs, summary: readFileSync(summary, 'utf8') };
    };

    it('annotates, summarizes, writes SARIF and reports the exit code as an output', () => {
      const r = runStep({ INPUT_PATHS: 'examples/sprint-14-report.md\nexamples/release-*.md', INPUT_TODAY: TODAY, INPUT_SARIF: 'true' });
      assert.equal(r.status, 0, r.stderr);
      assert.match(r.stdout, /^::error file=examples\/sprint-14-report\.md,line=\d+,col=\d+,endLine=\d+,endColumn=\d+,title=[a-z-]+::/m);
      assert.equal(r.outputs['exit-code'], '1');
      assert.match(r.summary, /^\| examples\/sprint-14-report\.md \| [1-9]\d* \|/m);
      assert.match(r.summary, /^\| examples\/release-checklist\.md \| 0 \|/m);
      const sarif = JSON.parse(readFileSync(r.outputs['sarif-file']!, 'utf8')) as { version: string; runs: { results: unknown[] }[] };
      assert.equal(sarif.version, '2.1.0');
      assert.ok(sarif.runs[0]!.results.length > 0);
    });

    it('fail-on never passes; a bad input is a usage error', () => {
      assert.equal(runStep({ INPUT_PATHS: 'examples', INPUT_TODAY: TODAY, INPUT_FAIL_ON: 'never' }).outputs['exit-code'], '0');
      const bad = runStep({ INPUT_PATHS: 'examples', INPUT_FAIL_ON: 'sometimes' });
      assert.equal(bad.status, 2);
      assert.match(bad.stdout, /::error title=status-docs::fail-on must be error, warning or never/);
    });
  });
});
