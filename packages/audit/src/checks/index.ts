import type { AuditCheck } from '../check.ts'
import { accountLevelByWildcard } from './account-level-by-wildcard.ts'
import { assignAnySecurityProfile } from './assign-any-security-profile.ts'
import { changeSecurityProfiles } from './change-security-profiles.ts'
import { claimPhoneNumbers } from './claim-phone-numbers.ts'
import { contactDataAccess } from './contact-data-access.ts'
import { deleteContactCenterResources } from './delete-contact-center-resources.ts'
import { deleteInstance } from './delete-instance.ts'
import { emergencyAdminAccess } from './emergency-admin-access.ts'
import { federationAnyInstance } from './federation-any-instance.ts'
import { instancePrefixPattern } from './instance-prefix-pattern.ts'
import { monitorContactApi } from './monitor-contact-api.ts'
import { outboundMessaging } from './outbound-messaging.ts'
import { outboundVoice } from './outbound-voice.ts'
import { outsideIntendedInstances } from './outside-intended-instances.ts'
import { recordingsAnyBucket } from './recordings-any-bucket.ts'
import { siblingSubResources } from './sibling-sub-resources.ts'
import { storageConfigUnrestricted } from './storage-config-unrestricted.ts'
import { userIdentityTakeover } from './user-identity-takeover.ts'

/** Every check of the audit, by category and, within one, most severe first. */
export const auditChecks: readonly AuditCheck[] = [
  emergencyAdminAccess,
  federationAnyInstance,
  userIdentityTakeover,
  assignAnySecurityProfile,
  changeSecurityProfiles,
  storageConfigUnrestricted,
  contactDataAccess,
  monitorContactApi,
  recordingsAnyBucket,
  outsideIntendedInstances,
  accountLevelByWildcard,
  instancePrefixPattern,
  deleteInstance,
  deleteContactCenterResources,
  outboundVoice,
  outboundMessaging,
  claimPhoneNumbers,
  siblingSubResources,
]
