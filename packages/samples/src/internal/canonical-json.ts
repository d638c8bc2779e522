/**
 * The canonical text of a corrected policy: `JSON.stringify` with two-space indentation, keys in
 * the order written.
 */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(value, null, 2)
}
