"""A run's life: run folder, journal, writes, read-back, the UPN swap, undo, reports, history."""
