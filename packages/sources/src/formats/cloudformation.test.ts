import { awsCatalog } from '@connect-policy/catalog'
import { describe, expect, it } from 'vitest'
import { validateSource } from '../findings/validate-source.ts'
import { readSource } from '../read-source.ts'
import {
  type Deliberate,
  expectDeliberate,
  expectDeliberateErrors,
  expectPositionsOf,
} from '../testing/deliberate.ts'
import { covered, lineAndColumn, testFile } from '../testing/test-files.ts'
import { managedPolicyYaml, templateYaml } from '../testing/yaml-templates.ts'

const catalog = awsCatalog()

/** The policies of `connect-agents.yaml` and `.json`: path, label and what each is attached as. */
const templatePolicies = [
  [
    'Resources.AgentRole.Properties.AssumeRolePolicyDocument',
    'AgentRole: trust policy',
    'resource',
  ],
  [
    'Resources.AgentRole.Properties.Policies[0].PolicyDocument',
    'AgentRole: inline policy agent-workspace',
    'identity',
  ],
  [
    'Resources.AgentRole.Properties.Policies[1].PolicyDocument',
    'AgentRole: inline policy agent-recordings',
    'identity',
  ],
  [
    'Resources.AgentReadOnlyPolicy.Properties.PolicyDocument',
    'AgentReadOnlyPolicy: policy AgentReadOnlyPolicy',
    'identity',
  ],
  [
    'Resources.SupervisorPolicy.Properties.PolicyDocument',
    'SupervisorPolicy: policy connect-supervisor',
    'identity',
  ],
  [
    'Resources.SupervisorUser.Properties.Policies[0].PolicyDocument',
    'SupervisorUser: inline policy contact-review',
    'identity',
  ],
  [
    'Resources.SupervisorsGroup.Properties.Policies[0].PolicyDocument',
    'SupervisorsGroup: inline policy supervisor-tools',
    'identity',
  ],
  [
    'Resources.RecordingsKey.Properties.KeyPolicy',
    'RecordingsKey: resource policy (AWS::KMS::Key)',
    'resource',
  ],
  [
    'Resources.RecordingsBucketPolicy.Properties.PolicyDocument',
    'RecordingsBucketPolicy: resource policy (AWS::S3::BucketPolicy)',
    'resource',
  ],
  [
    'Resources.ContactEventsQueuePolicy.Properties.PolicyDocument',
    'ContactEventsQueuePolicy: resource policy (AWS::SQS::QueuePolicy)',
    'resource',
  ],
  [
    'Resources.AgentAlertsTopicPolicy.Properties.PolicyDocument',
    'AgentAlertsTopicPolicy: resource policy (AWS::SNS::TopicPolicy)',
    'resource',
  ],
]

const shape = (read: ReturnType<typeof readSource>) =>
  read.policies.map((policy) => [policy.path, policy.label, policy.policyType])

