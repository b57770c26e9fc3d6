"""Work the wizard hands to a background thread: the worker, and the jobs it runs."""
