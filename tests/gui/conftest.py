"""GUI test helpers: a wizard against a running sandbox tenant, and small steps to walk it."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QMessageBox

from gui.session import WizardSession
from gui.wizard import SyncWizard


@pytest.fixture
def make_wizard(qtbot, monkeypatch):
    """`make()` -> a shown SyncWizard; at teardown every worker is stopped before the window goes."""
    made: list[SyncWizard] = []
    # The only modal boxes are the cancel/close confirmations: tests answer Yes.
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes)

    def make(session: WizardSession | None = None) -> SyncWizard:
        wizard = SyncWizard(session)
        qtbot.addWidget(wizard)
        wizard.show()
        made.append(wizard)
        return wizard

    yield make
    for wizard in made:
        wizard.stop_all_workers()


@pytest.fixture(params=["en", "sv"])
def ui_language(request, qapp):
    """The test runs once in English and once in Swedish (our catalog, Qt's own and the locale's formats)."""
    from PySide6.QtCore import QLocale

    from gui import i18n

    previous = QLocale()
    i18n.install_translator(qapp, request.param)
    QLocale.setDefault(QLocale("en_US" if request.param == "en" else "sv_SE"))
    yield request.param
    i18n.install_translator(qapp, "en")
    QLocale.setDefault(previous)
