/** Helpers of the seed tests: finding a seed, its findings of one rule, and editing its lines. */
import assert from 'node:assert/strict';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { check, type Finding } from '../../src/core/index';
import { readUtf8, SEEDS, TODAY } from './helpers';

/** The seed whose file name starts with `prefix` (`002`). */
export function seedPath(prefix: string): string {
  const file = readdirSync(SEEDS).find((f) => f.startsWith(`${prefix}_`) && f.endsWith('.md'));
  assert.ok(file, `seed ${prefix} not found`);
  return join(SEEDS, file);
}

export function findingsOf(text: string, rule: string, today = TODAY): Finding[] {
  return check(text, { today }).findings.filter((f) => f.rule === rule);
}

/** `rule NNN:line:column` of every finding of `rules` on every seed, sorted. */
export function seedFindingKeys(rules: readonly string[]): string[] {
  const out: string[] = [];
  for (const file of readdirSync(SEEDS).filter((f) => f.endsWith('.md')).sort()) {
    const { findings } = check(readUtf8(join(SEEDS, file)), { today: TODAY });
    for (const f of findings) if (rules.includes(f.rule)) out.push(`${f.rule} ${file.slice(0, 3)}:${f.line}:${f.column}`);
  }
  return out.sort();
}

/** 1-based number of the first line matching `re`. */
export function lineOf(text: string, re: RegExp): number {
  const i = text.split('\n').findIndex((l) => re.test(l));
  assert.ok(i >= 0, `no line matches ${re}`);
  return i + 1;
}

/** `text` with `from` replaced by `to` on 1-based `line` (which must contain it). */
export function editLine(text: string, line: number, from: string, to: string): string {
  const lines = text.split('\n');
  const l = lines[line - 1]!;
  assert.ok(l.includes(from), `line ${line} no longer contains "${from}": ${l}`);
  lines[line - 1] = l.replace(from, to);
  return lines.join('\n');
}
