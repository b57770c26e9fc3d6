"""PySide6 wizard: a face on core/. Pages gather input, run core work on worker threads, show results."""
