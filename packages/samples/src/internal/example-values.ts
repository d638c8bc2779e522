/**
 * Example values shared by the samples. The account ID is the one AWS documentation uses; the
 * instance ID is the one the page itself prints in its prose.
 */

/** The account that owns every example resource. */
export const account = '123456789012'
/** An account that owns none of them. */
export const otherAccount = '210987654321'
/** The Amazon Connect instance the page names in its prose. */
export const instanceId = '00fbeee1-123e-111e-93e3-11111bfbfcc1'
/** Another instance of the same account. */
export const otherInstanceId = '00fbeee1-123e-111e-93e3-22222bfbfcc2'

/** The ARN of an Amazon Connect instance. */
export function instanceArn(
  id: string = instanceId,
  region = 'us-west-2',
  accountId: string = account,
): string {
  return `arn:aws:connect:${region}:${accountId}:instance/${id}`
}

/** A contact (its ID is made up per call by Amazon Connect; this one is an example). */
export const contactId = '5a8d1c3e-2b4f-4e6a-9c7d-0f1e2a3b4c5d'
/** A user (agent) of the instance. */
export const userId = '00dcddd1-123e-111e-93e3-11111bfbfcc1'
/** A user about to be created. */
export const newUserId = '9b0e7f6a-5d4c-4b3a-8f2e-1d0c9b8a7f6e'
/** A security profile other than the one the CreateUser example denies. */
export const securityProfileId = '11dcccc2-123e-111e-93e3-11111bfbfcc2'
/** A routing profile. */
export const routingProfileId = '33deeee3-123e-111e-93e3-11111bfbfcc3'
/** A hierarchy group (`agent-group` in ARNs). */
export const hierarchyGroupId = '44dffff4-123e-111e-93e3-11111bfbfcc4'
/** A queue. */
export const queueId = '66daaaa6-123e-111e-93e3-11111bfbfcc6'
/** A flow (`contact-flow` in ARNs). */
export const contactFlowId = '77dbbbb7-123e-111e-93e3-11111bfbfcc7'
