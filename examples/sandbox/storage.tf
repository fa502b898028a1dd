# Not an EC2 resource: DriftLens lists it as "not verified" (type not supported yet), never as drift.
resource "aws_s3_bucket" "artifacts" {
  bucket = "${var.project}-${var.environment}-artifacts"

  tags = {
    Environment = var.environment
  }
}
