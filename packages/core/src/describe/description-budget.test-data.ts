// biome-ignore-all lint/suspicious/noTemplateCurlyInString: ARN formats in the reference's notation, not templates
import { type AccessLevel, type CatalogData, createCatalog } from '../catalog/index.ts'

const levels: readonly (readonly AccessLevel[])[] = [
  ['List'],
  ['Read'],
  ['Write'],
  ['Tagging', 'Write'],
  ['Permissions management'],
]

/**
 * A reference as wide as AWS's where it matters to a description: 300 services of 40 actions in
 * five access-level groups, half of them `Get…`, each service with ARNs of three resource types
 * (and a type that takes an ARN of any service, as AWS Backup's does), so that `*:Get*`, `**` and
 * `arn:*` reach thousands of names.
 */
export const wideCatalog = createCatalog(wideCatalogData())

function wideCatalogData(): CatalogData {
  const services = Array.from({ length: 300 }, (_, serviceIndex) => {
    const prefix = `service${serviceIndex}`
    return {
      prefix,
      name: `Amazon Example Service Number ${serviceIndex}`,
      actions: Array.from({ length: 40 }, (_, index) => ({
        name: `${index % 2 === 0 ? 'Get' : 'Put'}ExampleResourceConfiguration${index}`,
        accessLevels: levels[index % levels.length] as readonly AccessLevel[],
        resourceTypes: [{ name: 'widget', required: true }],
        conditionKeys: [],
      })),
      resourceTypes: ['widget', 'gadget', 'gizmo'].map((type) => ({
        name: type,
        arnFormats: [`arn:\${Partition}:${prefix}:\${Region}:\${Account}:${type}/\${Id}`],
        conditionKeys: [],
      })),
      conditionKeys: [],
    }
  })
  return {
    source: { name: 'wide', version: '0', date: '2026-01-01' },
    partitions: ['aws'],
    regions: ['us-east-1'],
    globalConditionKeys: [],
    services: [
      ...services,
      {
        prefix: 'backup',
        name: 'AWS Backup',
        actions: [],
        resourceTypes: [
          {
            name: 'recoveryPoint',
            arnFormats: [
              'arn:${Partition}:${Vendor}:${Region}:*:${ResourceType}/${RecoveryPointId}',
            ],
            conditionKeys: [],
          },
        ],
        conditionKeys: [],
      },
    ],
  }
}
