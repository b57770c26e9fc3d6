"""`make screenshots`: a PNG of every page (and of error states) against the sandbox, for a human to look
at. Drives the wizard the way the tests do; offscreen; widget.grab(). Usage: python -m gui.screenshots.walk DIR"""

from __future__ import annotations

import os
import shutil
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QEventLoop

from core import paths
from gui.app import make_application, start_sandbox
from gui.models.plan_table import COL_DETAIL
from gui.navigation import PageId
from gui.screenshots.appreg import appreg_tour
from gui.screenshots.federate import federate_tour
from gui.screenshots.undo import partial_undo_tour, undo_tour
from gui.session import WizardSession
from gui.wizard import SyncWizard


def _wait(cond: Callable[[], bool], timeout_s: float = 60.0) -> None:
    end = time.monotonic() + timeout_s
    while not cond():
        if time.monotonic() > end:
            raise TimeoutError("the wizard did not get there in time")
        QCoreApplication.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 50)


def _idle(wizard: SyncWizard) -> None:
    _wait(lambda: wizard.busy_page() is None and not wizard.session.flow.running)
    QCoreApplication.processEvents()


def _shot(widget, out: Path, name: str) -> None:
    QCoreApplication.processEvents()
    path = out / f"{name}.png"
    widget.grab().save(str(path))
    print(path)


def main(argv: list[str]) -> int:
    from gui import compat

    problem = compat.startup_problem()  # the wizard's own start-up guards, before any Qt object
    if problem:
        print(problem, file=sys.stderr)
        return compat.EXIT_CODE
    out = Path(argv[0] if argv else "screenshots")
    out.mkdir(parents=True, exist_ok=True)
    with _throwaway_home():
        make_application([])
        session = WizardSession()
        tenant = start_sandbox(session)
        try:
            wizard = SyncWizard(session)
            wizard.show()
            _walk(wizard, tenant, out)
            _keep_in_sync(wizard, out)
            _resume_offer(tenant, out)
            federate_tour(wizard.page_by_id(PageId.RESULTS), tenant, out, _shot, _wait)
            undo_tour(wizard, tenant, out, _shot, _wait)
            partial_undo_tour(wizard, tenant, out, _shot, _wait)
            _saved_connections(tenant, out)
            appreg_tour(tenant, out, _shot, _wait)
            _error_states(tenant, out)
            wizard.stop_all_workers()
        finally:
            session.demo.stop()
    return 0


@contextmanager
def _throwaway_home() -> Iterator[None]:
    """The tour must not remember choices or leave runs in the user's real folders, nor a temporary folder
    behind: a home of its own (unless IMMUTABLEID_SYNC_HOME names one), removed at the end."""
    if os.environ.get(paths.HOME_ENV):
        yield
        return
    with tempfile.TemporaryDirectory(prefix="immutableid-screens-", ignore_cleanup_errors=True) as home:
        os.environ[paths.HOME_ENV] = home
        try:
            yield
        finally:
            os.environ.pop(paths.HOME_ENV, None)


