// #region compile
import { compilePolicies } from '@connect-policy/core'

const policy = JSON.stringify({
  Version: '2012-10-17',
  Statement: [{ Effect: 'Allow', Action: 'connect:Describe*', Resource: '*' }],
})

// Compile once: patterns are compiled and statements indexed by action.
const compiled = compilePolicies({ identityPolicies: [policy] })
if (compiled.errors !== undefined) throw new Error(compiled.errors[0]?.message)

// Evaluate many times; skip the explanation where only the decision matters.
for (const action of ['connect:DescribeUser', 'connect:DeleteUser']) {
  const result = compiled.evaluate({ action, resource: '*' }, { explain: false })
  console.log(`${action}: ${result.decision}`)
}
// Prints:
// connect:DescribeUser: Allow
// connect:DeleteUser: ImplicitDeny
// #endregion compile
