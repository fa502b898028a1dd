variable "region" {
  description = "AWS region of the shop stack."
  type        = string
  default     = "eu-west-1"
}

variable "project" {
  description = "Prefix for names and the Project tag."
  type        = string
  default     = "shop"
}

variable "environment" {
  description = "Deployment stage; set per workspace in terraform.tfvars."
  type        = string
  default     = "dev"
}

variable "ami_id" {
  description = "Amazon Linux 2023 AMI in eu-west-1."
  type        = string
  default     = "ami-0c1bc246476a5572b"
}

variable "web_instance_type" {
  description = "Size of the public web tier."
  type        = string
  default     = "t3.micro"
}

variable "office_cidr" {
  description = "The only network allowed to reach SSH."
  type        = string
  default     = "203.0.113.0/24"
}