def _walk(wizard: SyncWizard, tenant, out: Path) -> None:
    _shot(wizard, out, "1-welcome")
    wizard.next()
    _shot(wizard, out, "2-connection")
    wizard.next()
    _idle(wizard)
    _shot(wizard, out, "3-check")
    wizard.next()
    _idle(wizard)
    page = wizard.page_by_id(PageId.SOURCE)
    page.attr_radio.setChecked(True)  # Object ID brings Entra Connect's guid-base64 along
    _idle(wizard)
    _shot(wizard, out, "4-source-attribute")
    page.demo_button.click()  # the demo school's sample export, as a visitor would try it
    _wait(lambda: wizard.session.csv_table is not None)
    page.value_combo.setCurrentText("SkolonId")
    _idle(wizard)
    _shot(wizard, out, "4-source")
    wizard.next()
    _idle(wizard)
    _shot(wizard, out, "5-preview")
    _preview_federated(wizard, out)
    wizard.next()
    confirm = wizard.page_by_id(PageId.CONFIRM)
    confirm.confirm_edit.setText(confirm.expected_confirmation())
    _shot(wizard, out, "6-confirm")
    _upn_swap_choice(wizard, out)
    tenant.config.latency_ms = 300.0  # slow enough to catch the run half-way, in every language
    wizard.next()  # "Start writing": the one commit point
    bar = wizard.page_by_id(PageId.RUN).bar
    _wait(lambda: 40 <= bar.value() < bar.maximum() or wizard.session.flow.run_finished)  # its pace measured
    if wizard.session.flow.run_finished:
        print("the run finished before it could be caught half-way: no in-progress screenshot", file=sys.stderr)
    else:
        _shot(wizard, out, "7-run-in-progress")
    _wait(lambda: wizard.session.flow.run_finished, 120)
    _idle(wizard)
    tenant.config.latency_ms = 0.0
    _shot(wizard, out, "7-run-finished")
    wizard.next()
    _shot(wizard, out, "8-results")


def _preview_federated(wizard: SyncWizard, out: Path) -> None:
    """The Preview's federated users, as a reader filters them and picks one: names in view, the detail
    elided in its column and whole under the table."""
    table = wizard.page_by_id(PageId.PREVIEW).table
    table.show_status("federated_domain")
    table.view.setCurrentIndex(table.proxy.index(0, COL_DETAIL))
    _shot(wizard, out, "5-preview-federated")
    table.show_status(None)
    table.view.clearSelection()


def _upn_swap_choice(wizard: SyncWizard, out: Path) -> None:
    """The Confirm page with the UPN swap ticked, its effects in view — ticking clears what was typed (it
    confirmed other totals) — then typed again; then unticked, so the tour's run stays the plain one."""
    confirm = wizard.page_by_id(PageId.CONFIRM)
    if confirm.swap_choice.isHidden():
        print("no user in a federated domain can be swapped: no UPN swap screenshot", file=sys.stderr)
        return
    confirm.swap_choice.box.setChecked(True)
    QCoreApplication.processEvents()
    confirm._scroll.ensureWidgetVisible(confirm.swap_choice)
    _shot(wizard, out, "6-confirm-upn-swap")
    confirm.confirm_edit.setText(confirm.expected_confirmation())
    confirm._scroll.ensureWidgetVisible(confirm.totals)
    _shot(wizard, out, "6-confirm-upn-swap-confirmed")
    confirm.swap_choice.box.setChecked(False)
    confirm.confirm_edit.setText(confirm.expected_confirmation())
    confirm._scroll.ensureWidgetVisible(confirm.summary)


def _keep_in_sync(wizard: SyncWizard, out: Path) -> None:
    """The Results page of the demo's saved connection: the schedule saved (recorded in the demo, never
    installed), then removed again so the rest of the tour starts plain."""
    page = wizard.page_by_id(PageId.RESULTS)
    page.keep_in_sync.enabled_box.setChecked(True)
    page.keep_in_sync.apply_button.click()
    _idle(wizard)
    page._scroll.ensureWidgetVisible(page.keep_in_sync)
    _shot(wizard, out, "8-results-keep-in-sync")
    page.keep_in_sync.enabled_box.setChecked(False)
    page.keep_in_sync.apply_button.click()
    _idle(wizard)


def _saved_connections(tenant, out: Path) -> None:
    """The Welcome page after a nightly run failed: the problem first, then each saved connection."""
    from datetime import UTC, datetime, timedelta

    from core.graph.connection import Connection
    from core.setup import unattended
    from core.setup.profiles import SCHEDULE_KEY, ProfileStore

    store, profile = ProfileStore(), tenant.connection_profile()
    for name, at in (("Norra skolan", "02:00"), ("Södra skolan", None)):
        store.save(Connection.from_profile_dict({**profile, "name": name}))
        if at:
            store.attach(name, SCHEDULE_KEY, {"at": at, "every": "day", "kind": "systemd"})
    unattended.record_status("Norra skolan", 3, "secret_expired", now=datetime.now(UTC) - timedelta(hours=7))
    unattended.record_status("Södra skolan", 0, None, counts={"set": 12})
    wizard = SyncWizard(WizardSession())
    wizard.show()
    _shot(wizard, out, "1-welcome-saved-connections")
    wizard.close()


