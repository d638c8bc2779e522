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
  if (description.errors === undefined) {
    for (const statement of description.statements) console.log(statement.text)
    console.log(description.effective?.text)
  }
}
// Prints:
// Statement #0 allows 2 Amazon Connect actions (Write: StartContactRecording and StopContactRecording) on Amazon Connect contact resources in account 123456789012, us-west-2: `arn:aws:connect:us-west-2:123456789012:instance/00fbeee1-123e-111e-93e3-11111bfbfcc1/contact/*` when `aws:ResourceTag/Team` is `support`.
// In effect, after its Denies and against the service reference, it allows 2 actions of 1 service. Amazon Connect, Write: `connect:StartContactRecording`, `connect:StopContactRecording` on `connect:contact` resources matching `arn:aws:connect:us-west-2:123456789012:instance/00fbeee1-123e-111e-93e3-11111bfbfcc1/contact/*` when `aws:ResourceTag/Team` = `support` (for example `connect:StartContactRecording` on `arn:aws:connect:us-west-2:123456789012:instance/00fbeee1-123e-111e-93e3-11111bfbfcc1/contact/60888076-5f88-45e8-8658-648886c26488`).
// #endregion describe
