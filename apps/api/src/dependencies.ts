import { awsCatalog, awsCatalogData } from '@connect-policy/catalog'
import type { Catalog, CatalogData } from '@connect-policy/core'

/**
 * The AWS service reference, loaded on first use or by `load()`. Loading takes a few hundred
 * milliseconds of CPU, so a server loads it once it listens and reports ready when it is done.
 */
export interface CatalogProvider {
  readonly loaded: boolean
  catalog(): Catalog
  data(): CatalogData
  load(): void
}

/** The provider of `@connect-policy/catalog`'s whole AWS service reference. */
export function awsCatalogProvider(): CatalogProvider {
  let loaded = false
  const provider: CatalogProvider = {
    get loaded() {
      return loaded
    },
    catalog() {
      const catalog = awsCatalog()
      loaded = true
      return catalog
    },
    data() {
      provider.load()
      return awsCatalogData()
    },
    load() {
      if (!loaded) provider.catalog()
    },
  }
  return provider
}
