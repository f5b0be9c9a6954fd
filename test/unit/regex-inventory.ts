/**
 * Every regular expression of src/core, collected two ways for the ReDoS test:
 * statically (regex literals and `new RegExp(...)` in the TypeScript sources, with constant
 * arguments evaluated where they are built from constants of the same file) and dynamically
 * (each RegExp that core code hands to exec/test/match/matchAll/replace/split/search while it
 * checks real documents).
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import ts from 'typescript';
import { ROOT } from './helpers';

export interface RegexSite {
  source: string;
  flags: string;
  /** `src/core/...:line`. */
  where: string;
}

export interface UnresolvedSite {
  where: string;
  expression: string;
}

const CORE = join(ROOT, 'src', 'core');

export function coreSourceFiles(dir = CORE): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir).sort()) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) out.push(...coreSourceFiles(p));
    else if (name.endsWith('.ts')) out.push(p);
  }
  return out;
}

/** A constant-string evaluator for the shapes the core uses to build patterns. */
function evaluator(sf: ts.SourceFile) {
  const consts = new Map<string, ts.Expression>();
  const visit = (n: ts.Node) => {
    if (ts.isVariableDeclaration(n) && ts.isIdentifier(n.name) && n.initializer && ts.isVariableDeclarationList(n.parent) && (n.parent.flags & ts.NodeFlags.Const)) {
      consts.set(n.name.text, n.initializer);
    }
    ts.forEachChild(n, visit);
  };
  visit(sf);
  const seen = new Set<string>();
  const evaluate = (e: ts.Expression, raw = false): string | undefined => {
    if (ts.isParenthesizedExpression(e) || ts.isAsExpression(e)) return evaluate(e.expression, raw);
    if (ts.isStringLiteral(e) || ts.isNoSubstitutionTemplateLiteral(e)) return raw && ts.isNoSubstitutionTemplateLiteral(e) ? e.rawText ?? e.text : e.text;
    if (ts.isTaggedTemplateExpression(e) && e.tag.getText(sf) === 'String.raw') return evaluate(e.template as ts.Expression, true);
    if (ts.isTemplateExpression(e)) {
      let s = raw ? e.head.rawText ?? e.head.text : e.head.text;
      for (const span of e.templateSpans) {
        const v = evaluate(span.expression);
        if (v === undefined) return undefined;
        s += v + (raw ? span.literal.rawText ?? span.literal.text : span.literal.text);
      }
      return s;
    }
    if (ts.isBinaryExpression(e) && e.operatorToken.kind === ts.SyntaxKind.PlusToken) {
      const a = evaluate(e.left);
      const b = evaluate(e.right);
      return a === undefined || b === undefined ? undefined : a + b;
    }
    if (ts.isIdentifier(e)) {
      const init = consts.get(e.text);
      if (!init || seen.has(e.text)) return undefined;
      seen.add(e.text);
      try { return evaluate(init); } finally { seen.delete(e.text); }
    }
    // `[a, b].join('|')`
    if (ts.isCallExpression(e) && ts.isPropertyAccessExpression(e.expression) && e.expression.name.text === 'join' && ts.isArrayLiteralExpression(e.expression.expression)) {
      const sep = e.arguments[0] ? evaluate(e.arguments[0]) : ',';
      const parts = e.expression.expression.elements.map((x) => evaluate(x));
      if (sep === undefined || parts.some((p) => p === undefined)) return undefined;
      return parts.join(sep);
    }
    return undefined;
  };
  return evaluate;
}

/** Regex literals and constant `new RegExp(...)` of every src/core file; the rest as unresolved sites. */
export function staticRegexes(): { sites: RegexSite[]; unresolved: UnresolvedSite[] } {
  const sites: RegexSite[] = [];
  const unresolved: UnresolvedSite[] = [];
  for (const file of coreSourceFiles()) {
    const text = readFileSync(file, 'utf8');
    const sf = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true, ts.ScriptKind.TS);
    const rel = relative(ROOT, file);
    const where = (n: ts.Node) => `${rel}:${sf.getLineAndCharacterOfPosition(n.getStart(sf)).line + 1}`;
    const evaluate = evaluator(sf);
    const visit = (n: ts.Node) => {
      if (n.kind === ts.SyntaxKind.RegularExpressionLiteral) {
        const lit = (n as ts.RegularExpressionLiteral).text;
        const slash = lit.lastIndexOf('/');
        sites.push({ source: lit.slice(1, slash), flags: lit.slice(slash + 1), where: where(n) });
      } else if ((ts.isNewExpression(n) || ts.isCallExpression(n)) && ts.isIdentifier(n.expression) && n.expression.text === 'RegExp') {
        const [arg, flagArg] = n.arguments ?? [];
        const source = arg ? evaluate(arg) : '';
        const flags = flagArg ? evaluate(flagArg) : '';
        if (source === undefined || flags === undefined) unresolved.push({ where: where(n), expression: n.getText(sf).replace(/\s+/g, ' ').slice(0, 160) });
        else sites.push({ source, flags, where: where(n) });
      }
      ts.forEachChild(n, visit);
    };
    visit(sf);
  }
  return { sites, unresolved };
}

/**
 * Records each distinct (source, flags) of the RegExps that code in src/core uses through the
 * RegExp and String methods while `run` executes; the methods are restored afterwards.
 */
export function recordRegexes(run: () => void): RegexSite[] {
  const found = new Map<string, RegexSite>();
  const tries = new Map<string, number>();
  const coreMarker = `${join(ROOT, 'src', 'core')}/`;
  let busy = false;
  const note = (re: unknown) => {
    if (busy || !(re instanceof RegExp)) return;
    const key = `${re.flags}\u0000${re.source}`;
    if (found.has(key)) return;
    const n = tries.get(key) ?? 0;
    if (n >= 20) return;
    tries.set(key, n + 1);
    busy = true;
    try {
      const site = origin(re);
      if (site) found.set(key, site);
    } finally {
      busy = false;
    }
  };
  const origin = (re: RegExp): RegexSite | null => {
    const limit = Error.stackTraceLimit;
    Error.stackTraceLimit = 40;
    const stack = new Error().stack ?? '';
    Error.stackTraceLimit = limit;
    const frame = stack.split('\n').find((l) => l.includes(coreMarker));
    if (!frame) return null;
    const m = /(src\/core\/[^:)]+):(\d+)/.exec(frame);
    return { source: re.source, flags: re.flags, where: m ? `${m[1]}:${m[2]}` : 'src/core' };
  };
  const R = RegExp.prototype as unknown as Record<string, (...a: unknown[]) => unknown>;
  const S = String.prototype as unknown as Record<string, (...a: unknown[]) => unknown>;
  const saved: [Record<string, (...a: unknown[]) => unknown>, string, (...a: unknown[]) => unknown][] = [];
  const wrap = (proto: Record<string, (...a: unknown[]) => unknown>, name: string, pick: (self: unknown, args: unknown[]) => unknown) => {
    const original = proto[name]!;
    saved.push([proto, name, original]);
    proto[name] = function (this: unknown, ...args: unknown[]) {
      note(pick(this, args));
      return original.apply(this, args);
    };
  };
  wrap(R, 'exec', (self) => self);
  wrap(R, 'test', (self) => self);
  for (const name of ['match', 'matchAll', 'replace', 'replaceAll', 'split', 'search']) wrap(S, name, (_self, args) => args[0]);
  try {
    run();
  } finally {
    for (const [proto, name, original] of saved) proto[name] = original;
  }
  return [...found.values()];
}