describe('a hand-written CloudFormation template in YAML (cloudformation/connect-agents.yaml)', () => {
  const text = testFile('cloudformation/connect-agents.yaml')
  const read = readSource({ name: 'connect-agents.yaml', text })
  const validation = validateSource(read, { catalog })

  it('is read as CloudFormation written in YAML, with its eleven policies', () => {
    expect(read.format).toBe('cloudformation')
    expect(read.json).toBe(false)
    expect(read.problems).toEqual([])
    expect(shape(read)).toEqual(templatePolicies)
    // each policy's range starts on the line of its document's first member
    const lineOf = (path: string) =>
      read.policies.find((policy) => policy.path === path)?.range.start.line
    expect(lineOf('Resources.AgentRole.Properties.AssumeRolePolicyDocument')).toBe(60)
    expect(lineOf('Resources.AgentAlertsTopicPolicy.Properties.PolicyDocument')).toBe(337)
    for (const policy of read.policies) expectPositionsOf(read.text, policy.range)
  })

  it('finds each deliberate problem of its README at the text and on the line it names', () => {
    const deliberate: Deliberate[] = [
      {
        line: 94,
        text: 'connect:DescribeInstanc',
        code: 'unknown-action',
        policyLabel: 'AgentRole: inline policy agent-workspace',
      },
      {
        line: 106,
        text: 'StringEqual',
        code: 'unknown-condition-operator',
        policyLabel: 'AgentRole: inline policy agent-recordings',
      },
      // the statement's mapping, which starts after the `- ` of its list item
      {
        line: 164,
        text: 'Sid: ListQueuesNoEffect',
        code: 'missing-effect',
        policyLabel: 'SupervisorPolicy: policy connect-supervisor',
      },
      {
        line: 182,
        text: 'arn:aws:conect:',
        code: 'unknown-arn-service',
        policyLabel: 'SupervisorUser: inline policy contact-review',
      },
    ]
    // no error besides the deliberate ones: what else there is are suggestions and warnings
    const [action, operator, effect, service] = expectDeliberateErrors(
      read,
      validation.findings,
      deliberate,
    )
    expect(covered(read.text, action?.range ?? read.positions.range(0, 0))).toBe(
      'connect:DescribeInstanc',
    )
    expect(action?.range.start).toMatchObject({ line: 94, column: 21 })
    expect(covered(read.text, operator?.range ?? read.positions.range(0, 0))).toBe('StringEqual')
    expect(covered(read.text, service?.range ?? read.positions.range(0, 0))).toBe('conect')
    // the statement without an Effect is pointed at whole: its three lines
    expect(effect?.range.start.line).toBe(164)
    expect(effect?.range.end.line).toBeGreaterThanOrEqual(166)
  })

  it('reports the action its comment suppresses apart, on its own line', () => {
    expect(
      validation.suppressed.map((finding) => [
        finding.code,
        covered(read.text, finding.range),
        lineAndColumn(read.text, finding.range.start.offset).line,
      ]),
    ).toEqual([['unknown-action', 'connect:StartAgentAssistPreview', 211]])
  })

  it('offers no fix: a fix is written as JSON, and the file is YAML', () => {
    expect(validation.findings.filter((finding) => finding.fix !== undefined)).toEqual([])
  })

  it('writes intrinsic functions as deploy-time placeholders, and an escaped policy variable of `!Sub` as the variable', () => {
    const projection = (label: string) =>
      read.policies.find((policy) => policy.label === label)?.projection?.text ?? ''
    expect(projection('AgentRole: inline policy agent-workspace')).toContain(
      '"arn:{{AWS.Partition}}:connect:{{AWS.Region}}:{{AWS.AccountId}}:instance/{{Ref InstanceId}}/*"',
    )
    expect(projection('AgentRole: inline policy agent-recordings')).toContain(
      '"{{GetAtt RecordingsBucket.Arn}}/connect/{{Ref InstanceId}}/CallRecordings/*"',
    )
    expect(projection('AgentRole: inline policy agent-recordings')).toContain(
      '"Resource": "{{GetAtt RecordingsKey.Arn}}"',
    )
    expect(projection('SupervisorUser: inline policy contact-review')).toContain(
      // biome-ignore lint/suspicious/noTemplateCurlyInString: an IAM policy variable
      ':user/${aws:username}"',
    )
    expect(projection('AgentReadOnlyPolicy: policy AgentReadOnlyPolicy')).toContain(
      '"{{GetAtt ConnectInstance.Arn}}/queue/*"',
    )
    // every projection is JSON
    for (const policy of read.policies)
      expect(() => JSON.parse(policy.projection?.text ?? '')).not.toThrow()
  })

  it('writes in the values of parameters it is given', () => {
    const given = readSource(
      { name: 'connect-agents.yaml', text },
      {
        parameters: {
          InstanceId: '3f8c6a21-9d4e-4b7a-8e15-c2a9d07b4f63',
          'AWS::AccountId': '111122223333',
          'AWS::Region': 'eu-west-2',
          'AWS::Partition': 'aws',
        },
      },
    )
    const workspace = given.policies.find(
      (policy) => policy.label === 'AgentRole: inline policy agent-workspace',
    )
    expect(workspace?.projection?.text).toContain(
      '"arn:aws:connect:eu-west-2:111122223333:instance/3f8c6a21-9d4e-4b7a-8e15-c2a9d07b4f63/*"',
    )
  })
})

