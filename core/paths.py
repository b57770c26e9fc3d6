"""Where the program keeps things: per-OS folders from platformdirs, or one folder for tests/portable use."""

from __future__ import annotations

import os
import re
from datetime import UTC, datetime
from pathlib import Path

from platformdirs import PlatformDirs

from core import APP_NAME

HOME_ENV = "IMMUTABLEID_SYNC_HOME"


def _dirs() -> PlatformDirs:
    return PlatformDirs(APP_NAME, appauthor=False)


def _home() -> Path | None:
    value = os.environ.get(HOME_ENV)
    return Path(value) if value else None


def _ensure(path: Path) -> Path:
    path.mkdir(parents=True, exist_ok=True)
    return path


def config_dir() -> Path:
    home = _home()
    return _ensure(home / "config" if home else Path(_dirs().user_config_dir))


def data_dir() -> Path:
    home = _home()
    return _ensure(home / "data" if home else Path(_dirs().user_data_dir))


def log_dir() -> Path:
    home = _home()
    return _ensure(home / "logs" if home else Path(_dirs().user_log_dir))


def runs_dir() -> Path:
    return _ensure(data_dir() / "runs")


def new_run_dir(tenant: str, kind: str = "apply") -> Path:
    """One folder per run, named so that a sorted listing is chronological and says which school."""
    stamp = datetime.now(UTC).strftime("%Y%m%d-%H%M%S")
    safe = re.sub(r"[^A-Za-z0-9.-]+", "_", tenant)[:60] or "tenant"
    base = runs_dir() / f"{stamp}-{kind}-{safe}"
    path, n = base, 1
    while path.exists():
        n += 1
        path = base.with_name(f"{base.name}-{n}")
    return _ensure(path)
