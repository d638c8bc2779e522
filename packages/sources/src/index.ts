// The package's surface: reading the files people keep policies in, positioning findings in
// them, and what CI needs around that (fingerprints, baselines, suppressions).

export type {
  PrincipalAccess,
  PrincipalAccessOptions,
  PrincipalPolicySet,
} from './account/principal-access.ts'
export { principalAccess, principalPolicySet } from './account/principal-access.ts'
export { fingerprint } from './findings/fingerprint.ts'
export { type LineSuppression, suppressionMarker } from './findings/suppressions.ts'
export type { ResourceSuppression, TerraformModule } from './findings/terraform-suppressions.ts'
export { terraformSuppressions } from './findings/terraform-suppressions.ts'
export type {
  SourceFinding,
  SourceValidation,
  ValidateSourceOptions,
} from './findings/validate-source.ts'
export { validateSource } from './findings/validate-source.ts'
export type { AccountPrincipal, PrincipalKind } from './formats/account.ts'
export { principalKinds } from './formats/account.ts'
export type { TemplateValues } from './formats/cloudformation-values.ts'
export type {
  FoundPolicy,
  SourceFormat,
  SourceProblem,
  SourceProblemCode,
} from './formats/found-policy.ts'
export { sourceFormatNames, sourceFormats, sourceProblemCodes } from './formats/found-policy.ts'
export type { Projection, SourceStretch } from './project/projection.ts'
export type { ReadSource, ReadSourceOptions, SourceFile } from './read-source.ts'
export { readSource } from './read-source.ts'
export type { SourceComment } from './tree/read-yaml.ts'