def _resume_offer(tenant, out: Path) -> None:
    """The next wizard after a run was killed half-way: the offer to continue it (its marks are in the
    tenant), once chosen; and a run of this tenant id whose marks are not (the tenant made again)."""
    from core import paths

    profile = tenant.connection_profile()
    header = {"tenant": profile["tenant_id"], "tenant_id": profile["tenant_id"], "client_id": profile["client_id"],
              "to_write": 239, "face": "wizard",
              "source_spec": {"kind": "attribute", "attribute": "objectId", "transform": "guid-base64"}}
    holding = [uid for uid, u in tenant.users.items() if u.get("onPremisesImmutableId")][:120]
    killed = _fake_run(paths.new_run_dir(profile["tenant_id"]), header,
                       {uid: tenant.users[uid]["onPremisesImmutableId"] for uid in holding})
    wizard = _to_check(tenant, profile)
    offer = wizard.page_by_id(PageId.CHECK).resume_offer
    _shot(wizard, out, "3-check-resume-offer")
    offer.button.click()
    _shot(wizard, out, "3-check-resume-chosen")
    wizard.stop_all_workers()
    wizard.close()
    shutil.rmtree(killed)  # not a run of the tour: the undo tour lists real runs only
    # as if the tenant had been made again since: the same id, none of the run's values
    foreign = _fake_run(paths.new_run_dir(profile["tenant_id"]), header,
                        {uid: f"not-in-this-tenant-{n}" for n, uid in enumerate(holding)})
    wizard = _to_check(tenant, profile)
    _shot(wizard, out, "3-check-old-run-not-offered")
    wizard.stop_all_workers()
    wizard.close()
    shutil.rmtree(foreign)


def _fake_run(run_dir: Path, header: dict, written: dict) -> Path:
    """A run folder as a killed run leaves it: a journal with these users set, no end."""
    from core.run.journal import Journal

    journal = Journal(run_dir, header)
    for uid, value in written.items():
        journal.intent(uid, value)
        journal.outcome(uid, "set")
    journal.close()
    return run_dir


def _to_check(tenant, profile: dict) -> SyncWizard:
    from core.graph.connection import Connection
    from gui.demo import DEMO_NAME

    session = WizardSession(connection=Connection.from_profile_dict({**profile, "name": DEMO_NAME}),
                            secret=profile["client_secret"])
    session.sandbox = tenant
    wizard = SyncWizard(session)
    wizard.show()
    wizard.next()
    _idle(wizard)
    wizard.next()
    offer = wizard.page_by_id(PageId.CHECK).resume_offer
    _wait(lambda: offer.isVisible())
    _idle(wizard)
    return wizard


def _error_states(tenant, out: Path) -> None:
    from core.graph.connection import Connection

    profile = tenant.connection_profile(1)  # the app without admin consent
    session = WizardSession(connection=Connection.from_profile_dict(profile), secret="wrong~secret-value-000000")  # noqa: S106
    session.sandbox = tenant
    wizard = SyncWizard(session)
    wizard.show()
    wizard.next()
    page = wizard.page_by_id(PageId.CONNECTION)
    page.tenant_edit.setText("https://portal.azure.com/#view/tenant")
    _shot(wizard, out, "error-2-connection-invalid")
    page.tenant_edit.setText(profile["tenant_id"])
    wizard.next()
    _idle(wizard)
    _shot(wizard, out, "error-3-check-wrong-secret")
    wizard.back()
    page.secret_edit.setText(profile["client_secret"])
    wizard.next()
    _idle(wizard)
    _shot(wizard, out, "error-3-check-no-consent")
    wizard.stop_all_workers()
    wizard.close()


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
