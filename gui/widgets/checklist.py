"""One line of the Check page's checklist: icon, step name, verdict and, when it failed, the fix."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QGridLayout, QLabel, QStyle, QWidget

_ICONS = {
    "pending": QStyle.StandardPixmap.SP_MediaPause,
    "running": QStyle.StandardPixmap.SP_BrowserReload,
    "ok": QStyle.StandardPixmap.SP_DialogApplyButton,
    "warning": QStyle.StandardPixmap.SP_MessageBoxWarning,
    "failed": QStyle.StandardPixmap.SP_MessageBoxCritical,
    "skipped": QStyle.StandardPixmap.SP_DialogNoButton,
    "unknown": QStyle.StandardPixmap.SP_MessageBoxQuestion,
}


class ChecklistRow(QWidget):
    def __init__(self, title: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._icon = QLabel(self)
        self._icon.setAlignment(Qt.AlignmentFlag.AlignTop)
        self._title = QLabel(title, self)
        font = self._title.font()
        font.setBold(True)
        self._title.setFont(font)
        self._verdict = QLabel(self)
        self._verdict.setWordWrap(True)
        self._hint = QLabel(self)
        self._hint.setWordWrap(True)
        self._hint.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self._hint.setOpenExternalLinks(True)
        grid = QGridLayout(self)
        grid.setContentsMargins(0, 2, 0, 2)
        grid.addWidget(self._icon, 0, 0, 2, 1)
        grid.addWidget(self._title, 0, 1)
        grid.addWidget(self._verdict, 0, 2)
        grid.addWidget(self._hint, 1, 1, 1, 2)
        grid.setColumnStretch(2, 1)
        self._grid = grid
        self.state = "pending"
        self.set_state("pending", "")

    def set_state(self, state: str, verdict: str, hint: str = "") -> None:
        self.state = state
        size = self.style().pixelMetric(QStyle.PixelMetric.PM_SmallIconSize)
        icon = self.style().standardIcon(_ICONS.get(state, _ICONS["unknown"]))
        self._icon.setPixmap(icon.pixmap(size))
        self._verdict.setText(verdict)
        self._hint.setText(hint)
        self._hint.setVisible(bool(hint))
        self.setAccessibleName(f"{self._title.text()}: {verdict}")
        self.setAccessibleDescription(hint)

    def title_width(self) -> int:
        return self._title.sizeHint().width()

    def set_title_width(self, width: int) -> None:
        """Every row of a checklist gets its longest title's width, so the verdicts line up in one column
        (each row is its own grid: without this, a long title pushes its verdict to the right)."""
        self._grid.setColumnMinimumWidth(1, width)

    def verdict_x(self) -> int:
        return self._verdict.x()

    def verdict_text(self) -> str:
        return self._verdict.text()

    def hint_text(self) -> str:
        return self._hint.text()
