const uuid = /\b([0-9a-f]{8})-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\b/gi

/** A resource made short enough for a table: no `arn:aws:` prefix, UUIDs cut to 8 digits. */
export function shortenResource(resource: string): string {
  return resource.replace(/^arn:aws:/, '').replace(uuid, '$1…')
}

/**
 * The resources of a request, shortened; after the first, the part a resource shares with the
 * first (up to a `/`) is written `…/`, so that `CreateUser`'s four ARNs stay readable.
 */
export function joinResources(resources: readonly string[]): string {
  const short = resources.map(shortenResource)
  const [first = ''] = short
  return short
    .map((resource, index) => {
      if (index === 0) return resource
      let shared = 0
      while (shared < resource.length && resource[shared] === first[shared]) shared++
      const cut = resource.lastIndexOf('/', shared - 1)
      return cut > 0 ? `…${resource.slice(cut)}` : resource
    })
    .join(' + ')
}
