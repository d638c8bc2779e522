variable "saml_provider_arn" {
  type        = string
  description = "ARN of the IAM SAML provider the agents sign in through"
}

variable "policy_json" {
  type        = string
  description = "Inline policy for the agent role, as JSON"
}

resource "aws_iam_role" "agent" {
  name                 = "ConnectAgent"
  path                 = "/connect/"
  description          = "Assumed by contact-centre agents through the SAML IdP"
  max_session_duration = 43200
  permissions_boundary = "arn:aws:iam::111122223333:policy/ConnectAgentBoundary"
  assume_role_policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect    = "Allow"
      Principal = { Federated = var.saml_provider_arn }
      Action    = "sts:AssumeRoleWithSAML"
      Condition = { StringEquals = { "SAML:aud" = "https://signin.aws.amazon.com/saml" } }
    }]
  })
  tags = {
    Role = "agent"
  }
}

resource "aws_iam_role_policy" "agent" {
  name   = "AgentAccess"
  role   = aws_iam_role.agent.name
  policy = var.policy_json
}

output "role_arn" {
  value = aws_iam_role.agent.arn
}
