import { mkdirSync, rmSync, writeFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { auditChecks, auditPolicySet } from '@connect-policy/audit'
import {
  type Catalog,
  type CatalogData,
  createCatalog,
  type FindingReference,
  findingReference,
  type ValidateOptions,
  validatePolicy,
} from '@connect-policy/core'
import type { Sample } from '@connect-policy/samples'
import { type SiteData, siteDataPath } from '../site-data.ts'
import {
  type AuditSubject,
  auditCheckLink,
  auditCheckPage,
  auditIndexPage,
  sampleSubjects,
} from './audit-pages.ts'
import { decisionRows } from './decision-table.ts'
import { examplePage } from './example-page.ts'
import { exampleLink, examplesIndexPage } from './examples-index.ts'
import { findingsPage } from './findings-page.ts'
import { playgroundCatalogData, playgroundExamples } from './playground-data.ts'
import { servicePage, servicesIndexPage } from './service-page.ts'

/** Everything the site is generated from. */
export interface SiteInput {
  readonly samples: readonly Sample[]
  /** The whole service reference, for the validator and the plain-language summaries. */
  readonly catalogData: CatalogData
  /** The services that get a page (the Amazon Connect family). */
  readonly servicePrefixes: readonly string[]
  /** The catalog data the playground loads: a subset, small enough for a browser. */
  readonly playgroundCatalog: CatalogData
  /** AWS managed policies the audit pages show the results of, by name. */
  readonly managedPolicies?: readonly { readonly name: string; readonly text: string }[]
}

/** Paths of the generated files and folders, relative to the VitePress source folder. */
export const generatedPaths = [
  'examples',
  'audit',
  'services',
  'findings.md',
  'public/playground',
  '.vitepress/generated',
] as const

/**
 * The options a findings reference entry's example is validated with: the service reference and
 * its policy type, and the example's own options where it has them (they are what it shows, such
 * as a policy type that does not exist).
 */
export function exampleOptions(entry: FindingReference, catalog: Catalog): ValidateOptions {
  return {
    catalog,
    policyType: entry.policyType ?? 'identity',
    ...entry.exampleOptions,
  } as ValidateOptions
}

/** Every generated file, path relative to the site folder, and its content. Pure. */
export function siteFiles(input: SiteInput): Map<string, string> {
  const catalog = createCatalog(input.catalogData)
  const services = input.servicePrefixes.flatMap((prefix) => {
    const service = input.catalogData.services.find((s) => s.prefix === prefix)
    return service === undefined ? [] : [service]
  })
  const servicePages = services.map((service) => service.prefix)
  const files = new Map<string, string>()
  const rows = new Map(
    input.samples.map((sample) => [sample.id, decisionRows(sample, { catalog })]),
  )
  const audits = new Map(
    input.samples.map((sample) => [sample.id, sampleSubjects(sample, catalog)]),
  )
  for (const sample of input.samples) {
    files.set(
      `examples/${sample.id}.md`,
      examplePage(sample, { catalog, servicePages, audit: audits.get(sample.id) ?? [] }),
    )
  }
  const subjects: AuditSubject[] = [
    ...(input.managedPolicies ?? []).map((policy) => ({
      name: policy.name,
      report: auditPolicySet({ identityPolicies: [policy.text] }, { catalog }),
    })),
    ...[...audits.values()].flat(),
  ]
  files.set('audit/index.md', auditIndexPage(subjects))
  for (const check of auditChecks) {
    files.set(`audit/${check.code}.md`, auditCheckPage(check, subjects))
  }
  files.set(
    'examples/index.md',
    examplesIndexPage(input.samples, (s) => rows.get(s.id) ?? []),
  )
  for (const service of services) {
    files.set(`services/${service.prefix}.md`, servicePage(service, catalog.source))
  }
  files.set('services/index.md', servicesIndexPage(services, catalog.source))
  files.set(
    'findings.md',
    findingsPage({
      reference: findingReference,
      validate: (entry) => validatePolicy(entry.example, exampleOptions(entry, catalog)),
      source: catalog.source,
    }),
  )
  files.set(
    'public/playground/examples.json',
    `${JSON.stringify(playgroundExamples(input.samples))}\n`,
  )
  files.set(
    'public/playground/catalog.json',
    `${JSON.stringify(playgroundCatalogData(input.playgroundCatalog))}\n`,
  )
  const siteData: SiteData = {
    examples: input.samples.map((sample) => ({ text: sample.title, link: exampleLink(sample.id) })),
    services: services.map((service) => ({
      text: service.name,
      link: `/services/${service.prefix}`,
    })),
    checks: auditChecks.map((check) => ({ text: check.title, link: auditCheckLink(check.code) })),
    catalogDate: catalog.source.date,
  }
  files.set(siteDataPath, `${JSON.stringify(siteData, null, 2)}\n`)
  return files
}

/** Replaces the generated files of the site folder with fresh ones. */
export function writeSite(siteDir: string, input: SiteInput): number {
  for (const path of generatedPaths) rmSync(join(siteDir, path), { recursive: true, force: true })
  const files = siteFiles(input)
  for (const [path, content] of files) {
    const target = join(siteDir, path)
    mkdirSync(dirname(target), { recursive: true })
    writeFileSync(target, content)
  }
  return files.size
}
