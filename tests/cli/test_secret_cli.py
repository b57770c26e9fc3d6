"""`immutableid-sync secret set|delete`: keyring only, read from stdin/prompt, never argv."""

from __future__ import annotations

import io

import keyring
import pytest
from keyring.backend import KeyringBackend

from core.cli import main
from core.exits import EXIT_BAD_INPUT, EXIT_CANNOT_CONNECT, EXIT_OK
from core.setup.secrets import SERVICE

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
    err = capsys.readouterr().err
    # the command ends at once: "kept for this session" (the wizard's case) would be untrue here
    assert "The secret was not stored: this computer has no usable keyring." in err
    assert "IMMUTABLEID_SYNC_CLIENT_SECRET" in err and "session" not in err
    for path in isolated_home.rglob("*"):
        if path.is_file():
            assert VALUE not in path.read_text(errors="replace")
    assert main(["secret", "delete", "--tenant", TENANT, "--client-id", CLIENT]) == EXIT_OK
    out, err = capsys.readouterr()
    assert "no usable keyring, so no secret is stored in one" in out and err == ""


@pytest.fixture
def broken_keyring():
    class Broken(KeyringBackend):
        priority = 1

        def get_password(self, service, username):
            raise RuntimeError("locked")

        def set_password(self, service, username, password):
            raise RuntimeError("locked")

        def delete_password(self, service, username):
            raise RuntimeError("locked")

    previous = keyring.get_keyring()
    keyring.set_keyring(Broken())
    yield
    keyring.set_keyring(previous)


def test_a_failing_keyring_is_reported_as_such(broken_keyring, monkeypatch, capsys):
    monkeypatch.setattr("sys.stdin", io.StringIO(VALUE + "\n"))
    assert main(["secret", "set", "--tenant", TENANT, "--client-id", CLIENT]) == EXIT_CANNOT_CONNECT
    err = capsys.readouterr().err
    assert "The secret was not stored: the keyring failed. Unlock the keyring" in err and "session" not in err
    assert main(["secret", "delete", "--tenant", TENANT, "--client-id", CLIENT]) == EXIT_CANNOT_CONNECT
    out, err = capsys.readouterr()
    assert "the secret may still be stored" in err and "No stored secret" not in out


def test_bad_ids_and_empty_input(memory_keyring, monkeypatch, capsys):
    assert main(["secret", "set", "--tenant", "common", "--client-id", CLIENT]) == EXIT_BAD_INPUT
    monkeypatch.setattr("sys.stdin", io.StringIO(""))
    assert main(["secret", "set", "--tenant", TENANT, "--client-id", CLIENT]) == EXIT_BAD_INPUT
    err = capsys.readouterr().err
    assert "Standard input was empty, so no secret was stored." in err and "| immutableid-sync secret set" in err
    monkeypatch.setattr("sys.stdin", io.StringIO("\n" + VALUE + "\n"))
    assert main(["secret", "set", "--tenant", TENANT, "--client-id", CLIENT]) == EXIT_BAD_INPUT
    assert "The first line of standard input was blank" in capsys.readouterr().err
    assert main(["secret"]) == EXIT_BAD_INPUT
    assert memory_keyring.store == {}
    capsys.readouterr()


def test_nothing_typed_at_the_prompt(memory_keyring, monkeypatch, capsys):
    class Terminal(io.StringIO):
        def isatty(self):
            return True

    monkeypatch.setattr("sys.stdin", Terminal())
    monkeypatch.setattr("getpass.getpass", lambda prompt: "  ")
    assert main(["secret", "set", "--tenant", TENANT, "--client-id", CLIENT]) == EXIT_BAD_INPUT
    assert "No secret was typed, so none was stored." in capsys.readouterr().err
    assert memory_keyring.store == {}


def test_no_option_takes_the_secret_on_the_command_line():
    from core.cli import build_parser

    parser = build_parser()
    texts = [a.option_strings for a in parser._subparsers._group_actions[0].choices["check"]._actions]
    assert not any("--secret" == opt or "--client-secret" == opt for opts in texts for opt in opts)
