"""Immutable ID Sync core: everything that knows Entra, Graph, files and rules. Never imports Qt."""

__version__ = "0.1.0"
APP_NAME = "immutableid-sync"
