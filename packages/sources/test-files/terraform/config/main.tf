# The configuration behind ../plan-with-unknowns.json and ../state.json (for reference: the
# JSON files were written to match it; terraform itself was not run).
terraform {
  required_version = ">= 1.9"
  required_providers {
    aws = {
      source  = "hashicorp/aws"
      version = "~> 5.70"
    }
  }
}

provider "aws" {
  region = "eu-west-2"
  default_tags {
    tags = {
      ManagedBy = "terraform"
      Project   = "connect-agents"
    }
  }
}

variable "connect_instance_id" {
  type        = string
  description = "Amazon Connect instance ID"
}

data "aws_caller_identity" "current" {}

locals {
  account_id   = data.aws_caller_identity.current.account_id
  instance_arn = "arn:aws:connect:eu-west-2:${local.account_id}:instance/${var.connect_instance_id}"
}

resource "aws_s3_bucket" "recordings" {
  bucket = "acme-connect-recordings-${local.account_id}"
}

resource "aws_iam_role" "supervisor" {
  name = "connect-supervisor"
  assume_role_policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect    = "Allow"
      Principal = { AWS = "arn:aws:iam::${local.account_id}:root" }
      Action    = "sts:AssumeRole"
      Condition = { Bool = { "aws:MultiFactorAuthPresent" = "true" } }
    }]
  })
}

# Its policy is unknown until apply: it needs the bucket's ARN.
resource "aws_iam_role_policy" "supervisor_recordings" {
  name = "SupervisorRecordings"
  role = aws_iam_role.supervisor.name
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [
      {
        Sid      = "ListRecordings"
        Effect   = "Allow"
        Action   = "s3:ListBucket"
        Resource = aws_s3_bucket.recordings.arn
      },
      {
        Sid      = "ReadRecordings"
        Effect   = "Allow"
        Action   = ["s3:GetObject", "s3:GetObjectVersion"]
        Resource = "${aws_s3_bucket.recordings.arn}/*"
      },
    ]
  })
}

resource "aws_iam_policy" "connect_readonly" {
  name        = "ConnectReadOnly"
  description = "Read-only view of the Connect instance"
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [
      {
        Sid      = "FindInstance"
        Effect   = "Allow"
        Action   = ["connect:DescribeInstanc", "connect:ListInstances"]
        Resource = "*"
      },
      {
        Sid      = "ReadInstance"
        Effect   = "Allow"
        Action   = ["connect:Describe*", "connect:List*", "connect:GetCurrentMetricData"]
        Resource = [local.instance_arn, "${local.instance_arn}/*"]
      },
    ]
  })
}

resource "aws_iam_role_policy_attachment" "supervisor_readonly" {
  role       = aws_iam_role.supervisor.name
  policy_arn = aws_iam_policy.connect_readonly.arn
}

resource "aws_iam_user_policy" "alice" {
  name = "ConnectOutbound"
  user = "alice.supervisor"
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Sid       = "OutboundCalls"
      Effect    = "Allow"
      Action    = "connect:StartOutboundVoiceContact"
      Resource  = "*"
      Condition = { StringEquals = { "aws:RequestedRegion" = "eu-west-2" } }
    }]
  })
}

# Exists already; this plan adds connect:GetMetricDataV2 and the ListQueues statement.
resource "aws_iam_group_policy" "supervisors" {
  name  = "ConnectSupervisorAccess"
  group = "connect-supervisors"
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [
      {
        Sid      = "MonitorContacts"
        Effect   = "Allow"
        Action   = ["connect:MonitorContact", "connect:GetCurrentMetricData", "connect:GetMetricDataV2"]
        Resource = [local.instance_arn, "${local.instance_arn}/*"]
      },
      {
        Sid      = "ListQueues"
        Effect   = "Allow"
        Action   = "connect:ListQueues"
        Resource = "${local.instance_arn}/queue/*"
      },
    ]
  })
}

# Read during apply: its second statement's resource is the new bucket's ARN.
data "aws_iam_policy_document" "agent_access" {
  statement {
    sid       = "AgentWorkspace"
    actions   = ["connect:DescribeUser", "connect:DescribeQueue", "connect:GetFederationToken"]
    resources = [local.instance_arn, "${local.instance_arn}/*"]
  }
  statement {
    sid       = "WriteRecordings"
    actions   = ["s3:PutObject", "s3:GetObject"]
    resources = ["${aws_s3_bucket.recordings.arn}/connect/${var.connect_instance_id}/*"]
  }
}

module "connect" {
  source            = "./modules/connect-agent"
  saml_provider_arn = "arn:aws:iam::111122223333:saml-provider/ConnectAgentsIdP"
  policy_json       = data.aws_iam_policy_document.agent_access.json
}

output "supervisor_role_arn" {
  description = "Role that supervisors assume"
  value       = aws_iam_role.supervisor.arn
}
