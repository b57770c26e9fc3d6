"""What `preview` and `apply` share on the command line: the source options, loading the source before
any network call, checking where the report goes, connecting and listing with a progress line, planning,
and printing counts and warnings. What a run *is* lives in core/run/lifecycle.py and core/planning/preflight.py."""

from __future__ import annotations

import argparse
import sys
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, TextIO

from core.commands.common import CliError, connection_and_secret
from core.commands.progress import ProgressLine
from core.exits import EXIT_BAD_INPUT, EXIT_CANCELLED, EXIT_CANNOT_CONNECT
from core.graph.auth import AuthError, TokenProvider
from core.graph.client import Cancelled, GraphClient, GraphError
from core.graph.connection import Connection
from core.messages import (
    OUTPUT_PATH_TEXT,
    SOURCE_ERROR_TEXT,
    STATUS_TEXT,
    csv_error_text,
    hint_for,
    text_for,
    warning_text,
)
from core.planning.plan import Plan, Scope, Status, list_and_plan
from core.planning.preflight import OutputPathError, check_output_path, plan_warnings
from core.source.csvfile import CsvError
from core.source.sources import Source, SourceSpecError, parse_source_spec
from core.source.transforms import Transform
from core.tenant.admins import read_admins_or_none
from core.tenant.directory import initial_domain, list_domains

MATCH_CHOICES = ("upn", "mail", "employeeId", "id")


def add_source_options(parser: argparse.ArgumentParser, source_required: bool = True) -> None:
    group = parser.add_argument_group("source")
    group.add_argument("--source", required=source_required, metavar="csv:PATH|attribute:NAME",
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
    parser.add_argument("--force", action="store_true",
                        help="replace an existing report file without asking (never the source export)")


def load_source(args: argparse.Namespace) -> Source:
    """The source, read and checked before any network call (bad input: exit 2, nothing written)."""
    try:
        return parse_source_spec(args.source, args.match, args.key_column, args.value_column)
    except SourceSpecError as exc:
        text = SOURCE_ERROR_TEXT.get(exc.code, exc.code)
        raise CliError(EXIT_BAD_INPUT, f"--source: {text}" + (f": {exc.detail}" if exc.detail else ""),
                       exc.code) from None
    except CsvError as exc:
        what = "--key-column/--value-column" if exc.code == "missing_column" else args.source
        raise CliError(EXIT_BAD_INPUT, f"{what}: {csv_error_text(exc)}", exc.code) from None


def source_path(args: argparse.Namespace) -> str | None:
    kind, _, rest = (args.source or "").partition(":")
    return rest if kind == "csv" and rest else None


def source_spec(args: argparse.Namespace) -> dict[str, Any]:
    """The source choice as the journal keeps it (the wizard keeps the same keys)."""
    kind, _, rest = (args.source or "").partition(":")
    spec: dict[str, Any] = {"kind": kind, "transform": args.transform, "domains": list(args.domain),
                            "include_guests": args.include_guests, "include_disabled": args.include_disabled}
    if kind == "csv":
        spec.update(csv_path=str(Path(rest).resolve()), match=args.match, key_column=args.key_column,
                    value_column=args.value_column)
    else:
        spec.update(attribute=rest)
    return spec


def output_path(option: str, value: str | None, args: argparse.Namespace,
                stdin: TextIO | None = None) -> Path | None:
    """--out/--report, checked before any work: never the source export; an existing file only with
    --force or when the user says so at the prompt (exit 2 otherwise)."""
    if not value:
        return None
    try:
        return check_output_path(value, sources=(source_path(args),), replace=args.force)
    except OutputPathError as exc:
        if exc.code == "exists" and _ask_replace(value, stdin or sys.stdin):
            return check_output_path(value, sources=(source_path(args),), replace=True)
        text = OUTPUT_PATH_TEXT.get(exc.code, exc.code).format(detail=exc.detail)
        raise CliError(EXIT_BAD_INPUT, f"{option} {value}: {text}") from None


def _ask_replace(value: str, stdin: TextIO) -> bool:
    if not stdin.isatty():
        return False
    print(f"{value} already exists. Replace it? [y/N] ", end="", flush=True, file=sys.stderr)
    return stdin.readline().strip().lower() in ("y", "yes")


def scope_from(args: argparse.Namespace) -> Scope:
    return Scope(tuple(args.domain), args.include_guests, args.include_disabled)


@dataclass
class Session:
    conn: Connection
    graph: GraphClient
    plan: Plan
    federation_known: bool
    timings: dict[str, float]
    domains: list[str] = field(default_factory=list)  # the tenant's domains as listed (may be empty)


def connect_and_plan(args: argparse.Namespace, source: Source, cancel: threading.Event,
                     conn_secret: tuple[Connection, str] | None = None) -> Session:
    """Connect, list users and domains (with progress on stderr), plan. CliError on failure (with the
    sign-in code when signing in failed). `conn_secret`: given by a face that resolved them itself."""
    conn, secret = conn_secret or connection_and_secret(args)
    graph = GraphClient(conn, TokenProvider(conn, secret))
    line = ProgressLine("Listing users")
    t0 = time.monotonic()
    try:
        domains = list_domains(graph, cancel=cancel)
        federated = [d.name for d in domains or () if d.federated]
        admins = read_admins_or_none(graph, cancel=cancel)  # optional permission (graph-facts §12)
        plan = list_and_plan(graph, source, args.transform, scope_from(args), federated,
                             progress=lambda n: line.update(f"{n:,} users"), cancel=cancel,
                             admins=admins.roles_by_user if admins else None,
                             initial_domain=initial_domain(domains))
        plan.admin_groups_unread = admins.unread_groups if admins else ()
    except AuthError as exc:
        raise CliError(EXIT_CANNOT_CONNECT, _connect_text(exc.code), str(exc.code)) from None
    except Cancelled:
        raise CliError(EXIT_CANCELLED, "Cancelled.", "cancelled") from None
    except GraphError as exc:
        raise CliError(EXIT_CANNOT_CONNECT, _graph_text(exc), "graph_read_failed") from None
    finally:
        line.done()
    # pages are planned as they arrive (plan.list_and_plan), so one figure covers both
    timings = {"list_and_plan_s": round(time.monotonic() - t0, 3)}
    return Session(conn, graph, plan, domains is not None, timings, [d.name for d in domains or ()])


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
    order = [s.value for s in Status] + [s for s in counts if s not in Status.__members__.values()]
    for status in order:  # the plan's and apply's statuses, then any other (undo's)
        if status in counts:
            print(f"  {status:<{width}}  {counts[status]:>7,}  {STATUS_TEXT.get(status, '')}", file=out)
    print(f"  {'total':<{width}}  {sum(counts.values()):>7,}", file=out)


def print_swap_note(plan: Plan, out: TextIO | None = None) -> int:
    """Federated users the UPN swap could set (issue 10 §1), said by preview and by apply without the option."""
    count = len(plan.swappable())
    if count:
        print(f"  Note: {count:,} users in federated domains can be set with the UPN swap: run apply with "
              "--federated-upn-swap (its effects are listed before you confirm).", file=out or sys.stdout)
    return count


def print_warnings(session: Session, out: TextIO | None = None) -> int:
    """The plan's warnings (core.planning.preflight), the same for preview and apply; returns how many."""
    warnings = plan_warnings(session.plan, session.federation_known)
    for warning in warnings:
        print(f"  Warning: {warning_text(warning)}", file=out or sys.stdout)
    return len(warnings)
