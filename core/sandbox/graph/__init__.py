"""The sandbox's Graph endpoints: users, $batch, applications, roles."""
