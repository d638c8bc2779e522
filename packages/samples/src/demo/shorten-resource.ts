const uuid = /\b([0-9a-f]{8})-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\b/gi

/** A resource made short enough for a table: no `arn:aws:` prefix, UUIDs cut to 8 digits. */
export function shortenResource(resource: string): string {
  return resource.replace(/^arn:aws:/, '').replace(uuid, '$1…')
}
