// biome-ignore-all lint/suspicious/noTemplateCurlyInString: ARN formats and key names in the reference's notation, not templates
import type { CatalogData } from './catalog-data.ts'

/**
 * A small service reference with the shapes that make lookups hard, copied from the real data
 * where they come from it: Amazon Connect's nested ARNs (an instance ID followed by a slash, a
 * `*` that is part of the format, a view version after a colon, an AWS-owned view without an
 * account, a type of the service living under another service's ARNs), an action that takes no
 * resource, combined access levels, keys with variable parts, S3's formats without Region or
 * account, CloudWatch Logs' colon-separated names, Elastic Load Balancing's type named by its
 * forms, AWS Backup's format whose service is a variable, and services known only by name.
 */
export const catalogFixture: CatalogData = {
  source: { name: 'fixture', version: '1.2.3', date: '2026-01-31' },
  partitions: ['aws', 'aws-cn'],
  regions: ['us-east-1', 'eu-west-2'],
  rcpServices: ['s3'],
  globalConditionKeys: [
    { name: 'aws:ResourceTag/${TagKey}', type: 'String', description: 'tags on the resource' },
    { name: 'aws:RequestTag/${TagKey}', type: 'String' },
    { name: 'aws:TagKeys', type: 'ArrayOfString' },
    { name: 'aws:SourceIp', type: 'IPAddress' },
    { name: 'aws:CurrentTime', type: 'Date' },
  ],
  services: [
    {
      prefix: 'connect',
      name: 'Amazon Connect',
      resourceTypes: [
        {
          name: 'instance',
          arnFormats: ['arn:${Partition}:connect:${Region}:${Account}:instance/${InstanceId}'],
          conditionKeys: ['aws:ResourceTag/${TagKey}'],
        },
        {
          name: 'user',
          arnFormats: [
            'arn:${Partition}:connect:${Region}:${Account}:instance/${InstanceId}/agent/${UserId}',
          ],
          conditionKeys: ['aws:ResourceTag/${TagKey}'],
        },
        {
          name: 'hierarchy-group',
          arnFormats: [
            'arn:${Partition}:connect:${Region}:${Account}:instance/${InstanceId}/agent-group/${HierarchyGroupId}',
          ],
          conditionKeys: ['aws:ResourceTag/${TagKey}'],
        },
        {
          name: 'security-profile',
          arnFormats: [
            'arn:${Partition}:connect:${Region}:${Account}:instance/${InstanceId}/security-profile/${SecurityProfileId}',
          ],
          conditionKeys: ['aws:ResourceTag/${TagKey}'],
        },
        {
          name: 'routing-profile',
          arnFormats: [
            'arn:${Partition}:connect:${Region}:${Account}:instance/${InstanceId}/routing-profile/${RoutingProfileId}',
          ],
          conditionKeys: ['aws:ResourceTag/${TagKey}'],
        },
        {
          name: 'queue',
          arnFormats: [
            'arn:${Partition}:connect:${Region}:${Account}:instance/${InstanceId}/queue/${QueueId}',
          ],
          conditionKeys: ['aws:ResourceTag/${TagKey}'],
        },
        {
          name: 'wildcard-queue',
          arnFormats: [
            'arn:${Partition}:connect:${Region}:${Account}:instance/${InstanceId}/queue/*',
          ],
          conditionKeys: [],
        },
        {
          name: 'customer-managed-view-version',
          arnFormats: [
            'arn:${Partition}:connect:${Region}:${Account}:instance/${InstanceId}/view/${ViewId}:${ViewVersion}',
          ],
          conditionKeys: [],
        },
        {
          name: 'aws-managed-view',
          arnFormats: ['arn:${Partition}:connect:${Region}:aws:view/${ViewId}'],
          conditionKeys: [],
        },
        {
          name: 'ai-agent',
          arnFormats: [
            'arn:${Partition}:wisdom:${Region}:${Account}:ai-agent/${AssistantId}/${AIAgentId}:${Version}',
          ],
          conditionKeys: ['aws:ResourceTag/${TagKey}'],
        },
      ],
      actions: [
        {
          name: 'CreateUser',
          accessLevels: ['Write'],
          resourceTypes: [
            { name: 'hierarchy-group', required: false },
            { name: 'routing-profile', required: true },
            { name: 'security-profile', required: true },
            { name: 'user', required: true },
          ],
          conditionKeys: ['aws:RequestTag/${TagKey}', 'aws:TagKeys', 'connect:InstanceId'],
        },
        {
          name: 'DescribeUser',
          accessLevels: ['Read'],
          resourceTypes: [{ name: 'user', required: true }],
          conditionKeys: ['aws:ResourceTag/${TagKey}', 'connect:InstanceId'],
        },
        {
          name: 'DescribeQueue',
          accessLevels: ['Read'],
          resourceTypes: [{ name: 'queue', required: true }],
          conditionKeys: ['connect:InstanceId'],
        },
        {
          name: 'DescribeView',
          accessLevels: ['Read'],
          resourceTypes: [
            { name: 'aws-managed-view', required: false },
            { name: 'customer-managed-view-version', required: false },
          ],
          conditionKeys: [],
        },
        {
          name: 'ListInstances',
          accessLevels: ['List'],
          resourceTypes: [],
          conditionKeys: [],
        },
        {
          name: 'CreateInstance',
          accessLevels: ['Write'],
          resourceTypes: [],
          conditionKeys: ['aws:RequestTag/${TagKey}', 'aws:TagKeys'],
          dependentActions: ['ds:CheckAlias', 'iam:CreateServiceLinkedRole'],
        },
        {
          name: 'ListQueues',
          accessLevels: ['List'],
          resourceTypes: [{ name: 'wildcard-queue', required: true }],
          conditionKeys: [],
        },
        {
          name: 'SearchUsers',
          accessLevels: ['Read'],
          resourceTypes: [{ name: 'instance', required: true }],
          conditionKeys: ['connect:InstanceId', 'connect:SearchTag/${TagKey}'],
        },
        {
          name: 'TagResource',
          accessLevels: ['Tagging', 'Write'],
          resourceTypes: [
            { name: 'instance', required: false },
            { name: 'queue', required: false },
            {
              name: 'user',
              required: false,
              conditionKeys: ['connect:UserArn'],
            },
          ],
          conditionKeys: ['aws:RequestTag/${TagKey}', 'aws:TagKeys'],
        },
        {
          name: 'GetAIAgent',
          accessLevels: ['Read'],
          resourceTypes: [{ name: 'ai-agent', required: true }],
          conditionKeys: [],
        },
      ],
      conditionKeys: [
        // the service repeats a global key, with a description of its own
        { name: 'aws:ResourceTag/${TagKey}', type: 'String', description: 'as Connect says' },
        { name: 'aws:TagKeys', type: 'ArrayOfString' },
        { name: 'connect:InstanceId', type: 'String' },
        { name: 'connect:SearchTag/${TagKey}', type: 'String' },
        { name: 'connect:FlowType', type: 'ArrayOfString' },
        { name: 'connect:UserArn', type: 'ARN' },
        { name: 'connect:PrimaryAttribute/${PrimaryAttribute}', type: 'String' },
      ],
    },
    {
      prefix: 's3',
      name: 'Amazon S3',
      resourceTypes: [
        { name: 'bucket', arnFormats: ['arn:${Partition}:s3:::${BucketName}'], conditionKeys: [] },
        {
          name: 'object',
          arnFormats: ['arn:${Partition}:s3:::${BucketName}/${ObjectName}'],
          conditionKeys: [],
        },
      ],
      actions: [
        {
          name: 'GetObject',
          accessLevels: ['Read'],
          resourceTypes: [{ name: 'object', required: true }],
          conditionKeys: ['s3:ExistingObjectTag/${key}'],
        },
        { name: 'ListAllMyBuckets', accessLevels: ['List'], resourceTypes: [], conditionKeys: [] },
        {
          name: 'PutBucketPolicy',
          accessLevels: ['Permissions management', 'Write'],
          resourceTypes: [{ name: 'bucket', required: true }],
          conditionKeys: [],
        },
      ],
      conditionKeys: [{ name: 's3:ExistingObjectTag/${key}', type: 'String' }],
    },
    {
      prefix: 'logs',
      name: 'Amazon CloudWatch Logs',
      resourceTypes: [
        {
          name: 'log-group',
          arnFormats: ['arn:${Partition}:logs:${Region}:${Account}:log-group:${LogGroupName}'],
          conditionKeys: [],
        },
        {
          name: 'log-stream',
          arnFormats: [
            'arn:${Partition}:logs:${Region}:${Account}:log-group:${LogGroupName}:log-stream:${LogStreamName}',
          ],
          conditionKeys: [],
        },
      ],
      actions: [
        {
          name: 'PutLogEvents',
          accessLevels: ['Write'],
          resourceTypes: [{ name: 'log-stream', required: true }],
          conditionKeys: [],
        },
      ],
      conditionKeys: [],
    },
    {
      prefix: 'elasticloadbalancing',
      name: 'Elastic Load Balancing V2',
      resourceTypes: [
        {
          name: 'loadbalancer/app/',
          arnFormats: [
            'arn:${Partition}:elasticloadbalancing:${Region}:${Account}:loadbalancer/app/${LoadBalancerName}/${LoadBalancerId}',
          ],
          conditionKeys: [],
        },
        {
          name: 'loadbalancer/net/',
          arnFormats: [
            'arn:${Partition}:elasticloadbalancing:${Region}:${Account}:loadbalancer/net/${LoadBalancerName}/${LoadBalancerId}',
          ],
          conditionKeys: [],
        },
      ],
      actions: [
        {
          name: 'DeleteLoadBalancer',
          accessLevels: ['Write'],
          resourceTypes: [{ name: 'loadbalancer', required: true }],
          conditionKeys: [],
        },
      ],
      conditionKeys: [],
    },
    {
      prefix: 'backup',
      name: 'AWS Backup',
      resourceTypes: [
        {
          name: 'recoveryPoint',
          arnFormats: ['arn:${Partition}:${Vendor}:${Region}:*:${ResourceType}:${RecoveryPointId}'],
          conditionKeys: [],
        },
      ],
      actions: [
        {
          name: 'DescribeRecoveryPoint',
          accessLevels: ['Read'],
          resourceTypes: [{ name: 'recoveryPoint', required: true }],
          conditionKeys: [],
        },
      ],
      conditionKeys: [],
    },
  ],
  otherServices: [
    { prefix: 'ec2', name: 'Amazon EC2', arnServices: ['ec2'] },
    // its ARNs are also those of a type held, Connect's `ai-agent`
    { prefix: 'wisdom', name: 'Amazon Q in Connect', arnServices: ['wisdom'] },
    {
      prefix: 'route53-recovery-control-config',
      name: 'Amazon Route 53 Recovery Controls',
      arnServices: ['route53-recovery-control'],
    },
  ],
}

export const instanceArn = 'arn:aws:connect:us-east-1:123456789012:instance/i-1'
