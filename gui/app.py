"""Start the wizard: QApplication, names, icon, logging, and (with --sandbox) the demo tenant."""

from __future__ import annotations

import logging
import sys
from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication

from core import APP_NAME, __version__

log = logging.getLogger(__name__)
RESOURCES = Path(__file__).resolve().parents[1] / "resources"


def resource_path(*parts: str) -> Path:
    """Resources next to the package, or inside a frozen bundle (PyInstaller's _MEIPASS)."""
    base = Path(getattr(sys, "_MEIPASS", "")) / "resources" if getattr(sys, "frozen", False) else RESOURCES
    return base.joinpath(*parts)


def app_icon() -> QIcon:
    return QIcon(str(resource_path("icons", "app.svg")))


def make_application(argv: list[str] | None = None) -> QApplication:
    app = QApplication.instance() or QApplication(argv if argv is not None else sys.argv)
    QCoreApplication.setApplicationName(APP_NAME)
    QCoreApplication.setOrganizationName("Immutable ID Sync")
    QCoreApplication.setApplicationVersion(__version__)
    QApplication.setApplicationDisplayName("Immutable ID Sync")
    QApplication.setWindowIcon(app_icon())
    from gui import i18n

    i18n.setup(app)  # before any widget exists: env > saved choice > OS language
    return app  # type: ignore[return-value]


def setup_logging() -> None:
    try:
        from core import logsetup

        logsetup.setup_logging()
    except Exception:  # noqa: BLE001 - a broken log folder must not stop the program
        logging.basicConfig(level=logging.INFO)
        log.warning("File logging is not available", exc_info=True)


def refuse_to_start() -> int | None:
    """Before any Qt object: a known-broken PySide6 for this Python, or no usable display, ends here with
    the fix on stderr (and in the log, for the windowed program that has no console), instead of an abort
    and a core dump later. Returns the exit code, or None to go on."""
    from gui import compat

    problem = compat.startup_problem(app_exists=QApplication.instance() is not None)
    if problem is None:
        return None
    log.error("Cannot start: %s", problem)
    if sys.stderr is not None:  # pythonw / a windowed frozen program has none
        print(problem, file=sys.stderr)
    return compat.EXIT_CODE


def main(argv: list[str] | None = None, sandbox: bool = False) -> int:
    """Run the wizard until it is closed. `sandbox`: start the demo tenant and pre-fill its connection."""
    setup_logging()
    refused = refuse_to_start()
    if refused is not None:
        return refused
    app = make_application(argv)
    from gui.session import WizardSession
    from gui.wizard import SyncWizard

    session = WizardSession()
    if sandbox:
        start_sandbox(session)
    try:
        wizard = SyncWizard(session)
        wizard.show()
        return app.exec()
    finally:
        from gui.jobs.worker import stop_all

        stop_all()  # never leave a QThread running when the QApplication goes (it would abort)
        if session.demo is not None:  # its state is kept for the next launch (gui/demo.py)
            session.demo.stop()


def demo_export_path() -> Path:
    """The demo school's sample IdP export (gui/demo.py: written when the demo is first made)."""
    from gui import demo

    running = demo.current()
    return running.export_path if running is not None else demo.default_root() / demo.EXPORT_FILE


def start_sandbox(session, users: int = 300):
    """The demo (gui/demo.py): the synthetic school as it was left, on loopback HTTPS; the connection is
    pre-filled, the secret in memory. Returns the SandboxTenant."""
    from gui.demo import Demo

    return Demo(users=users).start(session)


if __name__ == "__main__":
    sys.exit(main())