describe('the same template in JSON, with a byte order mark and CRLF line ends (cloudformation/connect-agents.json)', () => {
  const text = testFile('cloudformation/connect-agents.json')
  const read = readSource({ name: 'connect-agents.json', text })
  const validation = validateSource(read, { catalog })

  it('has the byte order mark and CRLF it is meant to have', () => {
    expect(text.charCodeAt(0)).toBe(0xfeff)
    expect(text.split('\r\n').length).toBeGreaterThan(600)
    expect(read.text).toBe(text.slice(1))
  })

  it('is read as CloudFormation written in JSON, with the same policies as the YAML', () => {
    expect(read.format).toBe('cloudformation')
    expect(read.json).toBe(true)
    expect(read.problems).toEqual([])
    expect(shape(read)).toEqual(templatePolicies)
    for (const policy of read.policies) expectPositionsOf(read.text, policy.range)
  })

  it('projects each policy to the same text as the YAML form (oracle: the YAML template)', () => {
    const yaml = readSource({
      name: 'connect-agents.yaml',
      text: testFile('cloudformation/connect-agents.yaml'),
    })
    expect(read.policies.map((policy) => policy.projection?.text)).toEqual(
      yaml.policies.map((policy) => policy.projection?.text),
    )
  })

  it('finds each deliberate problem of its README at the text and on the line it names, CRLF and the mark counted as the file has them', () => {
    const deliberate: Deliberate[] = [
      {
        line: 158,
        text: 'connect:DescribeInstanc',
        code: 'unknown-action',
        policyLabel: 'AgentRole: inline policy agent-workspace',
      },
      {
        line: 194,
        text: '"StringEqual"',
        code: 'unknown-condition-operator',
        policyLabel: 'AgentRole: inline policy agent-recordings',
      },
      {
        line: 317,
        text: '"Sid": "ListQueuesNoEffect"',
        code: 'missing-effect',
        policyLabel: 'SupervisorPolicy: policy connect-supervisor',
      },
      {
        line: 357,
        text: 'arn:aws:conect:',
        code: 'unknown-arn-service',
        policyLabel: 'SupervisorUser: inline policy contact-review',
      },
      // JSON has no comments: the action the YAML suppresses is reported here
      {
        line: 410,
        text: 'connect:StartAgentAssistPreview',
        code: 'unknown-action',
        policyLabel: 'SupervisorsGroup: inline policy supervisor-tools',
      },
    ]
    const [action] = expectDeliberateErrors(read, validation.findings, deliberate)
    expect(covered(read.text, action?.range ?? read.positions.range(0, 0))).toBe(
      '"connect:DescribeInstanc"',
    )
    // column 21 of line 158: counted after the CRLF of line 157, and after the mark on line 1
    expect(action?.range.start).toMatchObject({ line: 158, column: 21 })
    expect(validation.suppressed).toEqual([])
  })

  it('gives the YAML its findings, each at the same text (oracle: the YAML template)', () => {
    const yamlRead = readSource({
      name: 'connect-agents.yaml',
      text: testFile('cloudformation/connect-agents.yaml'),
    })
    const yaml = validateSource(yamlRead, { catalog })
    const strip = (written: string) => written.replaceAll('"', '')
    const summary = (
      source: typeof read,
      findings: typeof validation.findings,
    ): [string, string, string][] =>
      findings
        .filter((finding) => finding.code !== 'missing-effect')
        .map((finding) => [
          finding.policy,
          finding.code,
          strip(covered(source.text, finding.range)),
        ])
    expect(summary(read, validation.findings).sort()).toEqual(
      summary(yamlRead, [...yaml.findings, ...yaml.suppressed]).sort(),
    )
  })
})

