"""`make screenshots`, the optional last step "Federate the domain with Skolon" (issue 18 §1), from Results
against the demo: the readiness table, the typed domain, the run's progress while Microsoft's sign-in page
catches up, the verified end, and the way back offered when the step is opened again. The demo serves the IdP's metadata, and signs the admin in at once."""

from __future__ import annotations

import webbrowser
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QCoreApplication

from core.federation.realm import Realm, RealmProgress
from gui.screenshots.appreg import _demo_browser


def federate_tour(results_page, tenant, out: Path, shot: Callable[[object, Path, str], None],
                  wait: Callable[[Callable[[], bool]], None]) -> None:
    original = webbrowser.open
    tenant.config.auto_sign_in, webbrowser.open = True, _demo_browser(tenant.ca_bundle)
    try:
        _tour(results_page, tenant, out, shot, wait)
    finally:
        webbrowser.open, tenant.config.auto_sign_in = original, False


def _tour(results_page, tenant, out: Path, shot, wait) -> None:
    dialog = results_page.open_federation()
    shot(dialog, out, "9a-federate-start")
    worker = dialog.check()
    if worker is None:
        return
    wait(lambda: not worker.is_running())
    QCoreApplication.processEvents()
    shot(dialog, out, "9b-federate-readiness")
    ready = dialog.go_button.isVisible()
    if ready:
        dialog.confirm_edit.setText(dialog.domain())
        shot(dialog, out, "9c-federate-confirm")
    dialog.stack.setCurrentIndex(1)  # the progress page as it looks while the sign-in page catches up
    dialog._progress(("realm", RealmProgress(12, 65.0, 7200.0, Realm("Managed", None, dialog.domain(), None), None)))
    shot(dialog, out, "9d-federate-waiting")
    dialog.stack.setCurrentIndex(0)
    if not ready:  # the demo school has synced users in its domain: the step stops at the table, rightly
        dialog.close()
        return
    domain = dialog.domain()  # the dialog is deleted once closed (and the undo's dialog waits on events)
    worker = dialog.start()
    wait(lambda: not worker.is_running() and dialog.ended)  # the worker's answer delivered and shown
    QCoreApplication.processEvents()
    shot(dialog, out, "9e-federate-done")
    dialog.close()
    _undo_confirmation(results_page, out, shot, wait)
    # the tours after this one (undo) need the demo's domain managed again, as before
    from core.sandbox import federation

    federation.unfederate(tenant.directory, domain, tenant.clock(), 0)


def _undo_confirmation(results_page, out: Path, shot, wait) -> None:
    """The step opened again on the federated domain: the way back offered, its warning, the typed domain."""
    dialog = results_page.open_federation()
    worker = dialog.check()
    if worker is None:
        dialog.close()
        return
    wait(lambda: not worker.is_running() and dialog.check_button.isEnabled())
    QCoreApplication.processEvents()
    if dialog.undo_button.isVisible():
        dialog.choose_undo()
        dialog.confirm_edit.setText(dialog.domain())
        shot(dialog, out, "9f-federate-undo-confirm")
    dialog.close()
