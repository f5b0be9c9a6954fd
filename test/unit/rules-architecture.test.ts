/**
 * Rules compare claims; they never read the raw text. A rule file imports only the model's
 * types and arithmetic, the findings API, the rule contract and its own helpers, holds no
 * regular expression, and never touches `ctx.text`. No rule imports another rule.
 */
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import ts from 'typescript';
import { ROOT } from './helpers';

const RULES_DIR = join(ROOT, 'src', 'core', 'rules');
/** What a rule may import, as paths relative to `src/core/rules/` (and its helpers under `util/`). */
const ALLOWED = new Set(['types', '../model/schema', '../model/arithmetic', '../model/calendar', '../findings']);

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const p = join(dir, name);
    return statSync(p).isDirectory() ? sources(p) : p.endsWith('.ts') ? [p] : [];
  });
}

/** Regular-expression literals and RegExp constructions in a source file, with their lines. */
function regexesIn(file: string, text: string): string[] {
  const sf = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true);
  const found: string[] = [];
  const visit = (node: ts.Node) => {
    const line = () => sf.getLineAndCharacterOfPosition(node.getStart(sf)).line + 1;
    if (node.kind === ts.SyntaxKind.RegularExpressionLiteral) found.push(`line ${line()}: ${node.getText(sf).slice(0, 60)}`);
    if ((ts.isNewExpression(node) || ts.isCallExpression(node)) && ts.isIdentifier(node.expression) && node.expression.text === 'RegExp') {
      found.push(`line ${line()}: RegExp(…)`);
    }
    ts.forEachChild(node, visit);
  };
  visit(sf);
  return found;
}

function importsOf(text: string): string[] {
  return [...text.matchAll(/(?:^|\n)\s*(?:import|export)[^'"`;]*?from\s+['"]([^'"]+)['"]/g)].map((m) => m[1]!);
}

describe('rules compare claims, never the raw text', () => {
  const files = sources(RULES_DIR).filter((f) => !f.endsWith('index.ts') && !f.endsWith('types.ts'));

  for (const file of files) {
    const name = relative(RULES_DIR, file);
    const text = readFileSync(file, 'utf8');

    it(`${name} imports only the model, the findings API and its own helpers`, () => {
      for (const spec of importsOf(text)) {
        const target = relative(RULES_DIR, resolve(dirname(file), spec)).split('\\').join('/');
        assert.ok(ALLOWED.has(target) || target.startsWith('util/'), `${name} imports "${spec}"`);
      }
    });

    it(`${name} holds no regular expression`, () => {
      assert.deepEqual(regexesIn(file, text), [], `${name} holds regular expressions; wording belongs in grammar/ and model/claims/`);
    });

    it(`${name} does not read the document text`, () => {
      assert.doesNotMatch(text, /\bctx\.text\b|\{[^}]*\btext\b[^}]*\}\s*=\s*ctx\b|checkedText/, `${name} reads the raw text`);
    });
  }
});
