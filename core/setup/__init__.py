"""Getting a school ready and kept in sync: app registration, secrets, saved connections, schedules,
unattended runs, many schools at once."""
