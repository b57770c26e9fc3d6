from __future__ import annotations

import json
import os

import pytest

from core import paths
from core.graph.connection import Connection
from core.run.folders import find_unfinished as find_unfinished_run
from core.run.journal import FILE_NAME, Journal, JournalBusy


def test_lines_and_replay(tmp_path):
    with Journal(tmp_path, {"tenant": "t1", "client_id": "c1", "plan_hash": "abc"}) as j:
        j.intent("u1", "V1")
        j.intent("u2", "V2")
        j.sync()
        j.outcome("u1", "set")
        j.outcome("u2", "failed", "Request_BadRequest: x")
        j.intent("u3", "V3")
    lines = [json.loads(x) for x in (tmp_path / FILE_NAME).read_text("utf-8").splitlines()]
    assert [x["type"] for x in lines] == ["header", "intent", "intent", "outcome", "outcome", "intent"]
    assert lines[0]["tenant"] == "t1" and lines[0]["plan_hash"] == "abc"
    state = Journal.replay(tmp_path / FILE_NAME)
    assert state.written() == {"u1": "V1"}
    assert state.pending() == {"u3": "V3"}
    assert state.outcomes["u2"] == ("failed", "Request_BadRequest: x") and not state.ended


def test_group_fsync_puts_intents_on_disk_before_sync_is_called(tmp_path):
    j = Journal(tmp_path, {"tenant": "t"}, sync_every=3, sync_ms=10_000)
    size = os.path.getsize(j.path)
    j.intent("a", "1")
    j.intent("b", "2")
    assert os.path.getsize(j.path) == size  # still buffered
    j.intent("c", "3")  # third line: the group is written and fsync'd
    assert Journal.replay(j.path).intents == {"a": "1", "b": "2", "c": "3"}
    j.intent("d", "4")
    j.sync()
    assert "d" in Journal.replay(j.path).intents
    j.close()


def test_torn_last_line_is_ignored(tmp_path):
    with Journal(tmp_path, {"tenant": "t"}) as j:
        j.intent("a", "1")
    with open(tmp_path / FILE_NAME, "a", encoding="utf-8") as fh:
        fh.write('{"type":"outcome","id":"a","sta')  # killed mid-write
    state = Journal.replay(tmp_path / FILE_NAME)
    assert state.pending() == {"a": "1"}


def test_continue_and_find_unfinished():
    run = paths.new_run_dir("school.example")
    with Journal(run, {"tenant": "school.example", "client_id": "c"}) as j:
        j.intent("a", "1")
        j.outcome("a", "set")
        j.intent("b", "2")
    assert find_unfinished_run(Connection("school.example", "c")).path == run
    assert find_unfinished_run(Connection("school.example", "other-app")) is None
    assert find_unfinished_run(Connection("other.example", "c")) is None
    with Journal(run, {"tenant": "school.example", "client_id": "c"}) as j:
        assert j.previous is not None and j.previous.pending() == {"b": "2"}
        assert j.header["tenant"] == "school.example"
        j.outcome("b", "set")
        j.end({"set": 2})
    assert find_unfinished_run(Connection("school.example", "c")) is None
    assert Journal.replay(run / FILE_NAME).written() == {"a": "1", "b": "2"}


def test_a_journal_in_use_cannot_be_opened_twice(tmp_path):
    first = Journal(tmp_path, {"tenant": "t"})
    with pytest.raises(JournalBusy):
        Journal(tmp_path, {"tenant": "t"})
    first.close()
    Journal(tmp_path, {"tenant": "t"}).close()  # free again once the first is closed
