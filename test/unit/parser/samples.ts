// A realistic module exercising every construct, used as fuzz seed next to the fixtures.

export const KITCHEN_SINK = `# A module in the style of the public AWS ones
terraform {
  required_version = ">= 1.5"
  required_providers {
    aws = { source = "hashicorp/aws", version = "~> 5.0" }
  }
}

locals {
  name   = "\${var.prefix}-\${terraform.workspace}"
  azs    = slice(data.aws_availability_zones.available.names, 0, 3)
  public = { for i, az in local.azs : az => cidrsubnet(var.cidr, 8, i) }
  by_role = { for u in var.users : u.role => u.name... if u.enabled }
  ratio  = (var.a + var.b) * 2 / 3 % 5 - -1
  flags  = !var.x && var.y || var.z == "on" ? true : false
  ports  = [for p in var.ports : p.number if p.number >= 1024 && p.number <= 65535]
  first  = aws_instance.web[*].network_interface[0].id
  legacy = aws_instance.web.*.id
  arn    = provider::aws::arn_parse(var.role_arn).account_id
  joined = join(",", concat(var.a_list, var.b_list)...)
  legacy_idx = var.list.0
}

resource "aws_security_group" "this" {
  name        = local.name
  description = "Managed by Terraform"
  vpc_id      = var.vpc_id

  dynamic "ingress" {
    for_each = var.ingress
    iterator = rule
    content {
      from_port   = rule.value.from
      to_port     = rule.value.to
      protocol    = "tcp"
      cidr_blocks = ["0.0.0.0/0"]
    }
  }

  lifecycle { create_before_destroy = true }

  tags = merge(var.tags, {
    Name = local.name // inline comment
    "kubernetes.io/cluster/\${var.cluster}" = "owned"
  })
}

resource "aws_iam_policy" "this" {
  count  = var.create ? 1 : 0
  name   = "policy-\${count.index}"
  policy = <<-EOT
    {
      "Version": "2012-10-17",
      "Statement": [
        %{~ for i, arn in var.bucket_arns ~}
        {
          "Effect": "Allow",
          "Action": ["s3:GetObject"],
          "Resource": "\${arn}/*"
        }%{ if i < length(var.bucket_arns) - 1 },%{ endif }
        %{~ endfor ~}
      ]
    }
  EOT
}

/* user data
   rendered at plan time */
resource "aws_instance" "web" {
  for_each      = toset(var.names)
  ami           = data.aws_ami.ubuntu.id
  instance_type = each.value == "big" ? "m5.large" : "t3.micro"
  user_data     = <<EOF
#!/bin/bash
echo "hello $\${USER} from \${each.key}" > /tmp/x
EOF
  root_block_device {
    volume_size = 20
    encrypted   = true
  }
}

output "ids" {
  value = { for k, v in aws_instance.web : k => v.id }
}
`;
