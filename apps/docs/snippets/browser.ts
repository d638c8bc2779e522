// #region subset
import { awsCatalogData, connectFamily, subsetCatalogData } from '@connect-policy/catalog'
import { createCatalog, validatePolicy } from '@connect-policy/core'

// At build time, in Node: the Connect family in full, every other service by name only.
const json = JSON.stringify(subsetCatalogData(awsCatalogData(), connectFamily))

// In the browser: fetch that JSON, build the lookups once, validate as often as the user types.
const catalog = createCatalog(JSON.parse(json))
const findings = validatePolicy(
  '{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "s3:GetObject", "Resource": "*"}]}',
  { catalog },
)
console.log(catalog.coveredPrefixes.join(' '))
// Amazon S3 is known by name only: its actions are not checked, and nothing false is said.
console.log(`s3 known: ${catalog.isService('s3')}, findings: ${findings.length}`)
// Prints:
// app-integrations cases connect connect-campaigns health-agent profile voiceid wisdom
// s3 known: true, findings: 0
// #endregion subset
