"""`immutableid-sync connection save|list|show|delete` (issue 11 §0): saved connections with their source.

These are the wizard's saved connections (core/setup/profiles.py), the unit an unattended or scheduled run
uses. The secret goes to the keyring only (a sandbox profile's own `client_secret` included), never into
the saved record; `show` prints the record as JSON for scripts.
"""

from __future__ import annotations

import argparse
import json
import sys
from typing import Any, TextIO

from core.commands.common import CliError, add_connection_options, fail, resolve_connection
from core.commands.source_options import add_source_options, load_source, spec_from_args
from core.exits import EXIT_BAD_INPUT, EXIT_OK
from core.graph.connection import Connection
from core.setup.names import (
    ConnectionNameError,
    check_connection_name,
    is_valid_name,
    rename_hint,
    saved_names,
)
from core.setup.profiles import KEEP_RUNS_KEY, SCHEDULE_KEY, SOURCE_KEY, ProfileStore
from core.setup.secrets import SecretStore
from core.setup.unattended import DEFAULT_KEEP_RUNS, forget_status, read_statuses


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser("connection", help="save, list, show or delete saved connections",
                                   description="Saved connections with their source: what `apply "
                                               "--connection NAME`, `apply --unattended` and `schedule` run.")
    actions = parser.add_subparsers(dest="action", metavar="ACTION", required=True)
    save = actions.add_parser("save", help="save a connection (and its source) under NAME")
    save.add_argument("name", metavar="NAME")
    add_connection_options(save)
    add_source_options(save, source_required=False)
    save.add_argument("--keep-runs", type=int, metavar="N",
                      help=f"unattended runs: keep the newest N run folders (default {DEFAULT_KEEP_RUNS})")
    for action in save._actions:  # source_options' --force: here it also replaces a saved connection
        if "--force" in action.option_strings:
            action.help = "replace a saved connection of the same name without asking"
    save.set_defaults(func=run_save)
    actions.add_parser("list", help="list saved connections").set_defaults(func=run_list)
    for action, text, func in (("show", "print a saved connection as JSON", run_show),
                               ("delete", "delete a saved connection (the keyring's secret stays)", run_delete)):
        sub = actions.add_parser(action, help=text)
        sub.add_argument("name", metavar="NAME")
        sub.set_defaults(func=func)


def run_save(args: argparse.Namespace, stdin: TextIO | None = None) -> int:
    try:
        check_name(args.name)
        if args.keep_runs is not None and args.keep_runs < 1:
            raise CliError(EXIT_BAD_INPUT, "--keep-runs must be 1 or more")
        conn, profile_secret = resolve_connection(args)
        spec = None
        if args.source:
            load_source(args)  # a typo in the path or a column is found now, not at 2 am
            spec = spec_from_args(args).to_dict()
        store = ProfileStore()
        _may_replace(store, args, stdin or sys.stdin)
        stored = store.save(Connection.from_profile_dict({**conn.to_profile_dict(), "name": args.name}))
        if spec is not None:
            store.attach(stored.name, SOURCE_KEY, spec)
        if args.keep_runs is not None:
            store.attach(stored.name, KEEP_RUNS_KEY, args.keep_runs)
        print(f'Saved connection "{stored.name}" ({stored.tenant}, app {stored.client_id}).')
        if spec is None and not store.attached(stored.name, SOURCE_KEY):
            print("  No source saved: add --source ... to run it unattended.")
        _store_secret(stored, profile_secret, args)
    except CliError as exc:
        return fail(exc)
    return EXIT_OK


def check_name(name: str) -> None:
    """The one name rule (core/setup/names.py), as the command line's error (exit 2, nothing written)."""
    try:
        check_connection_name(name)
    except ConnectionNameError as exc:
        raise CliError(EXIT_BAD_INPUT, f"{exc.message}", exc.code) from None


