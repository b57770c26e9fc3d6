"""An in-page panel for a problem and its fix (the wizard shows errors here, not in modal boxes)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QStyle, QVBoxLayout, QWidget


class ErrorPanel(QFrame):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("errorPanel")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        # Palette roles only: the panel follows the OS light/dark theme.
        self.setBackgroundRole(QPalette.ColorRole.AlternateBase)
        self.setAutoFillBackground(True)
        self._icon = QLabel(self)
        size = self.style().pixelMetric(QStyle.PixelMetric.PM_LargeIconSize)
        self._icon.setPixmap(self.style().standardIcon(QStyle.StandardPixmap.SP_MessageBoxWarning).pixmap(size))
        self._icon.setAlignment(Qt.AlignmentFlag.AlignTop)
        self._title = QLabel(self)
        font = self._title.font()
        font.setBold(True)
        self._title.setFont(font)
        self._title.setWordWrap(True)
        self._body = QLabel(self)
        self._body.setWordWrap(True)
        self._body.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self._body.setOpenExternalLinks(True)
        text = QVBoxLayout()
        text.addWidget(self._title)
        text.addWidget(self._body)
        row = QHBoxLayout(self)
        row.addWidget(self._icon)
        row.addLayout(text, 1)
        self.setAccessibleName(self.tr("Problem"))
        self.hide()

    def show_problem(self, title: str, body: str = "") -> None:
        self._title.setText(title)
        self._body.setText(body)
        self._body.setVisible(bool(body))
        self.setAccessibleDescription(f"{title} {body}".strip())
        self.show()

    def clear(self) -> None:
        self._title.clear()
        self._body.clear()
        self.hide()

    def title(self) -> str:
        return self._title.text()

    def body(self) -> str:
        return self._body.text()
