// #region audit
import { auditPolicySet } from '@connect-policy/audit'
import { awsCatalog } from '@connect-policy/catalog'

const policy = JSON.stringify({
  Version: '2012-10-17',
  Statement: [
    {
      Effect: 'Allow',
      Action: ['connect:Describe*', 'connect:UpdateUserIdentityInfo'],
      Resource:
        'arn:aws:connect:us-west-2:123456789012:instance/00fbeee1-123e-111e-93e3-11111bfbfcc1/*',
    },
  ],
})
const report = auditPolicySet(
  { identityPolicies: [policy] },
  { catalog: awsCatalog(), instances: ['00fbeee1-123e-111e-93e3-11111bfbfcc1'] },
)
if (report.errors === undefined) {
  for (const finding of report.findings) console.log(finding.severity, finding.code)
  console.log(report.checks.filter((check) => check.status === 'pass').length, 'checks passed')
}
// Prints:
// high user-identity-takeover
// medium contact-data-access
// 16 checks passed
// #endregion audit
