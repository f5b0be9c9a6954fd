/** Numbers and units as authors write them. */

/** A number as written: `1,234.5` or `12` (at most six thousands groups, so patterns built on it stay linear). */
export const NUMBER_SOURCE = String.raw`\d{1,3}(?:,\d{3}){1,6}(?:\.\d+)?|\d+(?:\.\d+)?`;

/** Seconds per time unit, for comparing `30 minutes` with `6h`. */
const TIME_UNITS: [RegExp, number][] = [
  [/^(?:ms|msec|millis(?:econds?)?|毫秒)$/i, 0.001],
  [/^(?:µs|us|microseconds?)$/i, 0.000001],
  [/^(?:ns|nanoseconds?)$/i, 1e-9],
  [/^(?:s|sec|secs|seconds?|秒)$/i, 1],
  [/^(?:m|min|mins|minutes?|分钟)$/i, 60],
  [/^(?:h|hr|hrs|hours?|小时)$/i, 3600],
  [/^(?:d|days?)$/i, 86400],
  [/^(?:w|wk|wks|weeks?)$/i, 604800],
];
const SIZE_UNITS: [RegExp, number][] = [
  [/^(?:b|bytes?)$/i, 1],
  [/^(?:kb|kib)$/i, 1024],
  [/^(?:mb|mib)$/i, 1024 ** 2],
  [/^(?:gb|gib)$/i, 1024 ** 3],
];

/**
 * The scale of a unit within its family (`time`, `size`), or the unit itself as its own
 * family with scale 1 (`%`, `lines`), or null when there is no unit.
 */
export function unitScale(unit: string | null | undefined): { family: string; scale: number } | null {
  const u = (unit ?? '').trim();
  if (!u) return null;
  for (const [re, s] of TIME_UNITS) if (re.test(u)) return { family: 'time', scale: s };
  for (const [re, s] of SIZE_UNITS) if (re.test(u)) return { family: 'size', scale: s };
  return { family: u.toLowerCase(), scale: 1 };
}
