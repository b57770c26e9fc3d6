"""The sandbox tenant: a local, faithful stand-in for Entra login and Microsoft Graph (docs/design.md)."""

from __future__ import annotations

from core.sandbox.config import FaultSpec, SandboxConfig
from core.sandbox.data import SeedError
from core.sandbox.export import sample_export
from core.sandbox.tenant import SandboxTenant

__all__ = ["FaultSpec", "SandboxConfig", "SandboxTenant", "SeedError", "sample_export"]
