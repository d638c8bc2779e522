/**
 * Whether a table row's text matches what was typed in the filter above its table: every word
 * typed is somewhere in the row (action name, access level, resource type, condition key), in
 * any case and order. An empty filter matches every row.
 */
export function rowMatches(rowText: string, query: string): boolean {
  const text = rowText.toLowerCase()
  return query
    .toLowerCase()
    .split(' ')
    .filter((word) => word !== '')
    .every((word) => text.includes(word))
}
