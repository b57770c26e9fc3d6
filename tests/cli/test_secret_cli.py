"""`immutableid-sync secret set|delete`: keyring only, read from stdin/prompt, never argv."""

from __future__ import annotations

import io

from core.cli import EXIT_BAD_INPUT, EXIT_CANNOT_CONNECT, EXIT_OK, main
from core.secrets import SERVICE

TENANT = "1b2c3d4e-0000-4111-8222-333344445555"
CLIENT = "9f8e7d6c-aaaa-4bbb-8ccc-ddddeeeeffff"
VALUE = "Qq8~stdin-secret-value-0123456789abcdef"


def test_set_then_delete(memory_keyring, monkeypatch, capsys):
    monkeypatch.setattr("sys.stdin", io.StringIO(VALUE + "\n"))
    assert main(["secret", "set", "--tenant", TENANT.upper(), "--client-id", CLIENT]) == EXIT_OK
    assert memory_keyring.store == {(SERVICE, f"{TENANT}/{CLIENT}"): VALUE}
    assert VALUE not in capsys.readouterr().out
    assert main(["secret", "delete", "--tenant", TENANT, "--client-id", CLIENT]) == EXIT_OK
    assert memory_keyring.store == {}
    assert "removed" in capsys.readouterr().out
    assert main(["secret", "delete", "--tenant", TENANT, "--client-id", CLIENT]) == EXIT_OK
    assert "No stored secret" in capsys.readouterr().out


def test_without_a_keyring_nothing_is_written_anywhere(no_keyring, isolated_home, monkeypatch, capsys):
    monkeypatch.setattr("sys.stdin", io.StringIO(VALUE + "\n"))
    assert main(["secret", "set", "--tenant", TENANT, "--client-id", CLIENT]) == EXIT_CANNOT_CONNECT
    assert "no usable keyring" in capsys.readouterr().err
    for path in isolated_home.rglob("*"):
        if path.is_file():
            assert VALUE not in path.read_text(errors="replace")


def test_bad_ids_and_empty_input(memory_keyring, monkeypatch, capsys):
    assert main(["secret", "set", "--tenant", "common", "--client-id", CLIENT]) == EXIT_BAD_INPUT
    monkeypatch.setattr("sys.stdin", io.StringIO("\n"))
    assert main(["secret", "set", "--tenant", TENANT, "--client-id", CLIENT]) == EXIT_BAD_INPUT
    assert main(["secret"]) == EXIT_BAD_INPUT
    assert memory_keyring.store == {}
    capsys.readouterr()


def test_no_option_takes_the_secret_on_the_command_line():
    from core.cli import build_parser

    parser = build_parser()
    texts = [a.option_strings for a in parser._subparsers._group_actions[0].choices["check"]._actions]
    assert not any("--secret" == opt or "--client-secret" == opt for opts in texts for opt in opts)
