/** Reads `statusDocs.*` through the schemas of `settingsSchema.ts`; bad values keep their defaults. */
import * as vscode from 'vscode';
import { ConfigSchema } from '../core/index';
import { DEFAULT_HOST_SETTINGS, parseSettings, SECTION, SETTING_KEYS, type Settings } from './settingsSchema';

export * from './settingsSchema';

/** Reads the settings that apply to `scope` (a document or folder; undefined = window). */
export function readSettings(scope?: vscode.ConfigurationScope): Settings {
  try {
    const section = vscode.workspace.getConfiguration(SECTION, scope);
    const raw: Record<string, unknown> = {};
    for (const key of SETTING_KEYS) raw[key] = section.get(key);
    return parseSettings(raw);
  } catch (error) {
    return { config: ConfigSchema.parse({}), host: DEFAULT_HOST_SETTINGS, problems: [`Settings could not be read (${String(error)}); using the defaults.`] };
  }
}

