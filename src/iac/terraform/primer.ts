// A few lines of HCL that use every token and construct the lexer and parser know, parsed once
// before the first real file. TurboFan optimizes the lexer and parser from the type feedback
// their first files gave; a token or construct first met after that (a `<`, a `*`, a heredoc, a
// splat) throws the optimized code away and recompiles it. On 6,235 real files a cold `driftlens
// inventory` recompiled the lexer's main scanner 8 times (issue 17: ~0.6 CPU-s of the run was
// TurboFan work); with every branch seen once first, the first optimization already covers them.
// Parsing this costs well under a millisecond of the interpreter's time.
export const PRIMER = `# comment
// comment
/* block
comment */
terraform {
  required_version = ">= 1.5"
  backend "s3" {}
}
variable "v" {
  type    = map(object({ a = string, b = optional(number, 1) }))
  default = {}
}
locals {
  n    = -1.5e3 + 2 * 3 / 4 % 5 - (6)
  b    = !true && false || null == 1 != 2 < 3 <= 4 > 5 >= 6
  c    = var.a ? "x" : "y"
  s    = "esc \\"q\\" \\n \\t \\\\ \\u00e9 $\${no} %%{no} \${var.x} \${~ local.y ~} %{ if local.z }a%{ else }b%{ endif }%{ for k, v in var.m ~}\${k}%{ endfor }"
  e    = ""
  t    = [1, "two", [3], { four = 4 }, ]
  o    = { a = 1, "b" = 2, (local.k) = 3, c: 4 }
  f    = [for i, x in var.l : upper(x) if x != ""]
  g    = { for k, v in var.m : k => v... }
  i    = var.l[0].a["k"][local.k].b.0
  sp   = aws_instance.a.*.id
  fs   = aws_instance.a[*].tags["Name"]
  fs2  = aws_instance.a[*].b[var.k]
  fn   = merge(var.m, { x = 1 }, local.list...)
  ns   = provider::aws::arn_parse("arn")
  ct   = core::max(1, 2)
  h    = <<EOT
plain \${var.x} %{ if true }y%{ endif }
EOT
  hi   = <<-EOT
    indented \${var.x}
    EOT
  u    = "é\${"nested \${"deep"}"}"
}
resource "aws_instance" "a" {
  count    = 2
  for_each = toset(["a"])
  provider = aws.west
  tags     = { Name = "n-\${count.index}-\${each.key}" }
  ebs_block_device { device_name = "/dev/sda" }
  lifecycle {
    ignore_changes = [tags["x"], ami]
  }
  dynamic "ingress" {
    for_each = var.rules
    content {
      from_port = ingress.value.port
    }
  }
}
module "m" {
  source = "./m"
  a      = module.x.out
}
output "o" { value = local.n }
`;
