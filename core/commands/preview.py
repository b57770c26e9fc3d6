"""`immutableid-sync preview`: list users, build the plan, print counts; `--out FILE` writes the
preview report. Also the pieces `apply` shares: source options, loading the source before any
network call, connecting, listing with progress, planning, and the progress line."""

from __future__ import annotations

import argparse
import os
import sys
import threading
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any, TextIO

from core import logsetup, paths
from core.auth import AuthError, TokenProvider
from core.cli import EXIT_BAD_INPUT, EXIT_CANCELLED, EXIT_CANNOT_CONNECT, EXIT_OK
from core.commands.common import CliError, add_connection_options, connection_and_secret, fail
from core.connection import Connection
from core.csvsource import CsvError
from core.directory import list_domains
from core.graph import Cancelled, GraphClient, GraphError
from core.messages import SOURCE_ERROR_TEXT, STATUS_TEXT, csv_error_text, hint_for, text_for
from core.plan import Plan, Scope, Status, list_and_plan
from core.report import write_report, write_summary, write_unmatched
from core.sources import Source, SourceSpecError, parse_source_spec
from core.transforms import Transform

MATCH_CHOICES = ("upn", "mail", "employeeId", "id")


def add_source_options(parser: argparse.ArgumentParser) -> None:
    group = parser.add_argument_group("source")
    group.add_argument("--source", required=True, metavar="csv:PATH|attribute:NAME",
                       help="where each user's new ImmutableId comes from")
    group.add_argument("--match", choices=MATCH_CHOICES, help="CSV: the user attribute the key column holds")
    group.add_argument("--key-column", metavar="NAME", help="CSV: column that identifies the user")
    group.add_argument("--value-column", metavar="NAME", help="CSV: column with the value to write")
    group.add_argument("--transform", default="none", choices=[t.value for t in Transform],
                       help="applied to the source value (default: none)")
    scope = parser.add_argument_group("scope")
    scope.add_argument("--domain", action="append", default=[], metavar="D",
                       help="only users whose UPN is in domain D (repeatable)")
    scope.add_argument("--include-guests", action="store_true", help="also guest accounts")
    scope.add_argument("--include-disabled", action="store_true", help="also disabled accounts")
    parser.add_argument("--delimiter", default=",", choices=[",", ";"], metavar="{,|;}",
                        help="report delimiter: , (default) or ; (Excel in Nordic locales)")


def load_source(args: argparse.Namespace) -> Source:
    """The source, read and checked before any network call (bad input: exit 2, nothing written)."""
    try:
        return parse_source_spec(args.source, args.match, args.key_column, args.value_column)
    except SourceSpecError as exc:
        text = SOURCE_ERROR_TEXT.get(exc.code, exc.code)
        raise CliError(EXIT_BAD_INPUT, f"--source: {text}" + (f": {exc.detail}" if exc.detail else "")) from None
    except CsvError as exc:
        what = "--key-column/--value-column" if exc.code == "missing_column" else args.source
        raise CliError(EXIT_BAD_INPUT, f"{what}: {csv_error_text(exc)}") from None


def check_out_path(option: str, value: str | None) -> None:
    """--out/--report must be writable before any work is done (bad input: exit 2)."""
    if not value:
        return
    path = Path(value)
    if path.is_dir():
        raise CliError(EXIT_BAD_INPUT, f"{option} {value}: is a folder; give a file name")
    parent = path.parent if str(path.parent) else Path(".")
    try:
        parent.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise CliError(EXIT_BAD_INPUT, f"{option} {value}: cannot create the folder ({exc.strerror})") from None
    if not os.access(parent, os.W_OK):
        raise CliError(EXIT_BAD_INPUT, f"{option} {value}: the folder is not writable")


def scope_from(args: argparse.Namespace) -> Scope:
    return Scope(tuple(args.domain), args.include_guests, args.include_disabled)


@dataclass
class Session:
    conn: Connection
    graph: GraphClient
    plan: Plan
    federation_known: bool
    timings: dict[str, float]


def connect_and_plan(args: argparse.Namespace, source: Source, cancel: threading.Event) -> Session:
    """Connect, list users and domains (with progress on stderr), plan. CliError on failure."""
    conn, secret = connection_and_secret(args)
    graph = GraphClient(conn, TokenProvider(conn, secret))
    line = ProgressLine("Listing users")
    t0 = time.monotonic()
    try:
        domains = list_domains(graph, cancel=cancel)
        federated = [d.name for d in domains or () if d.federated]
        plan = list_and_plan(graph, source, args.transform, scope_from(args), federated,
                             progress=lambda n: line.update(f"{n:,} users"), cancel=cancel)
    except AuthError as exc:
        raise CliError(EXIT_CANNOT_CONNECT, _connect_text(exc.code)) from None
    except Cancelled:
        raise CliError(EXIT_CANCELLED, "Cancelled.") from None
    except GraphError as exc:
        raise CliError(EXIT_CANNOT_CONNECT, _graph_text(exc)) from None
    finally:
        line.done()
    # pages are planned as they arrive (plan.list_and_plan), so one figure covers both
    timings = {"list_and_plan_s": round(time.monotonic() - t0, 3)}
    return Session(conn, graph, plan, domains is not None, timings)


