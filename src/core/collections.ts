/** Small collection helpers the model and the output share. */

/** Appends `value` to the list at `key` (a copy per append would make grouping quadratic). */
export function append<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}
