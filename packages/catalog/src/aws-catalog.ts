import { type Catalog, type CatalogData, createCatalog } from '@connect-policy/core'
import { readIamData } from './read-iam-data.ts'

let data: CatalogData | undefined
let catalog: Catalog | undefined

/** The whole AWS service reference as data, read on first use and kept. */
export function awsCatalogData(): CatalogData {
  data ??= readIamData()
  return data
}

/** The whole AWS service reference with its lookups, built on first use and kept. */
export function awsCatalog(): Catalog {
  catalog ??= createCatalog(awsCatalogData())
  return catalog
}
