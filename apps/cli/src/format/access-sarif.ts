import type { AccessRegion } from '@connect-policy/core'
import type { Log, Result } from 'sarif'
import { artifactUri, type SarifOptions, sarifLog, toRegion } from './findings-sarif.ts'

export interface AccessSarifOptions extends SarifOptions {
  readonly ruleId: string
  /** What the rule reports, in a sentence. */
  readonly rule: string
}

/**
 * Access as SARIF 2.1.0 results of one rule, each at the statement that allows its witness (the
 * first deciding statement of the side that allows it), with the witness in its properties.
 */
export function accessSarif(regions: readonly AccessRegion[], options: AccessSarifOptions): Log {
  const results: Result[] = regions.map((region) => {
    const allowing =
      region.witness.after.decision === 'Allow' ? region.witness.after : region.witness.before
    const statement = allowing.explanation.deciding[0]
    return {
      ruleId: options.ruleId,
      ruleIndex: 0,
      level: 'error',
      message: { text: region.description },
      ...(statement === undefined
        ? {}
        : {
            locations: [
              {
                physicalLocation: {
                  artifactLocation: artifactUri(statement.policyName, options.cwd),
                  region: toRegion(statement.range),
                },
              },
            ],
          }),
      properties: { witness: region.witness.request, actions: region.actions },
    }
  })
  return sarifLog(
    options,
    [
      {
        id: options.ruleId,
        shortDescription: { text: options.rule },
        fullDescription: { text: `${options.rule}, each shown by a request the policies allow` },
        help: {
          text: 'Each result names the access and a request that shows it: evaluate it with `connect-policy evaluate --request` to see the statements that decide it.',
        },
        defaultConfiguration: { level: 'error' },
        properties: { tags: ['security'] },
      },
    ],
    results,
  )
}