def _may_replace(store: ProfileStore, args: argparse.Namespace, stdin: TextIO) -> None:
    """An existing connection of this name is replaced only with --force or a yes at the terminal."""
    old = store.get(args.name)
    if old is None or args.force:
        return
    scheduled = store.attached(args.name, SCHEDULE_KEY)
    what = f'A connection called "{args.name}" is already saved ({old.tenant}, app {old.client_id})'
    if scheduled:
        what += "; it is scheduled, and the scheduled run will use what you save now"
    if stdin.isatty() and not getattr(args, "secret_stdin", False):
        print(f"{what}. Replace it? [y/N] ", end="", flush=True, file=sys.stderr)
        if stdin.readline().strip().lower() in ("y", "yes"):
            return
        raise CliError(EXIT_BAD_INPUT, "Nothing was saved.", "connection_exists")
    raise CliError(EXIT_BAD_INPUT, f"{what}. Nothing was saved: give --force to replace it, or choose another "
                                   "name.", "connection_exists")


def _store_secret(conn: Connection, profile_secret: str | None, args: argparse.Namespace) -> None:
    """The profile file's secret (a sandbox's), or one piped with --secret-stdin, goes to the keyring."""
    secret = profile_secret
    if not secret and args.secret_stdin:
        import sys

        secret = sys.stdin.readline().strip() or None
    if not secret:
        return
    store = SecretStore()
    if store.set(conn.tenant, conn.client_id, secret):
        print("  Secret saved in the keyring.")
    else:
        print("  The secret could not be saved: no usable keyring. Store it with `immutableid-sync secret "
              "set` on a machine with one; unattended runs need it there.")


def describe_source(spec: Any) -> str:
    if not isinstance(spec, dict) or not spec.get("kind"):
        return "no source saved"
    if spec["kind"] == "csv":
        text = (f"csv:{spec.get('csv_path')} (match {spec.get('match')}, key {spec.get('key_column')}, "
                f"value {spec.get('value_column')})")
    else:
        text = f"attribute:{spec.get('attribute')}"
    extra = [f"transform {spec.get('transform') or 'none'}"]
    if spec.get("domains"):
        extra.append("domains " + ", ".join(spec["domains"]))
    return f"{text}, {', '.join(extra)}"


def run_list(args: argparse.Namespace) -> int:  # noqa: ARG001
    store, statuses = ProfileStore(), read_statuses()
    conns = store.list()
    if not conns:
        print("No saved connections. Save one with `immutableid-sync connection save NAME ...`.")
        return EXIT_OK
    for conn in conns:
        name = conn.name or conn.tenant
        schedule = store.attached(name, SCHEDULE_KEY)
        when = (f"{schedule.get('every', 'day')} at {schedule.get('at')}" if isinstance(schedule, dict)
                else "not scheduled")
        status = statuses.get(name)
        last = f"last run {status.time}, exit {status.exit_code}" if status else "no unattended run yet"
        if status and status.problem:
            last += f" ({status.problem})"
        print(f"{name}: {conn.tenant}, app {conn.client_id}")
        if not is_valid_name(name):
            print(f"  this name is no longer accepted: {rename_hint(name)}")
        print(f"  source: {describe_source(store.attached(name, SOURCE_KEY))}")
        print(f"  schedule: {when}; {last}")
    return EXIT_OK


def run_show(args: argparse.Namespace) -> int:
    store = ProfileStore()
    conn = store.get(args.name)
    if conn is None:
        return fail(CliError(EXIT_BAD_INPUT, f'No saved connection is called "{args.name}". {saved_names(store)}'))
    status = read_statuses().get(args.name)
    data = {"connection": conn.to_profile_dict(), "source": store.attached(args.name, SOURCE_KEY),
            "keep_runs": store.attached(args.name, KEEP_RUNS_KEY, DEFAULT_KEEP_RUNS),
            "schedule": store.attached(args.name, SCHEDULE_KEY),
            "last_unattended_run": status.__dict__ if status else None}
    print(json.dumps(data, indent=2, ensure_ascii=False))
    return EXIT_OK


def run_delete(args: argparse.Namespace) -> int:
    store = ProfileStore()
    schedule = store.attached(args.name, SCHEDULE_KEY)
    if not store.delete(args.name):
        return fail(CliError(EXIT_BAD_INPUT, f'No saved connection is called "{args.name}". {saved_names(store)}'))
    forget_status(args.name)
    print(f'Deleted the saved connection "{args.name}" (its secret stays in the keyring: `secret delete` '
          "removes it).")
    if schedule:
        print(f'  It was scheduled: remove the task with `immutableid-sync schedule remove --connection '
              f'"{args.name}"` (it will fail until then).')
    return EXIT_OK
