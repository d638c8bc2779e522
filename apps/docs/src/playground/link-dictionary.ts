/**
 * The preset dictionary of the playground's links (RFC 1951 allows one to precede the data): text
 * that policies and requests share, so that even a short policy compresses well. Links made with
 * it must keep opening, so this text is never edited: a new dictionary gets a new hash key.
 * Deflate reaches back 32 KiB and codes near distances shorter, so the commonest text comes last.
 */
export const linkDictionaryV1 = [
  'ForAllValues:ForAnyValue:IfExistsNullBoolDateGreaterThanDateLessThanNumericEqualsNumericLessThan',
  'IpAddressNotIpAddressBinaryEqualsStringNotEqualsStringNotLikeArnNotLikeArnNotEqualsArnEquals',
  '"aws:SourceAccount""aws:SourceArn""aws:PrincipalOrgID""aws:PrincipalArn""aws:PrincipalTag/',
  '"aws:RequestTag/""aws:TagKeys""aws:ResourceTag/""aws:SecureTransport""aws:SourceIp""aws:userid"',
  '"connect:InstanceId""connect:StorageResourceType""connect:UserId""connect:SearchTag/',
  'voiceid:profile:wisdom:app-integrations:cases:connect-campaigns:customer-profiles:',
  'arn:aws:iam::123456789012:role/arn:aws:iam::123456789012:user/arn:aws:iam::aws:policy/',
  'arn:aws:s3:::arn:aws:kms:us-east-1:123456789012:key/arn:aws:ds:us-east-1:123456789012:directory/',
  'arn:aws:connect:us-east-1:123456789012:instance/00fbeee1-123e-111e-93e3-11111bfbfcc1',
  '/agent/*/routing-profile/*/security-profile/*/queue/*/contact-flow/*/phone-number/*/contact/*',
  '/transfer-destination/*/hierarchy-group/*/user/*/prompt/*/quick-connect/*/hours-of-operation/*',
  'connect:ListInstancesconnect:DescribeInstanceconnect:CreateUserconnect:UpdateUserSecurityProfiles',
  'connect:DeleteUserconnect:DescribeUserconnect:ListUsersconnect:StartOutboundVoiceContact',
  'connect:StartContactRecordingconnect:StopContactRecordingconnect:DescribeContact',
  'iam:PassRoleds:DescribeDirectoriess3:GetObjects3:PutObjectkms:Decryptsts:AssumeRole',
  '"Principal": {"Service": "connect.amazonaws.com"}, "AWS": "arn:aws:iam::123456789012:root"',
  '"Condition": {"StringEquals": {"StringLike": {"ArnLike": {"Bool": {"aws:ResourceTag/Team": ',
  '"NotAction": "NotResource": "Principal": "NotPrincipal": "Condition": "Sid": "Deny"',
  '{"Version": "2012-10-17", "Statement": [{"Sid": "',
  '"Effect": "Allow", "Action": ["connect:',
  '"Resource": "arn:aws:connect:us-east-1:123456789012:instance/*"}]}',
  '{\n  "Version": "2012-10-17",\n  "Statement": [\n    {\n      "Sid": "',
  '",\n      "Effect": "Allow",\n      "Action": [\n        "connect:',
  '",\n        "connect:',
  '"\n      ],\n      "Resource": "arn:aws:connect:us-east-1:123456789012:instance/',
  '"\n    }\n  ]\n}',
  '[[["identity","{\\n  \\"Version\\": \\"2012-10-17\\",\\n  \\"Statement\\": [\\n    {\\n      \\"',
  'Effect\\": \\"Allow\\",\\n      \\"Action\\": [\\n        \\"connect:',
  '\\",\\n        \\"connect:',
  '\\"\\n      ],\\n      \\"Resource\\": \\"arn:aws:connect:us-east-1:123456789012:instance/',
  '\\"\\n    }\\n  ]\\n}"]],0,"connect:',
].join('')
