import type { CatalogData } from '@connect-policy/core'

/**
 * The part of the catalog data a browser needs: the services named in full, and every other
 * service by prefix and name only, so that a validator running on the subset still knows they
 * exist and says nothing wrong about their actions.
 */
export function subsetCatalogData(data: CatalogData, prefixes: readonly string[]): CatalogData {
  const kept = new Set(prefixes.map((prefix) => prefix.toLowerCase()))
  return {
    ...data,
    services: data.services.filter((service) => kept.has(service.prefix)),
    otherServices: [
      ...(data.otherServices ?? []),
      ...data.services
        .filter((service) => !kept.has(service.prefix))
        .map(({ prefix, name }) => ({ prefix, name })),
    ],
  }
}
