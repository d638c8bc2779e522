// #region describe
import { awsCatalog } from '@connect-policy/catalog'
import { describePolicy, parsePolicy } from '@connect-policy/core'

const { policy } = parsePolicy(
  JSON.stringify({
    Version: '2012-10-17',
    Statement: [
      {
        Effect: 'Allow',
        Action: ['connect:StartContactRecording', 'connect:StopContactRecording'],
        Resource:
          'arn:aws:connect:us-west-2:123456789012:instance/00fbeee1-123e-111e-93e3-11111bfbfcc1/contact/*',
        Condition: { StringEquals: { 'aws:ResourceTag/Team': 'support' } },
      },
    ],
  }),
)
if (policy !== undefined) {
  const description = describePolicy(policy, { catalog: awsCatalog() })
  console.log(description.errors === undefined ? description.text : description.errors[0]?.message)
}
// Prints:
// Statement #0 allows 2 Amazon Connect actions (Write: StartContactRecording and StopContactRecording) on Amazon Connect contact resources in account 123456789012, us-west-2: `arn:aws:connect:us-west-2:123456789012:instance/00fbeee1-123e-111e-93e3-11111bfbfcc1/contact/*` when `aws:ResourceTag/Team` is `support`. Anything no statement allows is denied by default.
// #endregion describe
