import type { AuditCheck } from '../check.ts'
import { awsPages } from './aws-pages.ts'

export const monitorContactApi: AuditCheck = {
  code: 'monitor-contact-api',
  category: 'data',
  severity: 'medium',
  title: 'Monitoring contacts through the API',
  question:
    'Can this policy set start monitoring (listening to, or barging into) a live contact through the API?',
  risk: "`MonitorContact` puts a user's Contact Control Panel into a live contact, whatever that user's security profile says.",
  fix: 'Grant `connect:MonitorContact` only to supervisor tooling, limited with `connect:MonitorCapabilities` where barging is not needed.',
  source: awsPages.monitorContact,
  query: { kind: 'granted', actions: ['connect:MonitorContact'] },
}