def _connect_text(code: str) -> str:
    hint = hint_for(code)
    return f"Cannot sign in: {text_for(code)}" + (f"\n  → {hint}" if hint else "")


def _graph_text(exc: GraphError) -> str:
    if exc.status in (401, 403):
        return (f"Graph refused to list users ({exc.code}: {exc.message}).\n"
                "  → Grant admin consent for User.ReadWrite.All, then run `check`.")
    return f"Cannot read the directory: {exc.code} {exc.message}".strip()


def print_counts(plan: Plan | dict[str, int], out: TextIO | None = None) -> None:
    out = out or sys.stdout
    counts = plan.counts() if isinstance(plan, Plan) else plan
    width = max((len(s) for s in counts), default=0)
    for status in Status:
        if status.value in counts:
            print(f"  {status.value:<{width}}  {counts[status.value]:>7,}  {STATUS_TEXT[status.value]}", file=out)
    print(f"  {'total':<{width}}  {sum(counts.values()):>7,}", file=out)


def write_outputs(rows: Any, result: Any, run_dir: Path, name: str, out: str | None, delimiter: str,
                  unmatched: list, summary: dict[str, Any]) -> list[Path]:
    """Report + summary (+ unmatched rows) in the run folder, and the report where --out/--report says."""
    written = [write_report(rows, run_dir / f"{name}.csv", delimiter)]
    if unmatched:
        written.append(write_unmatched(unmatched, run_dir / "unmatched_rows.csv", delimiter))
    if out:
        target = Path(out)
        written.append(write_report(rows, target, delimiter))
        if unmatched:
            written.append(write_unmatched(unmatched, target.with_name(f"{target.stem}.unmatched_rows.csv"),
                                           delimiter))
    written.append(write_summary(result, run_dir / "summary.json", **summary))
    return written


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser("preview", help="list users, build the plan, print counts",
                                   description="Lists users, builds the plan and prints counts per status.")
    add_connection_options(parser)
    add_source_options(parser)
    parser.add_argument("--out", metavar="FILE", help="write the preview report (CSV) here")
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    logsetup.setup_logging()
    cancel = threading.Event()
    try:
        check_out_path("--out", args.out)
        source = load_source(args)
        session = connect_and_plan(args, source, cancel)
    except CliError as exc:
        return fail(exc)
    plan = session.plan
    print(f"Plan for {session.conn.display_name}:")
    print_counts(plan)
    _print_source_notes(plan, session.federation_known)
    run_dir = paths.new_run_dir(session.conn.tenant, "preview")
    summary = {"tenant": session.conn.tenant, "client_id": session.conn.client_id, "command": "preview",
               "extra": {"source": plan.source, "transform": plan.transform,
                         "unmatched_rows": len(plan.unmatched_rows),
                         "federation_known": session.federation_known, "timings": session.timings}}
    files = write_outputs(plan.rows, plan, run_dir, "preview", args.out, args.delimiter,
                          plan.unmatched_rows, summary)
    print(f"Report: {args.out or files[0]}  (run folder: {run_dir})")
    return EXIT_OK


def _print_source_notes(plan: Plan, federation_known: bool) -> None:
    if plan.unmatched_rows:
        print(f"  {len(plan.unmatched_rows):,} CSV rows matched no user (listed in unmatched_rows.csv).")
    if plan.duplicate_keys:
        print(f"  {len(plan.duplicate_keys):,} keys appear on more than one CSV row.")
    if not federation_known:
        print("  Federation of the domains is unknown (Domain.Read.All not granted): "
              "users in federated domains will fail when written.")


class ProgressLine:
    """A progress line on stderr: redrawn in place on a terminal, a plain line every few seconds otherwise."""

    PLAIN_EVERY_S = 5.0

    def __init__(self, label: str, stream: TextIO | None = None) -> None:
        self.label, self.stream = label, stream or sys.stderr
        self.tty = bool(getattr(self.stream, "isatty", lambda: False)())
        self._last = 0.0
        self._shown = False
        self._lock = threading.Lock()

    def update(self, text: str, force: bool = False) -> None:
        now = time.monotonic()
        with self._lock:
            if self.tty:
                if force or now - self._last >= 0.1:
                    self.stream.write(f"\r\x1b[K{self.label}: {text}")
                    self.stream.flush()
                    self._last, self._shown = now, True
            elif force or now - self._last >= self.PLAIN_EVERY_S:
                self.stream.write(f"{self.label}: {text}\n")
                self.stream.flush()
                self._last = now

    def done(self) -> None:
        with self._lock:
            if self.tty and self._shown:
                self.stream.write("\n")
                self.stream.flush()
