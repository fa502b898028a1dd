# Read through S3 (HeadBucket, GetBucketTagging): the sandbox serves it from its fake S3.
resource "aws_s3_bucket" "artifacts" {
  bucket = "${var.project}-${var.environment}-artifacts"

  tags = {
    Environment = var.environment
  }
}
