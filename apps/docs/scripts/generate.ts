import { fileURLToPath } from 'node:url'
import { awsCatalogData, connectFamily, subsetCatalogData } from '@connect-policy/catalog'
import { readManagedPolicies } from '@connect-policy/catalog/corpus'
import { samples } from '@connect-policy/samples'
import { writeSite } from '../src/generate/write-site.ts'

const siteDir = fileURLToPath(new URL('../site', import.meta.url))
const catalogData = awsCatalogData()
// The playground holds the Connect family in full, and the services the examples and their
// trust relationships name (`sts`, `iam`), so that it validates them as the site does.
const playgroundPrefixes = [
  ...new Set([...connectFamily, ...samples.flatMap((sample) => sample.services), 'iam', 'sts']),
]
const started = performance.now()
const count = writeSite(siteDir, {
  samples,
  catalogData,
  servicePrefixes: connectFamily,
  playgroundCatalog: subsetCatalogData(catalogData, playgroundPrefixes),
  // the audit pages show what Amazon Connect's own managed policies fail
  managedPolicies: readManagedPolicies().policies.filter((policy) =>
    ['AmazonConnect_FullAccess', 'AmazonConnectReadOnlyAccess'].includes(policy.name),
  ),
})
console.log(
  `generated ${count} files into ${siteDir} in ${Math.round(performance.now() - started)} ms`,
)
