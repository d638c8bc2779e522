import { readFileSync, writeFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { awsCatalogData } from '../src/aws-catalog.ts'
import { readManagedPolicies } from '../src/corpus/read-managed-policies.ts'
import {
  type GoldenFindings,
  goldenFindings,
  goldenFindingsPath,
} from '../src/golden/golden-findings.ts'

// For a change of the validator meant to change findings: the digests taken anew, for the
// corpus and for the inputs the file already keeps.
const kept = JSON.parse(readFileSync(goldenFindingsPath, 'utf8')) as GoldenFindings
const inputs = kept.inputs.map(({ name, policyType, text }) => ({ name, policyType, text }))
const golden = goldenFindings(readManagedPolicies(), awsCatalogData().source.date, inputs)
writeFileSync(goldenFindingsPath, `${JSON.stringify(golden, null, 2)}\n`)
console.log(`wrote ${fileURLToPath(goldenFindingsPath)}`)
