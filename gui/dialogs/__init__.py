"""Dialogs the wizard opens: about, creating the app, undo."""
