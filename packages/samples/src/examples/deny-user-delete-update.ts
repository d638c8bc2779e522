import { canonicalJson } from '../internal/canonical-json.ts'
import {
  hierarchyGroupId,
  instanceArn,
  instanceId,
  otherInstanceId,
  securityProfileId,
  userId,
} from '../internal/example-values.ts'
import { lines } from '../internal/lines.ts'
import type { SampleInput } from '../schema.ts'

const instance = instanceArn(instanceId, 'us-east-1')
const user = `${instance}/agent/${userId}`

/** Deny deleting and updating the users of one instance. */
export const denyUserDeleteUpdate = {
  id: 'deny-user-delete-update',
  title: 'Deny deleting and updating users of one instance',
  kind: 'policy',
  services: ['connect'],
  description:
    'A single Deny statement on every user ARN of one instance (`…/agent/*`) for `DeleteUser` and every action whose name starts with `UpdateUser`. It grants nothing by itself: it is meant to sit next to policies that allow, and to win over them for users of that instance.',
  printed: {
    original: {
      heading: 'Deny the "delete" and "update" actions',
      prose:
        'This following sample policy denies the "delete" and "update" actions for users in one Amazon Connect instance. It uses a wild card at the end of the Amazon Connect user ARN so that "delete user" and "update user" are denied on the full user ARN (that is, all Amazon Connect users in the provided instance, such as arn:aws:connect:us-east-1:123456789012:instance/00fbeee1-123e-111e-93e3-11111bfbfcc1/agent/00dtcddd1-123e-111e-93e3-11111bfbfcc1).',
      text: '{ "Version": "2012-10-17", "Statement": [ { "Effect": "Deny", "Action": [ "connect:DeleteUser", "connect:UpdateUser*" ], "Resource": "arn:aws:connect:us-east-1:123456789012:instance/00fbeee1-123e-111e-93e3-11111bfbfcc1/agent/*" } ] }',
      expectedDiagnostics: [],
    },
    revised: {
      heading: 'Deny the "delete" and "update" actions',
      prose:
        'This following sample policy denies the "delete" and "update" actions for users in one Amazon Connect instance. It uses a wild card at the end of the Amazon Connect user ARN so that "delete user" and "update user" are denied on the full user ARN (that is, all Amazon Connect users in the provided instance, such as arn:aws:connect:us-east-1:123456789012:instance/00fbeee1-123e-111e-93e3-11111bfbfcc1/agent/00dtcddd1-123e-111e-93e3-11111bfbfcc1).',
      text: lines(
        '{',
        '    "Version": "2012-10-17",',
        '    "Statement": [',
        '        {',
        '            "Effect": "Deny",',
        '            "Action": [',
        '                "connect:DeleteUser",',
        '                "connect:UpdateUser*"',
        '            ],',
        '            "Resource": "arn:aws:connect:us-east-1:123456789012:instance/00fbeee1-123e-111e-93e3-11111bfbfcc1/agent/*"',
        '        }',
        '    ]',
        '}',
      ),
      expectedDiagnostics: [],
    },
  },
  comparison: { unchanged: ['heading', 'prose'], whitespaceOnly: ['text'] },
  corrected: canonicalJson({
    Version: '2012-10-17',
    Statement: [
      {
        Effect: 'Deny',
        Action: ['connect:DeleteUser', 'connect:UpdateUser*'],
        Resource: `${instance}/agent/*`,
      },
    ],
  }),
  placeholders: [],
  errata: [
    {
      id: 'this-following',
      versions: ['original', 'revised'],
      category: 'prose',
      severity: 'info',
      what: '"This following sample policy"',
      where: { part: 'prose', text: 'This following sample policy' },
      why: 'a slip of the pen',
      fix: 'write "The following sample policy"',
    },
    {
      id: 'example-user-id-not-uuid',
      versions: ['original', 'revised'],
      category: 'example-value',
      severity: 'info',
      what: 'the example user ID is not a valid ID',
      where: { part: 'prose', text: '00dtcddd1-123e-111e-93e3-11111bfbfcc1' },
      why: 'Amazon Connect user IDs are UUIDs (8-4-4-4-12 hexadecimal digits); `00dtcddd1` has nine characters and a `t`',
      fix: `use a well-formed ID, such as \`${userId}\``,
    },
    {
      id: 'update-user-wildcard-reaches-other-resources',
      versions: ['original', 'revised'],
      category: 'action',
      severity: 'info',
      what: '`connect:UpdateUser*` also names two actions that do not act on users',
      where: { part: 'text', text: '"connect:UpdateUser*"' },
      why: 'besides the user updates (UpdateUserHierarchy, UpdateUserIdentityInfo, UpdateUserPhoneConfig, UpdateUserRoutingProfile, UpdateUserSecurityProfiles, UpdateUserProficiencies, UpdateUserNotificationStatus), the pattern matches UpdateUserHierarchyGroupName, authorized on a hierarchy group, and UpdateUserHierarchyStructure, authorized on the instance. The Resource names only user ARNs, so those two are not denied; the pattern reads broader than what it denies.',
      fix: 'none needed for users; to deny renaming hierarchy groups or changing the hierarchy structure too, add their resources (`…/agent-group/*`, the instance ARN) in a separate statement',
      reference: 'Service Authorization Reference: Amazon Connect',
      findings: ['action-pattern-partly-applies'],
    },
    {
      id: 'other-user-changes-not-denied',
      versions: ['original', 'revised'],
      category: 'action',
      severity: 'info',
      what: 'some changes to a user are made by actions that are not named `DeleteUser` or `UpdateUser*`',
      where: { part: 'text', text: '"connect:DeleteUser"' },
      why: 'AssociateUserProficiencies, DisassociateUserProficiencies and PutUserStatus are also authorized on the user ARN and change the user; they stay outside this Deny',
      fix: 'add them to the Action list if every change to the users of the instance must be denied',
      reference: 'Service Authorization Reference: Amazon Connect',
    },
  ],
  expectations: [
    {
      description: 'delete a user of the instance',
      request: { action: 'connect:DeleteUser', resource: user },
      documented: 'ExplicitDeny',
      deciding: { statementIndex: 0 },
    },
    {
      description: 'action names are case-insensitive: `connect:deleteuser` is denied too',
      request: { action: 'connect:deleteuser', resource: user },
      documented: 'ExplicitDeny',
      deciding: { statementIndex: 0 },
    },
    {
      description: "change a user's name and email (UpdateUserIdentityInfo)",
      request: { action: 'connect:UpdateUserIdentityInfo', resource: user },
      documented: 'ExplicitDeny',
      deciding: { statementIndex: 0 },
    },
    {
      description: "change a user's phone settings (UpdateUserPhoneConfig)",
      request: { action: 'connect:UpdateUserPhoneConfig', resource: user },
      documented: 'ExplicitDeny',
      deciding: { statementIndex: 0 },
    },
    {
      description:
        "change a user's security profiles: authorized on the user and the profile, denied because the user is",
      request: {
        action: 'connect:UpdateUserSecurityProfiles',
        resource: [user, `${instance}/security-profile/${securityProfileId}`],
      },
      documented: 'ExplicitDeny',
      deciding: { statementIndex: 0 },
    },
    {
      description: 'move a user to another hierarchy group',
      request: {
        action: 'connect:UpdateUserHierarchy',
        resource: [user, `${instance}/agent-group/${hierarchyGroupId}`],
      },
      documented: 'ExplicitDeny',
      deciding: { statementIndex: 0 },
    },
    {
      description:
        'delete a user of another instance: not denied, and nothing here allows it either',
      request: {
        action: 'connect:DeleteUser',
        resource: `${instanceArn(otherInstanceId, 'us-east-1')}/agent/${userId}`,
      },
      documented: 'ImplicitDeny',
    },
    {
      description: 'delete a user of an instance with the same ID in another Region',
      request: {
        action: 'connect:DeleteUser',
        resource: `${instanceArn(instanceId, 'us-west-2')}/agent/${userId}`,
      },
      documented: 'ImplicitDeny',
    },
    {
      description: 'read a user: not among the denied actions, and not allowed either',
      request: { action: 'connect:DescribeUser', resource: user },
      documented: 'ImplicitDeny',
    },
    {
      description:
        'rename a hierarchy group: the action matches `UpdateUser*` but its resource is not a user',
      request: {
        action: 'connect:UpdateUserHierarchyGroupName',
        resource: `${instance}/agent-group/${hierarchyGroupId}`,
      },
      documented: 'ImplicitDeny',
    },
  ],
} satisfies SampleInput
