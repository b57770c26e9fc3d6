"""`make screenshots`, the "Create it for me" path (issue 9): the choices, the sign-in step with its
progress, and the handover, against the sandbox. A small stand-in browser follows the sandbox's sign-in
(`auto_sign_in`) in its own thread, as a real browser would be its own process."""

from __future__ import annotations

import html
import re
import threading
import webbrowser
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QMessageBox

from core.graph.http import VerifyingSession
from gui.navigation import PageId
from gui.session import WizardSession
from gui.wizard import SyncWizard


def _demo_browser(ca_bundle: str) -> Callable[..., bool]:
    def visit(url: str) -> None:
        session = VerifyingSession(ca_bundle)
        page = session.get(url).text  # the sandbox answers at once with its auto-posting form
        action = html.unescape(re.search(r'<form[^>]*action="([^"]*)"', page).group(1))
        fields = dict(re.findall(r'<input type="hidden" name="([^"]*)" value="([^"]*)"', page))
        session.post(action, data={k: html.unescape(v) for k, v in fields.items()})

    def open_url(url: str, *args, **kwargs) -> bool:
        threading.Thread(target=visit, args=(url,), daemon=True).start()
        return True
    return open_url


def appreg_tour(tenant, out: Path, shot: Callable[[object, Path, str], None],
                wait: Callable[[Callable[[], bool]], None]) -> None:
    tenant.config.auto_sign_in = True
    original, question = webbrowser.open, QMessageBox.question
    webbrowser.open = _demo_browser(tenant.ca_bundle)
    # Without a keychain (as on a build machine) the dialog asks first; the tour goes on (show once).
    QMessageBox.question = staticmethod(lambda *a, **k: QMessageBox.StandardButton.Yes)
    try:
        _tour(tenant, out, shot, wait)
    finally:
        webbrowser.open, QMessageBox.question = original, question
        tenant.config.auto_sign_in = False


def _no_browser_and_cancelled(page, tenant, out: Path, shot) -> None:
    """No browser could be opened (the link with Copy), then the admin cancelled: what it says (issue 16)."""
    from core.graph.signin import SignInError

    dialog = page.appreg.make_dialog(renew=False)
    dialog.show()
    dialog.stack.setCurrentIndex(1)
    url = f"{tenant.authority}/oauth2/v2.0/authorize?client_id=14d82eec-204b-4c2f-b7e8-296a70dab67e&response_type=code"
    for event in (("step", "appreg_signin", {}), ("url", url), ("no_browser", url)):
        dialog._progress(event)
    shot(dialog, out, "2g-appreg-no-browser")
    dialog._failed(SignInError("signin_stopped"))
    shot(dialog, out, "2h-appreg-sign-in-cancelled")
    dialog.done(0)


def _tour(tenant, out: Path, shot, wait) -> None:
    session = WizardSession()
    session.sandbox = tenant
    wizard = SyncWizard(session)
    wizard.show()
    wizard.next()
    page = wizard.page_by_id(PageId.CONNECTION)
    page.tenant_edit.setText(tenant.tenant_id)
    page.advanced.setChecked(True)
    for edit, value in ((page.login_edit, tenant.url), (page.graph_edit, tenant.url),
                        (page.ca_edit, tenant.ca_bundle)):
        edit.setText(value)
    shot(wizard, out, "2-connection-create-it-for-me")
    _no_browser_and_cancelled(page, tenant, out, shot)  # first: the page keeps its last dialog
    dialog = page.appreg.make_dialog(renew=False)
    dialog.show()
    shot(dialog, out, "2a-appreg-choices")
    dialog.stack.setCurrentIndex(1)  # the progress page as it looks while the admin signs in
    dialog._progress(("step", "appreg_signin", {}))
    dialog._progress(("url", f"{tenant.authority}/oauth2/v2.0/authorize?client_id=…"))
    shot(dialog, out, "2b-appreg-signing-in")
    dialog._progress(("step", "appreg_waiting", {"attempt": 3, "elapsed": 9, "timeout": 300}))
    shot(dialog, out, "2c-appreg-waiting")
    dialog.start()
    wait(lambda: dialog.stack.currentIndex() == 2 or dialog.error_label.isVisible())
    QCoreApplication.processEvents()
    shot(dialog, out, "2d-appreg-handover")
    dialog.copy_button.click()
    shot(dialog, out, "2e-appreg-copied")
    dialog.done_button.click()
    wait(lambda: wizard.currentId() == PageId.CHECK and not session.flow.running)
    shot(wizard, out, "2f-appreg-check-with-the-new-app")
    wizard.stop_all_workers()
    wizard.close()
