import type { AuditCheck } from '../check.ts'
import { awsPages } from './aws-pages.ts'

export const outboundVoice: AuditCheck = {
  code: 'outbound-voice',
  category: 'toll-fraud',
  severity: 'high',
  title: 'Placing outbound calls',
  question: 'Can this policy set place outbound calls through the API?',
  risk: "`StartOutboundVoiceContact` takes no resource, so no ARN can limit it: whoever holds it can call any number, premium-rate ones included, at the account's cost.",
  fix: 'Grant it only to the roles that dial out and limit it with conditions the caller cannot choose (`aws:SourceVpce`, `aws:PrincipalTag`), or deny it where outbound calling is not used.',
  source: awsPages.outboundVoice,
  query: { kind: 'granted', actions: ['connect:StartOutboundVoiceContact'] },
}
