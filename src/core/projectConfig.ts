/**
 * The project configuration file, `.status-docs.jsonc` or `.status-docs.json`: the keys of
 * `ConfigSchema` in JSON with comments and trailing commas, committed next to the documents and
 * read by the CLI and the extension alike. Pure: the hosts find the file (the nearest one up from
 * each document, see `configFileCandidates`) and pass its text.
 *
 * A bad key is an issue with its place in the file (line, column, the path of the key) and is
 * left out, so it keeps its default; a file that is not valid JSONC is one issue per syntax
 * error and gives no keys at all.
 */
import { findNodeAtLocation, getNodeValue, parseTree, printParseErrorCode, type Node, type ParseError } from 'jsonc-parser';
import { z } from 'zod';
import { ConfigSchema, RuleSeveritySchema, readConfigValues, type ConfigValues } from './config';
import { RULES, RULE_IDS } from './rules/index';

/** The file names, in the order they are looked for in one folder: the first found is used. */
export const PROJECT_CONFIG_FILES = ['.status-docs.jsonc', '.status-docs.json'] as const;

/** The committed JSON Schema of the file (`npm run docs` writes it; a unit test compares). */
export const PROJECT_CONFIG_SCHEMA_PATH = 'media/status-docs.schema.json';

export interface ProjectConfigIssue {
  /** The path of the bad key (`rules.mojibake`, `statusWords.done[3]`); empty for the whole file. */
  path: string;
  message: string;
  /** Where it is: the bad value, the unknown key's name, or the syntax error. 0-based offsets. */
  offset: number;
  length: number;
  /** 1-based, as `file:line:column` prints it. */
  line: number;
  column: number;
}

export interface ProjectConfig {
  /** The valid keys of the file (the rest keeps its default). */
  values: ConfigValues;
  issues: ProjectConfigIssue[];
}

/** Reads the text of a project configuration file. Never throws. */
export function parseProjectConfig(input: string, knownRules: readonly string[] = RULE_IDS): ProjectConfig {
  const text = input.charCodeAt(0) === 0xfeff ? input.slice(1) : input;
  const at = lineColumn(text);
  const issue = (path: string, message: string, offset: number, length: number): ProjectConfigIssue => ({ path, message, offset, length, ...at(offset) });
  const errors: ParseError[] = [];
  const root = parseTree(text, errors, { allowTrailingComma: true, disallowComments: false, allowEmptyContent: true });
  if (errors.length) {
    return { values: {}, issues: errors.map((e) => issue('', `Not valid JSON with comments (${syntaxError(e)}); the file's settings are not used.`, e.offset, Math.max(1, e.length))) };
  }
  if (!root) return { values: {}, issues: [] };
  if (root.type !== 'object') {
    return { values: {}, issues: [issue('', `The file must hold an object ({ "rules": … }), not ${root.type === 'array' ? 'an array' : root.type}; its settings are not used.`, root.offset, root.length)] };
  }
  const raw = getNodeValue(root) as Record<string, unknown>;
  // `$schema` is for editors that do not know the file by its name.
  if (typeof raw.$schema === 'string') delete raw.$schema;
  const { values, issues } = readConfigValues(raw, knownRules);
  return {
    values,
    issues: issues.map((i) => {
      const node = placeOf(root, i.path);
      return issue(pathText(i.path), i.message, node.offset, node.length);
    }),
  };
}

/**
 * Where a project file may be for a document in `dir`, nearest first: each folder from `dir` up
 * to `stop` (inclusive; default the root), each file name in `PROJECT_CONFIG_FILES` order. Paths
 * use `/`; the hosts probe them in order and take the first that exists.
 */
export function configFileCandidates(dir: string, stop?: string): string[] {
  const out: string[] = [];
  let end = dir.length;
  while (end > 0 && dir[end - 1] === '/') end--;
  let d = dir.slice(0, end) || '/';
  for (;;) {
    for (const name of PROJECT_CONFIG_FILES) out.push(d === '/' ? `/${name}` : `${d}/${name}`);
    if (d === stop || d === '/' || /^[A-Za-z]:$/.test(d) || !d.includes('/')) break;
    const parent = d.slice(0, d.lastIndexOf('/')) || '/';
    if (parent === d) break;
    d = parent;
  }
  return out;
}

