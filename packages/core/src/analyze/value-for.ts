/**
 * The value a map holds for `key`, made by `make` and kept the first time it is asked for: the
 * analyses keep what they work out once per group, space or element and meet again.
 */
export function valueFor<K extends object, V>(map: WeakMap<K, V>, key: K, make: () => V): V
export function valueFor<K, V>(map: Map<K, V>, key: K, make: () => V): V
export function valueFor<K extends object, V>(
  map: Map<K, V> | WeakMap<K, V>,
  key: K,
  make: () => V,
): V {
  const kept = map.get(key)
  if (kept !== undefined) return kept
  const made = make()
  map.set(key, made)
  return made
}
