"""What a tenant holds, read through Graph: users and domains, admins, the connection checks."""
