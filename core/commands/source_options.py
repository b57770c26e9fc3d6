"""What `preview`, `apply` and `connection save` share on the command line: the source options (as a
core/source/spec.SourceSpec), loading the source before any network call, checking where the report goes,
the prepare step (core/run/prepare.py) with a progress line, and printing counts and warnings."""

from __future__ import annotations

import argparse
import sys
import threading
from pathlib import Path
from typing import TextIO

from core.commands.common import CliError, connection_and_secret
from core.commands.progress import ProgressLine
from core.exits import EXIT_BAD_INPUT, EXIT_CANCELLED, EXIT_CANNOT_CONNECT
from core.graph.auth import AuthError
from core.graph.batching import ReadFailed
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
from core.planning.plan import Plan, Status
from core.run.outputs import OutputPathError, check_output_path
from core.run.prepare import Prepared, prepare
from core.source.csvfile import CsvError
from core.source.sources import Source, SourceSpecError
from core.source.spec import ATTRIBUTE_NAMES, MATCHES, TRANSFORMS, SourceSpec


def add_source_options(parser: argparse.ArgumentParser, source_required: bool = True) -> None:
    group = parser.add_argument_group("source")
    group.add_argument("--source", required=source_required, metavar="csv:PATH|attribute:NAME",
                       help="where each user's new ImmutableId comes from: csv:PATH (an export from the "
                            "identity provider) or attribute:NAME, NAME one of " + ", ".join(ATTRIBUTE_NAMES))
    group.add_argument("--match", choices=MATCHES, help="CSV: the user attribute the key column holds")
    group.add_argument("--key-column", metavar="NAME", help="CSV: column that identifies the user")
    group.add_argument("--value-column", metavar="NAME", help="CSV: column with the value to write")
    group.add_argument("--transform", default="none", choices=TRANSFORMS,
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


def spec_from_args(args: argparse.Namespace) -> SourceSpec:
    """The source choice as every face keeps it (core/source/spec.py): a relative CSV path made absolute."""
    get = vars(args).get  # commands without the scope options (connection save) leave them out
    # a CSV source's options are not defaulted here: the command line names each one that is missing
    return SourceSpec.from_option(args.source, match=get("match") or "", key_column=get("key_column") or "",
                                  value_column=get("value_column") or "", transform=get("transform") or "none",
                                  domains=tuple(get("domain") or ()), include_guests=bool(get("include_guests")),
                                  include_disabled=bool(get("include_disabled")))


def load_source(args: argparse.Namespace) -> Source:
    """The source, read and checked before any network call (bad input: exit 2, nothing written)."""
    try:
        return spec_from_args(args).load()
    except SourceSpecError as exc:
        text = SOURCE_ERROR_TEXT.get(exc.code, exc.code)
        raise CliError(EXIT_BAD_INPUT, f"--source: {text}" + (f": {exc.detail}" if exc.detail else ""),
                       exc.code) from None
    except CsvError as exc:
        what = "--key-column/--value-column" if exc.code == "missing_column" else args.source
        raise CliError(EXIT_BAD_INPUT, f"{what}: {csv_error_text(exc)}", exc.code) from None


def source_path(args: argparse.Namespace) -> str | None:
    kind, _, rest = (getattr(args, "source", None) or "").partition(":")
    return rest if kind == "csv" and rest else None


def output_path(option: str, value: str | None, args: argparse.Namespace,
                stdin: TextIO | None = None) -> Path | None:
    """--out/--report/--reminder, checked before any work by the output guard (core.run.outputs): never the
    source export or a run folder's files, never a device or FIFO, never into a missing folder, not "-"; an
    existing file only with --force or when the user says so at the prompt (exit 2 otherwise)."""
    if not value:
        return None
    try:
        return check_output_path(value, sources=(source_path(args),), replace=getattr(args, "force", False))
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


def prepare_plan(args: argparse.Namespace, source: Source, cancel: threading.Event,
                 conn_secret: tuple[Connection, str] | None = None) -> Prepared:
    """core/run/prepare.py with a progress line on stderr. CliError on failure (with the sign-in code when
    signing in failed). `conn_secret`: given by a face that resolved them itself."""
    conn, secret = conn_secret or connection_and_secret(args)
    graph = GraphClient.open(conn, secret)
    line = ProgressLine("Listing users")
    try:
        return prepare(conn, graph, spec_from_args(args), source, cancel=cancel,
                       progress=lambda p: line.update(f"{p.done:,} users"))
    except AuthError as exc:
        raise CliError(EXIT_CANNOT_CONNECT, connect_text(exc.code), str(exc.code)) from None
    except Cancelled:
        raise CliError(EXIT_CANCELLED, "Cancelled.", "cancelled") from None
    except (GraphError, ReadFailed) as exc:
        raise CliError(EXIT_CANNOT_CONNECT, _graph_text(exc), "graph_read_failed") from None
    finally:
        line.done()


def connect_text(code: str) -> str:
    hint = hint_for(code)
    return f"Cannot sign in: {text_for(code)}" + (f"\n  → {hint}" if hint else "")


def _graph_text(exc: GraphError | ReadFailed) -> str:
    if isinstance(exc, ReadFailed):
        return f"Cannot read the directory: {exc.error}"
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


def print_warnings(prepared: Prepared, upn_swap: bool = False, out: TextIO | None = None) -> int:
    """The warnings of the prepare step (core/run/prepare.py), the same every face shows; returns how many."""
    warnings = prepared.warnings(upn_swap)
    for warning in warnings:
        print(f"  Warning: {warning_text(warning)}", file=out or sys.stdout)
    return len(warnings)
