# The web tier takes its size from a variable default: when someone resizes the instance
# in the console, the fix belongs in variables.tf, not here.
resource "aws_instance" "web" {
  ami                    = var.ami_id
  instance_type          = var.web_instance_type
  subnet_id              = aws_subnet.app.id
  vpc_security_group_ids = [aws_security_group.web.id]
  monitoring             = true

  tags = {
    Name        = "${var.project}-web-1"
    Role        = "web"
    Environment = var.environment
  }
}

resource "aws_instance" "api" {
  ami                    = var.ami_id
  instance_type          = "t3.small"
  subnet_id              = aws_subnet.app.id
  vpc_security_group_ids = [aws_security_group.web.id]

  tags = {
    Name  = "${var.project}-api-1"
    Role  = "api"
    Owner = "platform-team"
  }
}

resource "aws_instance" "worker" {
  ami                    = var.ami_id
  instance_type          = "t3.medium"
  subnet_id              = aws_subnet.app.id
  vpc_security_group_ids = [aws_security_group.web.id]

  tags = {
    Name = "${var.project}-worker-1"
    Role = "worker"
  }
}

resource "aws_instance" "bastion" {
  ami                         = var.ami_id
  instance_type               = "t3.nano"
  subnet_id                   = aws_subnet.app.id
  vpc_security_group_ids      = [aws_security_group.web.id]
  associate_public_ip_address = true

  tags = {
    Name = "${var.project}-bastion"
    Role = "bastion"
  }
}
