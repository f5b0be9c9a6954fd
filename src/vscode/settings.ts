/** Reads `statusDocs.*` through the schemas of `settingsSchema.ts`; bad values keep their defaults. */
import * as vscode from 'vscode';
import { engine } from './lazy';
import { SECTION } from './section';
import type { Settings } from './settingsSchema';

export { SECTION, todayOf } from './section';
export type { HostSettings, Settings } from './settingsSchema';

/** Reads the settings that apply to `scope` (a document or folder; undefined = window). */
export function readSettings(scope?: vscode.ConfigurationScope): Settings {
  const { ConfigSchema, DEFAULT_HOST_SETTINGS, parseSettings, SETTING_KEYS } = engine();
  try {
    const section = vscode.workspace.getConfiguration(SECTION, scope);
    const raw: Record<string, unknown> = {};
    for (const key of SETTING_KEYS) raw[key] = section.get(key);
    return parseSettings(raw);
  } catch (error) {
    return { config: ConfigSchema.parse({}), host: DEFAULT_HOST_SETTINGS, problems: [`Settings could not be read (${String(error)}); using the defaults.`] };
  }
}
