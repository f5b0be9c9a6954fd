/**
 * `status-docs fix [paths…] [--dry-run] [--rule ID…]`: applies the core's fix policy to files.
 * A file is written only when its text changed, with its encoding, byte order mark and line
 * endings as they were; `--dry-run` prints a unified diff instead and writes nothing.
 */
import { writeFileSync } from 'node:fs';
import { check, FIX_ALL, fixToFixedPoint, type Config, type FixSelection } from '../core/index';
import { AnalysisStopped } from '../core/budget';
import { unifiedDiff } from '../core/diff';
import { collectTargets, decodeText, readBytes } from './files';
import { loadFactor } from './worker';

export interface FixCommandOptions {
  today: string;
  config: Config;
  /** The settings of one file (its nearest project file under the command line's); default `today` and `config`. */
  settingsFor?: (abs: string) => { today: string; config: Config };
  dryRun: boolean;
  /** Only the fixes of these rules (then also the ones that are not preferred). */
  rules: readonly string[] | null;
  out: { write(s: string): unknown };
  /** A note on stderr. */
  note: (message: string) => void;
  /** Throws the host's usage error (exit code 2). */
  usage: (message: string) => never;
}

/** Exit code: with `--dry-run` 1 when some file would change, else 0. */
export function fixCommand(paths: readonly string[], cwd: string, options: FixCommandOptions): number {
  const { targets, problems, errors } = collectTargets([...paths], cwd);
  if (errors.length) options.usage(errors.map((e) => `${e.path}: ${e.reason}`).join('\nstatus-docs: '));
  for (const p of problems) options.note(`${p.path}: ${p.reason}`);
  const selection: FixSelection = options.rules ? { kind: 'rules', rules: options.rules } : FIX_ALL;
  // The budget stretches with the machine's load, as in `check` (it is there for runaway inputs).
  const scale = loadFactor();
  const now = () => performance.now() / scale;
  let files = 0;
  let fixes = 0;
  let pending = 0;
  for (const t of targets) {
    const read = readBytes(t.abs);
    const decoded = read.ok ? decodeText(read.bytes, { strict: true }) : read;
    if (!decoded.ok) { options.note(`${t.path}: ${decoded.reason}`); continue; }
    let result;
    const { today, config } = options.settingsFor?.(t.abs) ?? options;
    try {
      result = fixToFixedPoint(decoded.text, (text) => check(text, { today, config, now }).findings, selection);
    } catch (e) {
      if (e instanceof AnalysisStopped) { options.note(`${t.path}: ${e.message}`); continue; }
      throw e;
    }
    if (!result.converged) pending++;
    if (!result.changed) continue;
    files++;
    fixes += result.applied;
    if (options.dryRun) {
      options.out.write(unifiedDiff(diffPath(t.path), decoded.text, result.text));
      continue;
    }
    const bytes = encode(result.text, read.ok ? read.bytes : new Uint8Array(), decoded.encoding);
    try {
      writeFileSync(t.abs, bytes);
    } catch (e) {
      options.usage(`${t.path}: cannot write the fixed file (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})`);
    }
    options.out.write(`${t.path}: ${plural(result.applied, 'fix', 'fixes')} applied\n`);
  }
  const left = pending ? `; ${plural(pending, 'file')} still had fixes left after the last pass` : '';
  const summary = options.dryRun
    ? `${plural(files, 'file')} would change (${plural(fixes, 'fix', 'fixes')})${left}`
    : `${plural(files, 'file')} fixed (${plural(fixes, 'fix', 'fixes')})${left}`;
  // The dry run's standard output is the patch alone.
  if (options.dryRun) options.note(summary);
  else options.out.write(summary + '\n');
  return options.dryRun && files > 0 ? 1 : 0;
}

/** The path after `a/` and `b/`: as listed, without a leading slash. */
function diffPath(path: string): string {
  return path.replace(/^\/+/, '');
}

/** The fixed text in the file's own encoding, with its byte order mark if it had one. */
function encode(text: string, original: Uint8Array, encoding: 'utf-8' | 'utf-16le' | 'utf-16be'): Buffer {
  if (encoding === 'utf-16le') return Buffer.from('\uFEFF' + text, 'utf16le');
  if (encoding === 'utf-16be') return Buffer.from('\uFEFF' + text, 'utf16le').swap16();
  const bom = original[0] === 0xef && original[1] === 0xbb && original[2] === 0xbf;
  return Buffer.from((bom ? '\uFEFF' : '') + text, 'utf8');
}

function plural(n: number, word: string, many = `${word}s`): string {
  return `${n} ${n === 1 ? word : many}`;
}
