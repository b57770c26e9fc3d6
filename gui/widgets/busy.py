"""Busy indicator: an indeterminate (or determinate) bar with a line saying what the page waits for."""

from __future__ import annotations

from PySide6.QtWidgets import QHBoxLayout, QLabel, QProgressBar, QWidget


class BusyIndicator(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._label = QLabel(self)
        self._label.setWordWrap(True)
        self._bar = QProgressBar(self)
        self._bar.setMaximumWidth(220)
        self._bar.setTextVisible(False)
        self._bar.setAccessibleName(self.tr("Progress"))
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self._label, 1)
        row.addWidget(self._bar)
        self.hide()

    def start(self, what: str) -> None:
        self._label.setText(what)
        self._bar.setRange(0, 0)  # indeterminate until numbers arrive
        self.show()

    def update_progress(self, what: str, done: int | None = None, total: int | None = None) -> None:
        self._label.setText(what)
        if done is not None and total:
            self._bar.setRange(0, total)
            self._bar.setValue(min(done, total))
        else:
            self._bar.setRange(0, 0)

    def stop(self) -> None:
        self.hide()

    def text(self) -> str:
        return self._label.text()
