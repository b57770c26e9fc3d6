"""The About box: version, where the log is, where run folders go."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QMessageBox, QWidget

from core import __version__, paths


def about_text() -> str:
    return QCoreApplication.translate(
        "About",
        "<h3>Immutable ID Sync {version}</h3>"
        "<p>Fills in missing ImmutableIds in a Microsoft Entra tenant before a domain is federated. "
        "It never changes a user that already has one.</p>"
        "<p>Log files: <code>{logs}</code><br>Run folders and reports: <code>{runs}</code></p>",
    ).format(version=__version__, logs=paths.log_dir(), runs=paths.runs_dir())


def show_about(parent: QWidget) -> None:
    QMessageBox.about(parent, QCoreApplication.translate("About", "About Immutable ID Sync"), about_text())
