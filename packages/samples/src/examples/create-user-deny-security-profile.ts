import { canonicalJson } from '../internal/canonical-json.ts'
import {
  hierarchyGroupId,
  instanceArn,
  newUserId,
  otherInstanceId,
  routingProfileId,
  securityProfileId,
  userId,
} from '../internal/example-values.ts'
import { lines } from '../internal/lines.ts'
import type { SampleInput } from '../schema.ts'

const instance = instanceArn()
/** The security profile the Deny names, with a well-formed ID. */
const deniedProfileId = '11dcccc1-123e-111e-93e3-11111bfbfcc1'
const deniedProfile = `${instance}/security-profile/${deniedProfileId}`
const otherProfile = `${instance}/security-profile/${securityProfileId}`
const newUser = `${instance}/agent/${newUserId}`
const routingProfile = `${instance}/routing-profile/${routingProfileId}`
const rejected = { original: 'rejected', revised: 'rejected' } as const

/** Allow creating users, except with one security profile. */
export const createUserDenySecurityProfile = {
  id: 'create-user-deny-security-profile',
  title: 'Allow creating users, but not with one security profile',
  kind: 'policy',
  services: ['connect'],
  description:
    'Allows `CreateUser` on every resource and denies it on one security profile. Amazon Connect authorizes `CreateUser` against the new user, each of its security profiles, its routing profile and its hierarchy group, so the Deny blocks exactly the calls that give the new user that security profile. Both printings have trailing commas, so AWS refuses the text, and the Deny names an instance ID with one digit too many.',
  printed: {
    original: {
      heading: 'Allow "create users" but deny if you\'re assigned to a specific security profile',
      prose:
        'The following sample policy allows "create users" but explicitly denies using arn:aws:connect:us-west-2:123456789012:instance/00fbeee1-123e-111e-93e3-11111bfbfcc1/security-profile/11dtcggg1-123e-111e-93e3-11111bfbfcc17 as the parameter for security profile in CreateUser request.',
      text: '{ "Version": "2012-10-17", "Statement": [ { "Effect": "Allow", "Action": [ "connect:CreateUser" ], "Resource": "*", }, { "Effect": "Deny", "Action": [ "connect:CreateUser" ], "Resource": "arn:aws:connect:us-west-2:123456789012:instance/00fbeee1-123e-111e-93e3-11111bfbfcc17/security-profile/11dtcggg1-123e-111e-93e3-11111bfbfcc17", } ] }',
      expectedDiagnostics: [
        { code: 'trailing-comma', line: 1, column: 115 },
        { code: 'trailing-comma', line: 1, column: 331 },
      ],
    },
    revised: {
      heading: 'Allow "create users" but deny if you\'re assigned to a specific security profile',
      prose:
        'The following sample policy allows "create users" but explicitly denies using arn:aws:connect:us-west-2:123456789012:instance/00fbeee1-123e-111e-93e3-11111bfbfcc1/security-profile/11dtcggg1-123e-111e-93e3-11111bfbfcc17 as the parameter for security profile in CreateUser request.',
      text: lines(
        '{',
        '    "Version": "2012-10-17",',
        '    "Statement": [',
        '        {',
        '            "Effect": "Allow",        ',
        '            "Action": [',
        '                "connect:CreateUser"',
        '             ],',
        '            "Resource": "*",',
        '        },',
        '        {',
        '            "Effect": "Deny",',
        '            "Action": [',
        '                "connect:CreateUser"',
        '             ],',
        '            "Resource": "arn:aws:connect:us-west-2:123456789012:instance/00fbeee1-123e-111e-93e3-11111bfbfcc17/security-profile/11dtcggg1-123e-111e-93e3-11111bfbfcc17",',
        '        } ',
        '    ]',
        '}',
      ),
      expectedDiagnostics: [
        { code: 'trailing-comma', line: 9, column: 28 },
        { code: 'trailing-comma', line: 16, column: 168 },
      ],
    },
  },
  comparison: { unchanged: ['heading', 'prose'], whitespaceOnly: ['text'] },
  corrected: canonicalJson({
    Version: '2012-10-17',
    Statement: [
      { Effect: 'Allow', Action: ['connect:CreateUser'], Resource: '*' },
      { Effect: 'Deny', Action: ['connect:CreateUser'], Resource: deniedProfile },
    ],
  }),
  placeholders: [
    {
      text: '11dtcggg1-123e-111e-93e3-11111bfbfcc17',
      meaning:
        'the ID of the security profile new users must not get; as printed it is not a well-formed ID',
      replacement: deniedProfileId,
    },
  ],
  errata: [
    {
      id: 'trailing-comma-after-allow-resource',
      versions: ['original', 'revised'],
      category: 'json-syntax',
      severity: 'error',
      what: 'a trailing comma after the Resource of the Allow statement',
      where: { part: 'text', text: '"Resource": "*",' },
      why: 'JSON allows no comma before a closing brace; IAM refuses the document as malformed',
      fix: 'remove the comma',
      reference: 'IAM User Guide: Grammar of the IAM JSON policy language',
      findings: ['trailing-comma'],
    },
    {
      id: 'trailing-comma-after-deny-resource',
      versions: ['original', 'revised'],
      category: 'json-syntax',
      severity: 'error',
      what: 'a trailing comma after the Resource of the Deny statement',
      where: { part: 'text', text: '11111bfbfcc17",' },
      why: 'JSON allows no comma before a closing brace; IAM refuses the document as malformed',
      fix: 'remove the comma',
      reference: 'IAM User Guide: Grammar of the IAM JSON policy language',
      findings: ['trailing-comma'],
    },
    {
      id: 'deny-instance-id-extra-digit',
      versions: ['original', 'revised'],
      category: 'example-value',
      severity: 'error',
      what: 'the Deny names instance `…11111bfbfcc17`, the prose instance `…11111bfbfcc1`',
      where: { part: 'text', text: 'instance/00fbeee1-123e-111e-93e3-11111bfbfcc17/' },
      why: 'the last group of the instance ID has 13 digits instead of 12, so no real instance has it. Once the commas are fixed, the Deny still never matches the security profile the prose names, and the Allow on `*` lets users be created with it.',
      fix: 'use the instance ID of the prose, `00fbeee1-123e-111e-93e3-11111bfbfcc1`',
      findings: ['invalid-connect-id'],
    },
    {
      id: 'security-profile-id-not-uuid',
      versions: ['original', 'revised'],
      category: 'example-value',
      severity: 'info',
      what: 'the security profile ID is not a well-formed ID',
      where: { part: 'text', text: 'security-profile/11dtcggg1-123e-111e-93e3-11111bfbfcc17' },
      why: 'security profile IDs are UUIDs (8-4-4-4-12 hexadecimal digits); `11dtcggg1` has nine characters including `t` and `g`, and the last group has 13 digits',
      fix: `use a well-formed ID, such as \`${deniedProfileId}\``,
      findings: ['invalid-connect-id'],
    },
    {
      id: 'instance-in-two-regions',
      versions: ['original', 'revised'],
      category: 'example-value',
      severity: 'info',
      what: 'the page puts the same instance ID in two Regions',
      where: {
        part: 'prose',
        text: 'us-west-2:123456789012:instance/00fbeee1-123e-111e-93e3-11111bfbfcc1/',
      },
      why: 'the first example names instance `00fbeee1-123e-111e-93e3-11111bfbfcc1` in us-east-1, this one in us-west-2; an instance belongs to one Region, so the two examples cannot be about the same instance',
      fix: 'use one Region for the instance throughout the page',
    },
    {
      id: 'heading-says-you-are-assigned',
      versions: ['original', 'revised'],
      category: 'prose',
      severity: 'warning',
      what: 'the heading says the Deny applies if you are assigned to the security profile',
      where: { part: 'heading', text: "deny if you're assigned to a specific security profile" },
      why: 'the Deny is about the security profile given to the new user in the CreateUser request, as the prose says, not about a security profile of the caller; IAM does not see the caller’s Amazon Connect security profiles',
      fix: 'title it "Allow creating users, but not with a specific security profile"',
    },
    {
      id: 'allow-on-every-resource',
      versions: ['original', 'revised'],
      category: 'resource',
      severity: 'info',
      what: 'the Allow names every resource',
      where: { part: 'text', text: '"Resource": "*"' },
      why: 'with `*` the caller can create users in every instance of the account, in every Region, with any routing profile, hierarchy group and other security profile; only the one profile is excluded',
      fix: 'if users should be created in one instance only, allow `arn:aws:connect:us-west-2:123456789012:instance/00fbeee1-123e-111e-93e3-11111bfbfcc1/*`',
      reference: 'Service Authorization Reference: Amazon Connect (CreateUser)',
    },
  ],
  expectations: [
    {
      description:
        'create a user with the security profile the Deny names (CreateUser is authorized on the user, its security profiles and its routing profile)',
      request: { action: 'connect:CreateUser', resource: [newUser, deniedProfile, routingProfile] },
      documented: 'ExplicitDeny',
      printed: rejected,
      deciding: { statementIndex: 1 },
    },
    {
      description: 'create a user with another security profile',
      request: { action: 'connect:CreateUser', resource: [newUser, otherProfile, routingProfile] },
      documented: 'Allow',
      printed: rejected,
      deciding: { statementIndex: 0 },
    },
    {
      description: 'create a user with two security profiles, one of them the denied one',
      request: {
        action: 'connect:CreateUser',
        resource: [newUser, otherProfile, deniedProfile, routingProfile],
      },
      documented: 'ExplicitDeny',
      printed: rejected,
      deciding: { statementIndex: 1 },
    },
    {
      description: 'create a user with another security profile and a hierarchy group',
      request: {
        action: 'connect:CreateUser',
        resource: [
          newUser,
          otherProfile,
          routingProfile,
          `${instance}/agent-group/${hierarchyGroupId}`,
        ],
      },
      documented: 'Allow',
      printed: rejected,
      deciding: { statementIndex: 0 },
    },
    {
      description:
        'create a user in another instance, with a security profile whose ID equals the denied one',
      request: {
        action: 'connect:CreateUser',
        resource: [
          `${instanceArn(otherInstanceId)}/agent/${newUserId}`,
          `${instanceArn(otherInstanceId)}/security-profile/${deniedProfileId}`,
          `${instanceArn(otherInstanceId)}/routing-profile/${routingProfileId}`,
        ],
      },
      documented: 'Allow',
      printed: rejected,
      deciding: { statementIndex: 0 },
    },
    {
      description: 'delete a user: only CreateUser is allowed',
      request: { action: 'connect:DeleteUser', resource: `${instance}/agent/${userId}` },
      documented: 'ImplicitDeny',
      printed: rejected,
    },
    {
      description:
        'give an existing user the denied security profile: not allowed, since only CreateUser is',
      request: {
        action: 'connect:UpdateUserSecurityProfiles',
        resource: [`${instance}/agent/${userId}`, deniedProfile],
      },
      documented: 'ImplicitDeny',
      printed: rejected,
    },
  ],
} satisfies SampleInput
