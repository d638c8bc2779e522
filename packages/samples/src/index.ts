import { contactsInAllInstances } from './examples/contacts-in-all-instances.ts'
import { createUserDenySecurityProfile } from './examples/create-user-deny-security-profile.ts'
import { customerProfilesFullAccess } from './examples/customer-profiles-full-access.ts'
import { customerProfilesReadOnly } from './examples/customer-profiles-read-only.ts'
import { customerProfilesTrustedRelationship } from './examples/customer-profiles-trusted-relationship.ts'
import { denyUserDeleteUpdate } from './examples/deny-user-delete-update.ts'
import { eventIntegrationsNamePrefix } from './examples/event-integrations-name-prefix.ts'
import { moreContactActions } from './examples/more-contact-actions.ts'
import { outboundCampaignFullAccess } from './examples/outbound-campaign-full-access.ts'
import { pageIntroduction } from './examples/page-introduction.ts'
import { recordingActions } from './examples/recording-actions.ts'
import { recordingTrustedRelationship } from './examples/recording-trusted-relationship.ts'
import { startContactRecording } from './examples/start-contact-recording.ts'
import { viewEventIntegration } from './examples/view-event-integration.ts'
import { voiceIdFullAccess } from './examples/voice-id-full-access.ts'
import { voiceIdTrustedRelationship } from './examples/voice-id-trusted-relationship.ts'
import { wisdomQueryAssistant } from './examples/wisdom-query-assistant.ts'
import type { Sample, SampleInput } from './schema.ts'
import { samplesSchema } from './schema.ts'

/** Every sample as written, in the order the page prints them. */
export const sampleInputs: readonly SampleInput[] = [
  pageIntroduction,
  denyUserDeleteUpdate,
  eventIntegrationsNamePrefix,
  createUserDenySecurityProfile,
  startContactRecording,
  recordingTrustedRelationship,
  recordingActions,
  moreContactActions,
  contactsInAllInstances,
  viewEventIntegration,
  customerProfilesFullAccess,
  customerProfilesTrustedRelationship,
  customerProfilesReadOnly,
  wisdomQueryAssistant,
  voiceIdFullAccess,
  voiceIdTrustedRelationship,
  outboundCampaignFullAccess,
]

/**
 * The examples and prose of the AWS page *Amazon Connect resource-level policy examples*, as
 * validated data, in the order the page prints them. Validation runs when the module loads, so a
 * malformed sample fails every import.
 */
export const samples: readonly Sample[] = samplesSchema.parse(sampleInputs)

export type { SourceDocument } from './documents.ts'
export { sourceDocuments } from './documents.ts'
export type { SampleText } from './evaluation/as-recorded.ts'
export { asRecorded, recordedOutcome } from './evaluation/as-recorded.ts'
export type { ExpectationOutcome, TextOutcome } from './evaluation/evaluate-expectation.ts'
export { evaluateExpectation } from './evaluation/evaluate-expectation.ts'
export { outcomeOf } from './evaluation/outcome-of.ts'
export { toAuthorizationRequest } from './evaluation/to-authorization-request.ts'
export { fillPlaceholders } from './fill-placeholders.ts'
export type { ErratumSpan } from './locate-erratum.ts'
export { locateErratum } from './locate-erratum.ts'
export { printedDocument } from './printed-document.ts'
export type {
  Comparison,
  Decision,
  DocumentVersion,
  Erratum,
  ErratumCategory,
  ErratumLocation,
  ErratumSeverity,
  Expectation,
  ExpectedDiagnostic,
  LiteralPolicy,
  Outcome,
  Placeholder,
  PrintedPart,
  PrintedSample,
  Sample,
  SampleInput,
  SampleKind,
  SampleRequest,
  StatementPointer,
} from './schema.ts'
export {
  comparisonSchema,
  documentVersions,
  erratumCategories,
  erratumLocationSchema,
  erratumSchema,
  erratumSeverities,
  expectationSchema,
  expectedDiagnosticSchema,
  literalPolicySchema,
  outcomes,
  placeholderSchema,
  printedParts,
  printedSampleSchema,
  sampleKinds,
  sampleRequestSchema,
  sampleSchema,
  samplesSchema,
  statementPointerSchema,
} from './schema.ts'
