import type { ConditionKeyType } from '../catalog/index.ts'
import type { OperatorFamilyName } from '../evaluate/index.ts'
import type { FindingSeverity } from './finding.ts'

/**
 * Which operator families suit which key types (*Condition operators*; *AWS global condition
 * context keys*). String operators also read ARNs, as AWS allows; anything else is a mismatch,
 * an `error` when the operator cannot read the key's values at all.
 */
const suited: Record<OperatorFamilyName, readonly string[]> = {
  String: ['String', 'ARN'],
  Arn: ['ARN'],
  Numeric: ['Numeric'],
  Date: ['Date'],
  Bool: ['Bool'],
  Binary: ['Binary'],
  IpAddress: ['IPAddress'],
  Null: [],
}

/** The element type of a key type: `ArrayOfString` holds `String`s. */
export function elementType(type: ConditionKeyType): string {
  return type.startsWith('ArrayOf') ? type.slice('ArrayOf'.length) : type
}

/** How bad it is to use `family` on a key of `type`, or undefined when it suits. */
export function mismatch(
  family: OperatorFamilyName,
  type: ConditionKeyType,
  key: string,
): FindingSeverity | undefined {
  if (family === 'Null') return undefined
  const element = elementType(type)
  if (suited[family].includes(element)) return undefined
  // aws:EpochTime is documented as Date or Numeric
  if (family === 'Numeric' && key.toLowerCase() === 'aws:epochtime') return undefined
  // Boolean values reach conditions as the text `true` or `false`, which String operators match
  if (family === 'String' && element === 'Bool') return undefined
  // keys named for an ARN but typed String by the reference hold ARNs: AWS's own examples
  // compare `kms:EncryptionContext:aws:logs:arn` and `aws:SourceVpcArn` with ArnLike
  if (family === 'Arn' && element === 'String' && /arn$/i.test(key)) return undefined
  // ARN values are strings; String operators on other types compare their text
  if (family === 'String' || (family === 'Arn' && element === 'String')) return 'warning'
  return 'error'
}

/**
 * Keys present in every request (*AWS global condition context keys*, availability). Not
 * `aws:PrincipalIsAWSService`: unsigned (anonymous) requests lack it, which is why IAM Access
 * Analyzer itself recommends `BoolIfExists` on it for resource control policies.
 */
export const alwaysPresentKeys = new Set([
  'aws:currenttime',
  'aws:epochtime',
  'aws:securetransport',
  'aws:requestedregion',
  'aws:useragent',
  'aws:viaawsservice',
])

/** Keys whose values are account IDs. */
export const accountKeys = new Set([
  'aws:principalaccount',
  'aws:sourceaccount',
  'aws:resourceaccount',
  'aws:vpceaccount',
])
