/**
 * What the extension needs of its settings before the engine (`./engine`) is loaded: the section
 * name and the day the time-based rules count from. Free of `vscode`, zod and the parser.
 */
export const SECTION = 'statusDocs';

/** "today": the `statusDocs.today` override, else the local calendar day. */
export function todayOf(config: { today: string }, now: Date = new Date()): string {
  if (config.today) return config.today;
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}
