// #region evaluate
import { evaluate } from '@connect-policy/core'

const instance =
  'arn:aws:connect:us-east-1:123456789012:instance/00fbeee1-123e-111e-93e3-11111bfbfcc1'
const deniedProfile = `${instance}/security-profile/11dcccc1-123e-111e-93e3-11111bfbfcc1`
const policy = JSON.stringify({
  Version: '2012-10-17',
  Statement: [
    { Effect: 'Allow', Action: 'connect:CreateUser', Resource: '*' },
    {
      Sid: 'NotThatProfile',
      Effect: 'Deny',
      Action: 'connect:CreateUser',
      Resource: deniedProfile,
    },
  ],
})

// CreateUser is authorized against the new user, its security profiles and its routing profile.
const result = evaluate(
  {
    action: 'connect:CreateUser',
    resource: [`${instance}/agent/new-user`, deniedProfile, `${instance}/routing-profile/basic`],
  },
  { identityPolicies: [policy] },
)
if (result.errors !== undefined) throw new Error(result.errors[0]?.message)
console.log(result.decision)
console.log(result.explanation.deciding.map((statement) => statement.sid).join(', '))
for (const resource of result.explanation.resources) {
  console.log(`${resource.decision}: ${resource.reason}`)
}
// Prints:
// ExplicitDeny
// NotThatProfile
// Allow: allowed by `identityPolicies[0]` statement #0
// ExplicitDeny: explicitly denied by `identityPolicies[0]` statement NotThatProfile
// Allow: allowed by `identityPolicies[0]` statement #0
// #endregion evaluate
