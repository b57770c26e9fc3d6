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
    tenant = start_sandbox(session) if sandbox else None
    try:
        wizard = SyncWizard(session)
        wizard.show()
        return app.exec()
    finally:
        if tenant is not None:
            tenant.stop()


def demo_export_path() -> Path:
    """Where the demo keeps its school's sample IdP export (rewritten at every demo start)."""
    from core import paths

    return paths.data_dir() / "demo" / "skolon-export.csv"


DEMO_EXTRA_ROLES = ("Domain.Read.All", "RoleManagement.Read.Directory")


def start_sandbox(session, users: int = 300):
    """The demo: a synthetic school on loopback HTTPS; the connection is pre-filled, the secret in memory."""
    from core import logsetup
    from core.graph.connection import Connection
    from core.sandbox import SandboxTenant, sample_export

    tenant = SandboxTenant(users=users).start()
    # The demo's app may also read domains (Domain.Read.All) and directory roles (RoleManagement.Read.
    # Directory), as a well-prepared real app would: the check sees the federated domain and the tenant's
    # .onmicrosoft.com domain (the preview offers those users the UPN swap instead of failing at write
    # time), and knows the admins before writing (the preview marks them admin_role; graph-facts §12).
    app_id = tenant.apps[0]["clientId"]
    tenant.set_app_roles(app_id, sorted({*tenant.apps[0]["roles"], *DEMO_EXTRA_ROLES}))
    profile = tenant.connection_profile()
    try:  # the Source page offers it; the tour still works without it (Browse…)
        sample_export(tenant, demo_export_path())
    except OSError:
        log.warning("Could not write the demo's sample export", exc_info=True)
    session.sandbox = tenant
    session.connection = Connection.from_profile_dict({**profile, "name": "Sandbox"})
    session.secret = profile["client_secret"]
    logsetup.register_secret(session.secret)
    return tenant


if __name__ == "__main__":
    sys.exit(main())
