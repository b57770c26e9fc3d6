"""Fixtures for the sandbox's own tests (helpers live in sandbox_helpers.py).

Nothing from `core` is imported at module level here: while conftest files load, `tests/` is on
sys.path and `tests/core/` would shadow the real `core` package."""

from __future__ import annotations

import pytest


@pytest.fixture
def graph(sandbox):
    """Graph caller with a token of the sandbox's default app (User.ReadWrite.All)."""
    from sandbox_helpers import Graph, token_for

    return Graph(sandbox, token_for(sandbox))
