/**
 * A value that the file a policy was read from fills in only when it is deployed: a
 * CloudFormation intrinsic function (`!Ref Bucket`, `!GetAtt Role.Arn`, a `${Bucket}` of
 * `!Sub`), a Terraform value known only after apply. Readers of such files write it as
 * `{{Ref Bucket}}`, `{{GetAtt Role.Arn}}`, `{{AWS.AccountId}}`: double braces, which neither IAM
 * policy variables (`${aws:username}`) nor ARNs use, and which CloudFormation's own dynamic
 * references (`{{resolve:ssm:name}}`) share.
 *
 * The validator does not judge what such a value will be. Evaluation reads it as unknown and
 * never more permissively than any value it could take (`statementReadability`).
 */
export interface DeployTimeValue {
  /** The text between the braces, such as `Ref Bucket`. */
  readonly name: string
  /** Where `{{` starts in the value. */
  readonly start: number
  /** Just past `}}`. */
  readonly end: number
}

/** Every deploy-time value written in `text`, in order. */
export function deployTimeValues(text: string): DeployTimeValue[] {
  const found: DeployTimeValue[] = []
  let open = text.indexOf('{{')
  while (open >= 0) {
    const close = text.indexOf('}}', open + 2)
    if (close < 0) break
    const name = text.slice(open + 2, close)
    // `{{a{{b}}` holds one value, `{{b}}`: a name never holds a brace
    const inner = Math.max(name.lastIndexOf('{'), name.lastIndexOf('}'))
    if (inner < 0 && name.length > 0) {
      found.push({ name, start: open, end: close + 2 })
      open = text.indexOf('{{', close + 2)
    } else {
      open = text.indexOf('{{', open + 1)
    }
  }
  return found
}

/** Whether `text` holds a deploy-time value (`deployTimeValues`). */
export function holdsDeployTimeValue(text: string): boolean {
  return text.includes('{{') && deployTimeValues(text).length > 0
}
