/**
 * Small files of each kind the sources page reads, in the shapes the tools write them, for its
 * example picker: each holds a mistake the validator finds where the file writes it.
 */
export interface SourceExample {
  readonly id: string
  /** What the picker shows. */
  readonly title: string
  /** The file's name, as messages name it. */
  readonly name: string
  readonly text: string
}

const instance = '3f8c6a21-9d4e-4b7a-8e15-c2a9d07b4f63'

/** A CloudFormation template in YAML with short tags, a misspelt action and a suppression. */
const template = `AWSTemplateFormatVersion: "2010-09-09"
Description: Amazon Connect agents
Parameters:
  InstanceId:
    Type: String
    Default: ${instance}
Resources:
  AgentRole:
    Type: AWS::IAM::Role
    Properties:
      AssumeRolePolicyDocument:
        Version: "2012-10-17"
        Statement:
          - Effect: Allow
            Principal:
              Federated: !Sub "arn:\${AWS::Partition}:iam::\${AWS::AccountId}:saml-provider/AgentsIdP"
            Action: sts:AssumeRoleWithSAML
      Policies:
        - PolicyName: agent-workspace
          PolicyDocument:
            Version: "2012-10-17"
            Statement:
              - Sid: AgentWorkspace
                Effect: Allow
                Action:
                  - connect:DescribeUser
                  - connect:DescribeQueu
                Resource: !Sub "arn:\${AWS::Partition}:connect:\${AWS::Region}:\${AWS::AccountId}:instance/\${InstanceId}/*"
              # connect-policy-ignore: unknown-action -- in preview, not yet in the service reference
              - Sid: AgentAssistPreview
                Effect: Allow
                Action: connect:StartAgentAssistPreview
                Resource: "*"
`

const policy = (statements: readonly object[]) =>
  JSON.stringify({ Version: '2012-10-17', Statement: statements })

const instanceArn = `arn:aws:connect:eu-west-2:111122223333:instance/${instance}`

/**
 * `terraform show -json` of a plan: a policy known now, with a misspelt action, and one that
 * only `terraform apply` will know.
 */
const plan = JSON.stringify(
  {
    format_version: '1.2',
    terraform_version: '1.9.8',
    planned_values: {
      root_module: {
        resources: [
          {
            address: 'aws_iam_policy.connect_readonly',
            mode: 'managed',
            type: 'aws_iam_policy',
            name: 'connect_readonly',
            provider_name: 'registry.terraform.io/hashicorp/aws',
            schema_version: 0,
            values: {
              name: 'ConnectReadOnly',
              path: '/connect/',
              policy: policy([
                {
                  Action: ['connect:ListQueues', 'connect:DescribeInstanc'],
                  Effect: 'Allow',
                  Resource: [instanceArn, `${instanceArn}/*`],
                },
              ]),
            },
            sensitive_values: {},
          },
          {
            address: 'aws_iam_role_policy.recordings',
            mode: 'managed',
            type: 'aws_iam_role_policy',
            name: 'recordings',
            provider_name: 'registry.terraform.io/hashicorp/aws',
            schema_version: 0,
            values: { name: 'recordings', role: 'connect-supervisor' },
            sensitive_values: {},
          },
        ],
      },
    },
    resource_changes: [
      {
        address: 'aws_iam_role_policy.recordings',
        mode: 'managed',
        type: 'aws_iam_role_policy',
        name: 'recordings',
        provider_name: 'registry.terraform.io/hashicorp/aws',
        change: {
          actions: ['create'],
          before: null,
          after: { name: 'recordings', role: 'connect-supervisor' },
          after_unknown: { id: true, policy: true },
          before_sensitive: false,
          after_sensitive: {},
        },
      },
    ],
  },
  null,
  2,
)

/** `aws iam get-account-authorization-details`: a role with an inline policy and a trust policy. */
const account = JSON.stringify(
  {
    UserDetailList: [],
    GroupDetailList: [],
    RoleDetailList: [
      {
        Path: '/',
        RoleName: 'ConnectAgent',
        RoleId: 'AROAEXAMPLEAGENT00001',
        Arn: 'arn:aws:iam::111122223333:role/ConnectAgent',
        CreateDate: '2024-05-20T08:41:07+00:00',
        AssumeRolePolicyDocument: {
          Version: '2012-10-17',
          Statement: [
            {
              Effect: 'Allow',
              Principal: { Federated: 'arn:aws:iam::111122223333:saml-provider/AgentsIdP' },
              Action: 'sts:AssumeRoleWithSAML',
            },
          ],
        },
        InstanceProfileList: [],
        RolePolicyList: [
          {
            PolicyName: 'AgentWorkspace',
            PolicyDocument: {
              Version: '2012-10-17',
              Statement: [
                {
                  Sid: 'AgentWorkspace',
                  Effect: 'Allow',
                  Action: ['connect:GetCurrentUserDat', 'connect:DescribeUser'],
                  Resource: `${instanceArn}/*`,
                },
              ],
            },
          },
        ],
        AttachedManagedPolicies: [],
        Tags: [],
        RoleLastUsed: {},
      },
    ],
    Policies: [],
  },
  null,
  4,
)

export const sourceExamples: readonly SourceExample[] = [
  {
    id: 'cloudformation',
    title: 'CloudFormation template (YAML)',
    name: 'connect-agents.yaml',
    text: template,
  },
  {
    id: 'terraform-plan',
    title: 'Terraform plan (terraform show -json)',
    name: 'plan.json',
    text: `${plan}\n`,
  },
  {
    id: 'account',
    title: 'Account export (get-account-authorization-details)',
    name: 'authorization-details.json',
    text: `${account}\n`,
  },
]
