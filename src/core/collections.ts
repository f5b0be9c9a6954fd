/** Small collection helpers the model and the output share. */

/** Appends `value` to the list at `key` (a copy per append would make grouping quadratic). */
export function append<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

/**
 * Appends every item of `items` to `target`. `target.push(...items)` passes each item as an
 * argument, and past about a hundred thousand of them (the numbers of a long document) the
 * call overflows the stack.
 */
export function pushAll<T>(target: T[], items: readonly T[]): void {
  for (let i = 0; i < items.length; i++) target.push(items[i]!);
}

/** `Math.max(...values)` without spreading them into arguments (-Infinity for none, NaN for any NaN). */
export function maxOf(values: readonly number[]): number {
  let max = -Infinity;
  for (const v of values) {
    if (Number.isNaN(v)) return NaN;
    if (v > max) max = v;
  }
  return max;
}

/** `Math.min(...values)` without spreading them into arguments (Infinity for none, NaN for any NaN). */
export function minOf(values: readonly number[]): number {
  let min = Infinity;
  for (const v of values) {
    if (Number.isNaN(v)) return NaN;
    if (v < min) min = v;
  }
  return min;
}
