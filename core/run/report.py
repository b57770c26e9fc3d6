"""Reports the school can file (contracts.md, Reports): CSV, UTF-8 with BOM, RFC 4180 quoting,
`,` or `;`, formula-looking cells neutralised; plus the run summary as JSON.

Never given a secret or token: rows carry user data and Graph error texts only.
"""

from __future__ import annotations

import csv
import getpass
import json
import os
import socket
from collections.abc import Iterable, Mapping
from datetime import datetime
from pathlib import Path
from typing import Any

from core import __version__

REPORT_COLUMNS = ("object_id", "user_principal_name", "display_name", "source_value",
                  "current_immutable_id", "new_immutable_id", "status", "detail",
                  # the UPN swap (issue 10 §1): as read before step 1 and after the last step; empty for
                  # users not swapped — an admin can prove nothing but the UPN's round trip happened
                  "upn_before", "upn_after", "mail_before", "mail_after")
UNMATCHED_COLUMNS = ("line", "key", "value", "reason")
DELIMITERS = (",", ";")
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def neutralise(cell: Any) -> str:
    """Spreadsheet apps run cells that start like a formula; a leading ' makes them plain text."""
    text = "" if cell is None else str(cell)
    return "'" + text if text.startswith(_FORMULA_START) else text


def _cells(row: Any, columns: tuple[str, ...]) -> list[str]:
    if isinstance(row, Mapping):
        return [neutralise(row.get(c, "")) for c in columns]
    return [neutralise(getattr(row, c, "")) for c in columns]


def write_csv(rows: Iterable[Any], path: str | Path, columns: tuple[str, ...],
              delimiter: str = ",") -> Path:
    if delimiter not in DELIMITERS:
        raise ValueError(f"delimiter must be one of {DELIMITERS}")
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(path.name + ".part")
    # written aside and renamed: a half-written report never looks like a finished one
    with open(tmp, "w", encoding="utf-8-sig", newline="") as fh:
        writer = csv.writer(fh, delimiter=delimiter, quoting=csv.QUOTE_MINIMAL, lineterminator="\r\n")
        writer.writerow(columns)
        writer.writerows(_cells(row, columns) for row in rows)
    os.replace(tmp, path)
    return path


def write_report(rows: Iterable[Any], path: str | Path, delimiter: str = ",") -> Path:
    """`rows`: PlanRow-like objects (attributes named as the columns) or mappings."""
    return write_csv(rows, path, REPORT_COLUMNS, delimiter)


def write_unmatched(rows: Iterable[Any], path: str | Path, delimiter: str = ",") -> Path:
    """CSV rows that matched no tenant user (sources.UnmatchedRow)."""
    return write_csv(rows, path, UNMATCHED_COLUMNS, delimiter)


def _iso(value: datetime | None) -> str | None:
    return value.isoformat(timespec="seconds") if value else None


def summary_dict(result: Any, *, tenant: str, client_id: str = "", command: str = "apply",
                 dry_run: bool = False, extra: Mapping[str, Any] | None = None) -> dict[str, Any]:
    """`result`: a Plan or an ApplyResult (anything with counts() and started/finished)."""
    counts = result.counts() if callable(getattr(result, "counts", None)) else dict(result.counts)
    started, finished = getattr(result, "started", None), getattr(result, "finished", None)
    data: dict[str, Any] = {
        "command": command,
        "tool": "immutableid-sync",
        "tool_version": __version__,
        "tenant": tenant,
        "client_id": client_id,
        "user": _user(),
        "host": socket.gethostname(),
        "started": _iso(started),
        "finished": _iso(finished),
        "duration_s": round((finished - started).total_seconds(), 3) if started and finished else None,
        "dry_run": dry_run,
        "total_users": sum(counts.values()),
        "counts": counts,
    }
    data.update(extra or {})
    return data


def write_summary(result: Any, path: str | Path, **kwargs: Any) -> Path:
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(path.name + ".part")
    tmp.write_text(json.dumps(summary_dict(result, **kwargs), indent=2, ensure_ascii=False) + "\n",
                   encoding="utf-8")
    os.replace(tmp, path)
    return path


def _user() -> str:
    try:
        return getpass.getuser()
    except (KeyError, OSError):  # no passwd entry (containers)
        return ""
