import type { AuditCheck } from '../check.ts'
import { awsPages } from './aws-pages.ts'

export const siblingSubResources: AuditCheck = {
  code: 'sibling-sub-resources',
  category: 'sibling-services',
  severity: 'low',
  title: 'A named resource without what lies within it',
  question:
    'Does a statement that names a Customer Profiles domain, an Amazon Q in Connect assistant or another resource of the services around Amazon Connect miss the resources within it (`<resource>/*`) that its actions also take?',
  risk: 'The documented examples for Customer Profiles and Amazon Q in Connect were printed with this mistake: a statement that names the domain grants nothing on its object types or integrations, so the access promised is not the access given.',
  fix: 'Add `<resource>/*` beside the resource (`domains/<name>` and `domains/<name>/*`).',
  source: awsPages.resourceLevelExamples,
  query: {
    kind: 'sub-resources',
    services: [
      'profile',
      'wisdom',
      'qconnect',
      'app-integrations',
      'voiceid',
      'connect-campaigns',
      'cases',
    ],
  },
}
