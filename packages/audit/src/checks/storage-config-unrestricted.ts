import type { AuditCheck } from '../check.ts'
import { awsPages } from './aws-pages.ts'

export const storageConfigUnrestricted: AuditCheck = {
  code: 'storage-config-unrestricted',
  category: 'data',
  severity: 'high',
  title: 'Storage configuration not limited by type',
  question:
    "Can this policy set re-point the instance's storage (call recordings, chat transcripts, reports) without a `connect:StorageResourceType` limit?",
  risk: "`AssociateInstanceStorageConfig` and `UpdateInstanceStorageConfig` choose where recordings, transcripts and reports are written: a bucket or stream of the caller's choosing receives the contact center's data.",
  fix: "Limit them with `connect:StorageResourceType` to the types the role manages, and the S3 and IAM actions they need to the intended bucket, as AWS's example does.",
  source: awsPages.restrictAssociatedResources,
  query: {
    kind: 'granted',
    actions: ['connect:AssociateInstanceStorageConfig', 'connect:UpdateInstanceStorageConfig'],
    limitedBy: ['connect:StorageResourceType'],
  },
}
