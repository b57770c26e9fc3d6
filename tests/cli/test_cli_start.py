"""From the start of the command to its first write (issue 17): the command line imports only the command
asked for (a run's first request waited ~0.15 s for every other command's imports — the sandbox, federation,
app registration), and apply goes from its plan's listing to its first write without listing again."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest
from batch_helpers import school_tenant, written_once

from core.cli import COMMANDS, build_parser, main
from core.exits import EXIT_OK

PROBE = """
import sys
from core.cli import build_parser
parser = build_parser(only={only!r})
loaded = sorted(name for name in {modules!r} if name in sys.modules)
print(",".join(loaded))
"""


def _loaded_after(only: str | None) -> set[str]:
    code = PROBE.format(only=only, modules=list(COMMANDS.values()))
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    return set(filter(None, out.strip().split(",")))


@pytest.mark.parametrize("command", ["apply", "batch", "check"])
def test_a_command_imports_its_own_module_and_no_other_command(command):
    loaded = _loaded_after(command)
    assert COMMANDS[command] in loaded
    assert "core.sandbox.command" not in loaded and "core.commands.federate" not in loaded
    assert "core.commands.app" not in loaded


def test_help_and_unknown_commands_still_see_every_command(capsys):
    assert _loaded_after(None) == set(COMMANDS.values())
    with pytest.raises(SystemExit):
        build_parser(only="nonsense").parse_args(["nonsense"])
    said = capsys.readouterr().err  # "invalid choice: 'nonsense' (choose from …)"
    assert all(f"'{name}'" in said for name in COMMANDS)


def test_the_command_parsed_alone_is_the_same_as_in_the_whole_parser():
    argv = ["apply", "--profile", "p.json", "--source", "attribute:employeeId", "--yes", "--concurrency", "5"]
    alone, whole = build_parser(only="apply").parse_args(argv), build_parser().parse_args(argv)
    assert vars(alone) == vars(whole) and alone.concurrency == 5


def test_apply_goes_from_its_plan_to_the_first_write_without_listing_the_tenant_again(sandbox_factory, tmp_path):
    # The writer reads each chunk again right before writing it once the plan's values are older than
    # FRESH_S, so a second listing of the whole tenant would only hold back the first write (51 pages at
    # 50,000 users). Users who got a value after the plan are still skipped: tests/core/test_apply.py.
    tenant = school_tenant(sandbox_factory, tmp_path, 0, users=200)  # a listing reads them quicker than GETs
    profile = tmp_path / "school.json"
    profile.write_text(json.dumps(tenant.connection_profile()), encoding="utf-8")
    assert main(["apply", "--profile", str(profile), "--source", "attribute:employeeId", "--yes"]) == EXIT_OK
    assert written_once(tenant, 200)
    audit = tenant.audit()
    first_write = min(e["time"] for e in audit if e["method"] == "PATCH")
    listings = [e for e in audit if e["method"] == "GET" and not e["in_batch"]
                and e["path"].rstrip("/").endswith("/users") and e["time"] < first_write]
    assert len(listings) == 1, [(e["time"], e["path"], e["query"]) for e in listings]
