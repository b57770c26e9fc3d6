"""Qt item models for the wizard's tables (plan preview, run results). Plain lists, reset in one go."""