describe('a template synthesized by the CDK (cdk/ConnectAgentsStack.template.json)', () => {
  const text = testFile('cdk/ConnectAgentsStack.template.json')
  const read = readSource({ name: 'ConnectAgentsStack.template.json', text })
  const validation = validateSource(read, { catalog })

  it('is read as CloudFormation, with its six policies', () => {
    expect(read.format).toBe('cloudformation')
    expect(read.json).toBe(true)
    expect(read.problems).toEqual([])
    expect(shape(read)).toEqual([
      [
        'Resources.AgentRoleF4A42D6B.Properties.AssumeRolePolicyDocument',
        'AgentRoleF4A42D6B: trust policy',
        'resource',
      ],
      [
        'Resources.AgentRoleDefaultPolicy1027F5D2.Properties.PolicyDocument',
        'AgentRoleDefaultPolicy1027F5D2: policy AgentRoleDefaultPolicy1027F5D2',
        'identity',
      ],
      [
        'Resources.RecordingsKey5D44CE50.Properties.KeyPolicy',
        'RecordingsKey5D44CE50: resource policy (AWS::KMS::Key)',
        'resource',
      ],
      [
        'Resources.RecordingsPolicyBB7F275E.Properties.PolicyDocument',
        'RecordingsPolicyBB7F275E: resource policy (AWS::S3::BucketPolicy)',
        'resource',
      ],
      [
        'Resources.ConnectReadOnlyDF001F43.Properties.PolicyDocument',
        'ConnectReadOnlyDF001F43: policy ConnectAgentsReadOnly',
        'identity',
      ],
      [
        'Resources.ContactEventsPolicy6511FF8A.Properties.PolicyDocument',
        'ContactEventsPolicy6511FF8A: resource policy (AWS::SQS::QueuePolicy)',
        'resource',
      ],
    ])
  })

  it('finds the misspelt action at the text and on the line its README names, and only it', () => {
    const [action] = expectDeliberate(read, validation.findings, [
      {
        line: 52,
        text: '"connect:ListQueue"',
        code: 'unknown-action',
        policyLabel: 'AgentRoleDefaultPolicy1027F5D2: policy AgentRoleDefaultPolicy1027F5D2',
      },
    ])
    expect(covered(read.text, action?.range ?? read.positions.range(0, 0))).toBe(
      '"connect:ListQueue"',
    )
    expect(validation.findings.map((finding) => finding.code)).toEqual(['unknown-action'])
  })

  it('reads `Fn::Join` over the pseudo parameters as placeholders', () => {
    const policy = read.policies.find((entry) => entry.path.includes('DefaultPolicy'))
    expect(policy?.projection?.text).toContain(
      'arn:{{AWS.Partition}}:connect:{{AWS.Region}}:{{AWS.AccountId}}:instance/',
    )
    expect(policy?.projection?.text).toContain('"{{GetAtt Recordings')
  })
})

describe('a managed policy a template names as a permissions boundary', () => {
  it('is read as a permissions boundary', () => {
    const text = templateYaml(
      managedPolicyYaml('Boundary', [
        '- Effect: Allow',
        '  Action: "connect:*"',
        '  Resource: "*"',
      ]),
      [
        '  Agent:',
        '    Type: AWS::IAM::Role',
        '    Properties:',
        '      PermissionsBoundary: !Ref Boundary',
        '      AssumeRolePolicyDocument:',
        '        Version: "2012-10-17"',
        '        Statement:',
        '          - Effect: Allow',
        '            Principal: { Service: lambda.amazonaws.com }',
        '            Action: sts:AssumeRole',
      ],
    )
    const read = readSource({ name: 'boundary.yaml', text })
    expect(shape(read)).toEqual([
      [
        'Resources.Boundary.Properties.PolicyDocument',
        'Boundary: permissions boundary Boundary',
        'permissionsBoundary',
      ],
      ['Resources.Agent.Properties.AssumeRolePolicyDocument', 'Agent: trust policy', 'resource'],
    ])
  })
})

describe('references to names that are not the template’s parameters', () => {
  it('are placeholders even where the name is one of Object’s own (`!Ref constructor`, `toString` in a `!Sub`)', () => {
    for (const resource of [
      '!Ref constructor',
      '!Ref hasOwnProperty',
      '!Ref __proto__',
      // biome-ignore lint/suspicious/noTemplateCurlyInString: CloudFormation's !Sub
      '!Sub "arn:aws:s3:::${toString}/*"',
    ]) {
      const text = templateYaml(
        managedPolicyYaml('P', [
          '- Effect: Allow',
          '  Action: s3:GetObject',
          `  Resource: ${resource}`,
        ]),
      )
      let read: ReturnType<typeof readSource> | undefined
      expect(() => {
        read = readSource({ name: 'refs.yaml', text })
      }, resource).not.toThrow()
      expect(read?.policies[0]?.projection?.text, resource).toMatch(
        /"Resource": ".*\{\{Ref [^}]+\}\}.*"/,
      )
    }
  })

  it('take the values given only where they are text', () => {
    const text = templateYaml(
      managedPolicyYaml(
        'P',
        ['- Effect: Allow', '  Action: s3:GetObject', '  Resource: !Ref Bucket'],
        {
          version: false,
        },
      ),
    )
    for (const value of [1n, Symbol('bucket'), { arn: 'x' }, 42, null]) {
      expect(() =>
        readSource({ name: 'refs.yaml', text }, { parameters: { Bucket: value } } as never),
      ).not.toThrow()
    }
    const read = readSource({ name: 'refs.yaml', text }, { parameters: { Bucket: 42 } } as never)
    expect(read.policies[0]?.projection?.text).toContain('"Resource": "{{Ref Bucket}}"')
  })
})
