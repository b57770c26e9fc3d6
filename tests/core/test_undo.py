"""core/run/undo.py against the sandbox: the clear request can carry nothing but null; under 503s, 429s and
lost answers no user is cleared twice (each clear in doubt is read before any resend)."""

from __future__ import annotations

from collections import Counter

import pytest
from test_apply import connect, plan_for

from core.graph.batching import ForbiddenWrite, clear_request, patch_request
from core.graph.pacing import WritePacer
from core.planning.plan import Plan
from core.run import undo
from core.run.apply import apply_plan
from core.run.journal import Journal
from core.sandbox.config import FaultSpec, SandboxConfig


def test_the_clear_request_is_exactly_null_and_patch_request_still_refuses_null():
    req = clear_request("0", "00000000-0000-4000-8000-000000000001")
    assert req["method"] == "PATCH" and req["body"] == {"onPremisesImmutableId": None}
    assert req["url"] == "/users/00000000-0000-4000-8000-000000000001"
    with pytest.raises(ForbiddenWrite):
        clear_request("0", "../me?x=1")
    with pytest.raises(ForbiddenWrite):
        patch_request("0", "00000000-0000-4000-8000-000000000001", {"onPremisesImmutableId": None})


def _clears(tenant) -> Counter:
    return Counter(e["path"].rsplit("/", 1)[1] for e in tenant.audit()
                   if e["method"] == "PATCH" and e["status"] == 204 and e["body"] == {"onPremisesImmutableId": None})


@pytest.mark.parametrize("faults", [FaultSpec(p503=0.15, seed=3), FaultSpec(drop=0.15, seed=5),
                                    FaultSpec(p429=0.15, seed=7)], ids=["503", "drop", "429"])
def test_faults_never_clear_a_user_twice(sandbox_factory, tmp_path, faults):
    config = SandboxConfig(faults=faults, fault_retry_after_s=1)
    tenant = sandbox_factory(users=70, config=config)
    graph = connect(tenant)
    plan = plan_for(graph, domains=("nordskolan.example",))
    with Journal(tmp_path / "apply", {"tenant": tenant.tenant_id}) as journal:
        apply_plan(plan, graph, journal, concurrency=1, read_back=False)
    written = Journal.replay(tmp_path / "apply" / "journal.jsonl").written()
    assert len(written) > 20  # more than one chunk
    _state, rows = undo.load_targets(tmp_path / "apply")
    tenant.clear_audit()
    with Journal(tmp_path / "undo", {"kind": "undo"}) as journal:
        result = undo.undo_rows(Plan(rows), graph, journal, pacer=WritePacer(), retry_wait_s=0.05)
    statuses = {r.object_id: r.status for r in result.rows}
    assert statuses == dict.fromkeys(written, "cleared")
    assert all(tenant.users[uid]["onPremisesImmutableId"] is None for uid in written)
    clears = _clears(tenant)
    assert set(clears) <= set(written) and max(clears.values()) == 1
    assert not [e for e in tenant.audit() if e["method"] == "PATCH" and e["body"] != {"onPremisesImmutableId": None}]