/** `rules.mojibake`, `statusWords.done[3]`. */
export function pathText(path: readonly (string | number)[]): string {
  return path.map((p, i) => (typeof p === 'number' ? `[${p}]` : i ? `.${p}` : p)).join('');
}

/** The node a diagnostic points at: the value, or for an unknown key or rule its name. */
function placeOf(root: Node, path: (string | number)[]): { offset: number; length: number } {
  if (unknownKeyPath(path)) {
    const node = findNodeAtLocation(root, path);
    const key = node?.parent?.type === 'property' ? node.parent.children?.[0] : undefined;
    if (key) return { offset: key.offset, length: key.length };
  }
  for (let n = path.length; n > 0; n--) {
    const node = findNodeAtLocation(root, path.slice(0, n));
    if (node) return { offset: node.offset, length: node.length };
  }
  return { offset: root.offset, length: 1 };
}

/** Whether `path` names a key the schema does not know (a top-level key, or a rule id). */
function unknownKeyPath(path: (string | number)[]): boolean {
  if (path.length === 1) return !Object.hasOwn(ConfigSchema.shape, String(path[0]));
  return path.length === 2 && path[0] === 'rules' && !RULE_IDS.includes(String(path[1]));
}

function syntaxError(e: ParseError): string {
  return printParseErrorCode(e.error).replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase();
}

/** Offsets of a text → 1-based line and UTF-16 column. */
export function lineColumn(text: string): (offset: number) => { line: number; column: number } {
  const starts = [0];
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) === 10) starts.push(i + 1);
  return (offset) => {
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (starts[mid]! <= offset) lo = mid;
      else hi = mid - 1;
    }
    return { line: lo + 1, column: offset - starts[lo]! + 1 };
  };
}

/**
 * The file's schema: `ConfigSchema` with every rule id listed (so an editor completes them),
 * `$schema` allowed, nothing else. Its JSON Schema is what `contributes.jsonValidation` points at.
 */
export const ProjectConfigFileSchema = ConfigSchema.extend({
  $schema: z.string().optional().describe('The JSON Schema of this file (optional: VS Code with Status Docs knows the file by its name).'),
  rules: z
    .object(Object.fromEntries(RULES.map((r) => [r.id, RuleSeveritySchema.optional().describe(`${r.description} (default: ${r.defaultSeverity})`)])))
    .strict()
    .default({})
    .describe(ConfigSchema.shape.rules.description ?? ''),
}).strict();

/** The JSON Schema (draft 7) of `.status-docs.json(c)`, generated from the zod schema. */
export function projectConfigJsonSchema(): Record<string, unknown> {
  const json = z.toJSONSchema(ProjectConfigFileSchema, { io: 'input', target: 'draft-7', unrepresentable: 'any' }) as Record<string, unknown>;
  return {
    $schema: json.$schema,
    title: 'Status Docs project configuration (.status-docs.jsonc)',
    description: 'Settings for the status documents in this folder and below, read by the status-docs CLI and the VS Code extension. The nearest file up from a document is used; settings set in the editor win over it.',
    ...withMarkdown(Object.fromEntries(Object.entries(json).filter(([k]) => k !== '$schema'))),
  };
}

/** Adds `markdownDescription` beside each `description` (VS Code renders the backticks). */
function withMarkdown(node: unknown): Record<string, unknown> {
  const walk = (n: unknown): unknown => {
    if (Array.isArray(n)) return n.map(walk);
    if (!n || typeof n !== 'object') return n;
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(n)) out[k] = walk(v);
    if (typeof out.description === 'string') out.markdownDescription = out.description;
    return out;
  };
  return walk(node) as Record<string, unknown>;
}
