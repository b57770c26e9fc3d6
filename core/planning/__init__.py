"""The plan: what happens to every user and why, and the warnings before writing."""
