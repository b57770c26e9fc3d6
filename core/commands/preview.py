"""`immutableid-sync preview`: list users, build the plan, print counts and warnings; `--out FILE` writes
the preview report too. Writes nothing to the tenant."""

from __future__ import annotations

import argparse
import threading

from core import logsetup, paths
from core.commands.common import CliError, add_connection_options, fail
from core.commands.source_options import (
    add_source_options,
    load_source,
    output_path,
    prepare_plan,
    print_counts,
    print_warnings,
)
from core.exits import EXIT_OK
from core.run.folders import PREVIEW_FILE, SUMMARY_FILE
from core.run.lifecycle import write_outputs
from core.run.report import write_summary


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
        source = load_source(args)
        out = output_path("--out", args.out, args)
        prepared = prepare_plan(args, source, cancel)
    except CliError as exc:
        return fail(exc)
    plan, conn = prepared.plan, prepared.conn
    print(f"Plan for {conn.display_name}:")
    print_counts(plan)
    print_warnings(prepared)
    run_dir = paths.new_run_dir(conn.tenant, "preview")
    files = write_outputs(plan.rows, run_dir, PREVIEW_FILE, plan.unmatched_rows, args.delimiter, out)
    write_summary(plan, run_dir / SUMMARY_FILE, tenant=conn.tenant, client_id=conn.client_id,
                  command="preview",
                  extra={"source": plan.source, "transform": plan.transform,
                         "unmatched_rows": len(plan.unmatched_rows),
                         "federation_known": prepared.federation_known, "timings": prepared.timings,
                         "warnings": [{"code": w.code, "args": dict(w.args)} for w in prepared.warnings()]})
    print(f"Report: {out or files[0]}  (run folder: {run_dir})")
    return EXIT_OK
