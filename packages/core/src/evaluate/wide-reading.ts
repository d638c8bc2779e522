/**
 * Whether a comparison AWS leaves open reads widely in a statement: matching more makes a Deny
 * apply more, or an Allow apply less, where the element is positive and the statement a Deny or
 * the element negated and the statement an Allow. Two things in the policy language are left
 * open this way, and each is read so that the statement grants least:
 * - whether `Resource` and `NotResource` fold case: AWS documents case sensitivity for IAM user
 *   names only (*IAM JSON policy elements: Resource*, "In the Resource element, the IAM user
 *   name is case sensitive"); elsewhere a wide reading also matches the resource in another
 *   case, a narrow one does not;
 * - whether a `*` or `?` that a policy variable substitutes acts as a wildcard (*Variables and
 *   tags* gives `${*}` and `${?}` for literal ones, and says nothing of substituted values): a
 *   wide reading lets it match as a wildcard, a narrow one as itself. In a condition this
 *   concerns the `…Like` and ARN operators, the only ones that read wildcards.
 * Either reading alone would let one statement or the other allow what the other reading denies.
 */
export function readsWidely(deny: boolean, negated: boolean): boolean {
  return deny !== negated
}

/** An IAM user's ARN, whose name AWS documents as case sensitive in `Resource`. */
const iamUser = /^arn:[^:]*:iam::[^:]*:user\//

/** Whether a resource may match in another case under a wide reading: any but an IAM user. */
export function caseFoldable(resource: string): boolean {
  return !iamUser.test(resource)
}
