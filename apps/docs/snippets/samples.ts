// #region samples
import { awsCatalog } from '@connect-policy/catalog'
import { evaluateExpectation, samples } from '@connect-policy/samples'

// Decided as AWS decides: with the whole service reference.
const catalog = awsCatalog()

const sample = samples.find((s) => s.id === 'create-user-deny-security-profile')
for (const expectation of sample?.expectations.slice(0, 2) ?? []) {
  if (sample === undefined) break
  const { corrected, printed } = evaluateExpectation(sample, expectation, { catalog })
  console.log(expectation.description)
  console.log(`  documented ${expectation.documented}, corrected policy ${corrected?.outcome}`)
  console.log(`  as printed (original): ${printed.original?.outcome}`)
}
// Prints:
// create a user with the security profile the Deny names (CreateUser is authorized on the user, its security profiles and its routing profile)
//   documented ExplicitDeny, corrected policy ExplicitDeny
//   as printed (original): rejected
// create a user with another security profile
//   documented Allow, corrected policy Allow
//   as printed (original): rejected
// #endregion samples
