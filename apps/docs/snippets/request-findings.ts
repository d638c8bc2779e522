// #region findings
import { awsCatalog } from '@connect-policy/catalog'
import { evaluate } from '@connect-policy/core'

const instance =
  'arn:aws:connect:us-east-1:123456789012:instance/00fbeee1-123e-111e-93e3-11111bfbfcc1'
const policy = JSON.stringify({
  Version: '2012-10-17',
  Statement: [{ Effect: 'Allow', Action: 'connect:*', Resource: `${instance}/*` }],
})

// With the service reference, the decision comes with what makes the request one AWS would not
// be asked as given: a misspelt action, a resource the action needs left out.
const catalog = awsCatalog()
for (const action of ['connect:DescribeUsr', 'connect:CreateUser']) {
  const request = { action, resource: `${instance}/agent/new-user` }
  const result = evaluate(request, { identityPolicies: [policy] }, { catalog })
  if (result.errors !== undefined) throw new Error(result.errors[0]?.message)
  for (const finding of result.findings) {
    const meant = finding.suggestion === undefined ? '' : ` (did you mean ${finding.suggestion})`
    console.log(`${action}: ${result.decision}, ${finding.code}${meant}`)
  }
}
// Prints:
// connect:DescribeUsr: Allow, unknown-action (did you mean connect:DescribeUser)
// connect:CreateUser: Allow, missing-required-resource
// #endregion findings
