import type { AuditCheck } from '../check.ts'
import { awsPages } from './aws-pages.ts'
import { unnamedIdentifier } from './unnamed.ts'

export const recordingsAnyBucket: AuditCheck = {
  code: 'recordings-any-bucket',
  category: 'data',
  severity: 'medium',
  title: 'Reading objects of any S3 bucket, recordings included',
  question:
    "Can this policy set read the objects of an S3 bucket it does not name, such as the bucket that holds the instance's call recordings and chat transcripts?",
  risk: "Amazon Connect writes call recordings, chat transcripts and reports to an S3 bucket of the account, and whoever may read that bucket's objects hears every recorded call: no security profile stands in between. `s3:GetObject` on every bucket reaches it wherever it is.",
  fix: 'Grant `s3:GetObject` on the buckets the role needs by name, and keep the recordings bucket to the roles that must hear calls.',
  source: awsPages.recordings,
  query: {
    kind: 'granted',
    actions: ['s3:GetObject'],
    resources: (scope) => [`arn:aws:s3:::connect-recordings-${unnamedIdentifier(scope)}/*`],
  },
}
