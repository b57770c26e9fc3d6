"""What the command line says when the connection options, the profile or --secret-stdin are wrong: each
message says what is wrong and names where the admin fixes it (a key in the file, an option, a saved
connection's name), exit 2, before any network call."""

from __future__ import annotations

import io
import json
import os

from core.cli import main
from core.exits import EXIT_BAD_INPUT
from core.graph.connection import Connection
from core.setup.profiles import ProfileStore

TENANT = "1b2c3d4e-0000-4111-8222-333344445555"
CLIENT = "9f8e7d6c-aaaa-4bbb-8ccc-ddddeeeeffff"
PROFILE = {"tenant_id": TENANT, "client_id": CLIENT, "login_url": "https://127.0.0.1:9",
           "graph_url": "https://127.0.0.1:9"}


def check(capsys, *args: str) -> tuple[int, str]:
    code = main(["check", *args])
    return code, capsys.readouterr().err


def write(tmp_path, text: str):
    path = tmp_path / "profile.json"
    path.write_text(text, encoding="utf-8")
    return path


def test_a_truncated_profile_is_invalid_json_maybe_cut_short_with_line_and_column(tmp_path, capsys):
    path = write(tmp_path, json.dumps(PROFILE, indent=2)[:-12])  # stops inside graph_url, on line 5
    code, err = check(capsys, "--profile", str(path))
    assert code == EXIT_BAD_INPUT
    assert f"--profile {path}, line 5, column 16: The profile file is not valid JSON" in err
    assert "may be cut short" in err and "--profile-out" in err
    assert "JSON object" not in err


def test_broken_json_inside_the_file_says_where_and_not_cut_short(tmp_path, capsys):
    path = write(tmp_path, '{"tenant_id": "x" "client_id": "y"}')
    code, err = check(capsys, "--profile", str(path))
    assert code == EXIT_BAD_INPUT
    assert f"{path}, line 1, column 19: The profile file is not valid JSON." in err
    assert "cut short" not in err and "missing comma" in err


def test_json_that_is_not_an_object_and_a_value_that_is_not_text(tmp_path, capsys):
    code, err = check(capsys, "--profile", str(write(tmp_path, "[1, 2]")))
    assert code == EXIT_BAD_INPUT and "not one object" in err
    code, err = check(capsys, "--profile", str(write(tmp_path, json.dumps({**PROFILE, "ca_bundle": True}))))
    assert code == EXIT_BAD_INPUT and "key ca_bundle: The value of this key must be text in quotes." in err


def test_profile_problems_name_the_key_in_the_file_not_an_option(tmp_path, capsys):
    path = write(tmp_path, json.dumps({**PROFILE, "login_url": "http://127.0.0.1:9", "cloud": "mars",
                                       "ca_bundle": str(tmp_path / "missing.pem")}))
    code, err = check(capsys, "--profile", str(path))
    assert code == EXIT_BAD_INPUT
    assert f"  {path}, key ca_bundle: The CA bundle file does not exist." in err
    assert f"  {path}, key login_url: The address must start with https://." in err
    assert f"  {path}, key cloud: Unknown cloud." in err
    assert "--ca-bundle" not in err and "--login-url" not in err and "--cloud" not in err


def test_an_option_given_on_the_command_line_is_named_as_the_option(tmp_path, capsys):
    path = write(tmp_path, json.dumps({**PROFILE, "tenant_id": "common"}))
    code, err = check(capsys, "--profile", str(path))
    assert code == EXIT_BAD_INPUT and f"{path}, key tenant_id: " in err and "--tenant" not in err
    code, err = check(capsys, "--profile", str(write(tmp_path, json.dumps(PROFILE))), "--tenant", "common")
    assert code == EXIT_BAD_INPUT and "  --tenant: 'common'" in err and "key tenant_id" not in err


def test_a_saved_connection_is_named_in_its_problems(tmp_path, capsys):
    ProfileStore().save(Connection(TENANT, CLIENT, name="North school", ca_bundle=str(tmp_path / "gone.pem")))
    code, err = check(capsys, "--profile", "North school")
    assert code == EXIT_BAD_INPUT
    assert 'saved connection "North school", key ca_bundle: The CA bundle file does not exist.' in err


def test_an_unknown_name_lists_the_saved_connections_or_says_how_to_save_one(capsys):
    code, err = check(capsys, "--profile", "South school")
    assert code == EXIT_BAD_INPUT
    assert '--profile "South school": No connection has been saved yet' in err and "Connection page" in err
    assert "does not exist" not in err
    ProfileStore().save(Connection(TENANT, CLIENT, name="North school"))
    ProfileStore().save(Connection("school.onmicrosoft.com", CLIENT))
    code, err = check(capsys, "--profile", "South school")
    assert code == EXIT_BAD_INPUT
    assert 'No saved connection has this name' in err
    assert 'Saved connections: "North school", "school.onmicrosoft.com".' in err


def test_a_path_that_does_not_exist_is_a_missing_file_not_a_name(tmp_path, capsys):
    ProfileStore().save(Connection(TENANT, CLIENT, name="North school"))
    for value in (str(tmp_path / "nope.json"), "nope.json", f"sub{os.sep}nope"):
        code, err = check(capsys, "--profile", value)
        assert code == EXIT_BAD_INPUT
        assert "The profile file does not exist." in err and "saved" not in err


def test_an_empty_secret_stdin_says_standard_input_was_empty(tmp_path, memory_keyring, monkeypatch, capsys):
    path = write(tmp_path, json.dumps(PROFILE))  # no client_secret in it, none in the keyring or env
    monkeypatch.setattr("sys.stdin", io.StringIO(""))
    code, err = check(capsys, "--profile", str(path), "--secret-stdin")
    assert code == EXIT_BAD_INPUT
    assert "--secret-stdin: Standard input was empty, so no client secret was read." in err
    assert "printf '%s\\n' \"$SECRET\" | immutableid-sync" in err
    assert "No client secret was found" not in err and "pipe it in with --secret-stdin" not in err
    monkeypatch.setattr("sys.stdin", io.StringIO("\nthe-secret-on-line-two\n"))
    code, err = check(capsys, "--profile", str(path), "--secret-stdin")
    assert code == EXIT_BAD_INPUT
    assert "The first line of standard input was blank" in err and "the-secret-on-line-two" not in err
