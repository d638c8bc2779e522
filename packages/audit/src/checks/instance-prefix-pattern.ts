import type { AuditCheck } from '../check.ts'
import { awsPages } from './aws-pages.ts'

export const instancePrefixPattern: AuditCheck = {
  code: 'instance-prefix-pattern',
  category: 'isolation',
  severity: 'low',
  title: '`instance/<id>*` where `instance/<id>/*` is meant',
  question:
    'Does a pattern written `instance/<id>*` grant actions on the instance itself, which `instance/<id>/*` would not?',
  risk: '`instance/<id>*` also matches the instance itself, and any instance whose id begins with the same characters, so instance-level actions such as `DeleteInstance` or storage configuration come with it.',
  fix: 'Write `instance/<id>/*` for the resources in the instance, and name `instance/<id>` apart where the instance itself is meant.',
  source: awsPages.resourceLevelExamples,
  query: {
    kind: 'granted',
    actions: ['connect:*'],
    resources: (scope) => {
      const instances = scope.patterns.flatMap((pattern) => {
        const prefix = /^(arn:[^:]*:connect:[^:]*:[^:]*:instance\/[^/*?]+)\*$/.exec(pattern)
        return prefix?.[1] === undefined ? [] : [prefix[1]]
      })
      return instances.length === 0 ? undefined : instances
    },
    // the instance itself, granted through the prefix and not named on its own
    keep: (grant) =>
      grant.within.some((pattern) => pattern.endsWith('*') && !pattern.endsWith('/*')) &&
      !grant.within.some((pattern) => !/[*?]/.test(pattern)),
  },
}
