/**
 * Reads `statusDocs.*` through the schemas of `settingsSchema.ts`; bad values keep their defaults.
 * The core's keys are layered: defaults, the document's project file, then the user, workspace and
 * folder values that are set explicitly (`inspect`, not `get`, so a default never hides the file).
 */
import * as vscode from 'vscode';
import type { ConfigLayer } from '../core/index';
import { engine } from './lazy';
import { SECTION } from './section';
import type { Settings } from './settingsSchema';

export { SECTION, todayOf } from './section';
export type { HostSettings, Settings } from './settingsSchema';

/** Reads the settings that apply to `scope` (a document or folder; undefined = window), over a project file's keys. */
export function readSettings(scope?: vscode.ConfigurationScope, project?: ConfigLayer): Settings {
  const { ConfigSchema, DEFAULT_HOST_SETTINGS, parseLayeredSettings, SETTING_KEYS } = engine();
  try {
    const section = vscode.workspace.getConfiguration(SECTION, scope);
    const user: Record<string, unknown> = {};
    const workspace: Record<string, unknown> = {};
    const folder: Record<string, unknown> = {};
    const host: Record<string, unknown> = {};
    for (const key of SETTING_KEYS) {
      const set = section.inspect(key);
      user[key] = set?.globalValue;
      workspace[key] = set?.workspaceValue;
      // A single-folder window reports its .vscode/settings.json as both; it is the workspace's.
      if (vscode.workspace.workspaceFile) folder[key] = set?.workspaceFolderValue;
      host[key] = section.get(key);
    }
    return parseLayeredSettings({
      project,
      scopes: [
        { source: vscode.l10n.t('user settings'), raw: user },
        { source: vscode.l10n.t('workspace settings'), raw: workspace },
        { source: vscode.l10n.t('folder settings'), raw: folder },
      ],
      host,
    });
  } catch (error) {
    return { config: ConfigSchema.parse({}), host: DEFAULT_HOST_SETTINGS, problems: [`Settings could not be read (${String(error)}); using the defaults.`], sources: {}, projectFile: null };
  }
}
