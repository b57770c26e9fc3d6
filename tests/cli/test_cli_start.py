"""The command line starts only what the command asked for (issue 17: a run's first request waited ~0.15 s
for every other command's imports — the sandbox, federation, app registration)."""

from __future__ import annotations

import subprocess
import sys

import pytest

from core.cli import COMMANDS, build_parser

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
