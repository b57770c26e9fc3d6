"""A folder or file path shown as text the user can select, with a Copy button: the one way to reach a run's
folder that works on every machine (a desktop without a file manager ignores "open the folder")."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QSizePolicy, QWidget


class PathLine(QWidget):
    def __init__(self, caption: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.caption = QLabel(caption, self)
        self.path_label = QLabel(self)
        self.path_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.path_label.setWordWrap(True)
        self.path_label.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        self.copy_button = QPushButton(self.tr("Cop&y"), self)
        self.copy_button.setAccessibleName(self.tr("Copy the path"))
        self.copy_button.clicked.connect(self.copy)
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.caption)
        row.addWidget(self.path_label, 1)
        row.addWidget(self.copy_button, 0, Qt.AlignmentFlag.AlignTop)
        self.set_path(None)

    def set_path(self, path) -> None:
        self.path = str(path) if path else ""
        self.path_label.setText(self.path)
        self.setVisible(bool(self.path))

    def copy(self) -> None:
        QGuiApplication.clipboard().setText(self.path)
