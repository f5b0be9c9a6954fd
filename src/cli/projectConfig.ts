/**
 * The CLI's side of the project configuration file (`.status-docs.jsonc` / `.status-docs.json`):
 * for each document, the nearest file up from its folder to the file-system root (the first name
 * of `PROJECT_CONFIG_FILES` in the nearest folder that has one). The file is parsed by the core
 * (`parseProjectConfig`), the same code the extension uses, and stacked under `--config` and the
 * flags: flags > `--config FILE` > project file > defaults.
 */
import { readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, sep } from 'node:path';
import { cacheContextKey } from '../core/incremental';
import { layerConfig, type Config, type ConfigLayer } from '../core/config';
import { parseProjectConfig, PROJECT_CONFIG_FILES, type ProjectConfigIssue } from '../core/projectConfig';

export interface FoundConfig {
  /** Absolute path. */
  file: string;
  /** As printed: relative to the working folder when below it, with `/`. */
  display: string;
  layer: ConfigLayer;
  issues: ProjectConfigIssue[];
}

export interface Resolved {
  config: Config;
  today: string;
  /** The project file that applies, if any. */
  project: FoundConfig | null;
  /** Equal for documents checked with the same settings: '' for the base settings alone. */
  group: string;
}

export class ProjectConfigFinder {
  /** Folder → the nearest project file at or above it (null: none). */
  private readonly nearestOf = new Map<string, FoundConfig | null>();
  private readonly resolved = new Map<string, Resolved>();

  /**
   * @param cwd the working folder (paths are shown relative to it)
   * @param above the layers above the project file, lowest first (`--config`, then the flags)
   * @param localToday the real date, when no layer pins `today`
   */
  constructor(
    private readonly cwd: string,
    private readonly above: readonly ConfigLayer[],
    private readonly localToday: string,
  ) {}

  /** The nearest project file for a document (absolute path), or null. */
  find(absFile: string): FoundConfig | null {
    return this.nearest(dirname(absFile));
  }

  /** Every project file found so far, in the order found. */
  found(): FoundConfig[] {
    const seen = new Set<string>();
    const out: FoundConfig[] = [];
    for (const f of this.nearestOf.values()) if (f && !seen.has(f.file)) { seen.add(f.file); out.push(f); }
    return out;
  }

  /** The settings a document is checked with. */
  resolve(absFile: string): Resolved {
    const project = this.find(absFile);
    const key = project?.file ?? '';
    let r = this.resolved.get(key);
    if (!r) {
      const { config } = layerConfig([...(project ? [project.layer] : []), ...this.above]);
      const today = config.today || this.localToday;
      r = { config, today, project, group: project ? cacheContextKey({ toolVersion: '', config, today }) : '' };
      this.resolved.set(key, r);
    }
    return r;
  }

  private nearest(dir: string): FoundConfig | null {
    const known = this.nearestOf.get(dir);
    if (known !== undefined) return known;
    let found: FoundConfig | null = null;
    for (const name of PROJECT_CONFIG_FILES) {
      const file = join(dir, name);
      if (isFile(file)) { found = this.load(file); break; }
    }
    if (!found) {
      const parent = dirname(dir);
      found = parent === dir ? null : this.nearest(parent);
    }
    this.nearestOf.set(dir, found);
    return found;
  }

  private load(file: string): FoundConfig {
    const rel = relative(this.cwd, file);
    const display = (rel && !rel.startsWith('..') ? rel : file).split(sep).join('/');
    const layer = (values: ConfigLayer['values']): ConfigLayer => ({ source: display, values });
    let text: string;
    try {
      text = new TextDecoder('utf-8', { fatal: true }).decode(readFileSync(file));
    } catch (e) {
      const why = (e as NodeJS.ErrnoException).code ?? 'not valid UTF-8 text';
      return { file, display, layer: layer({}), issues: [{ path: '', message: `Cannot read the file (${why}); its settings are not used.`, offset: 0, length: 0, line: 1, column: 1 }] };
    }
    const { values, issues } = parseProjectConfig(text);
    return { file, display, layer: layer(values), issues };
  }
}

/** One line per issue: `docs/.status-docs.jsonc:3:14: rules.nope: Unknown rule "nope" in "rules" is ignored.` */
export function issueLines(found: FoundConfig): string[] {
  return found.issues.map((i) => `${found.display}:${i.line}:${i.column}: ${i.path ? `${i.path}: ` : ''}${i.message}`);
}

function isFile(path: string): boolean {
  try {
    return statSync(path).isFile();
  } catch {
    return false;
  }
}
