"""The Confirm page's opt-in to the federated-domain UPN swap (issue 10 §1): a checkbox, off by default, with
the swap's effects listed right under it (graph-facts §11), or why it cannot be used."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QCheckBox, QFrame, QLabel, QVBoxLayout, QWidget

from gui import texts


class SwapChoice(QFrame):
    """Hidden when no user can be swapped. `toggled(bool)` when the admin ticks or unticks it."""

    toggled = Signal(bool)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("swapChoice")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setBackgroundRole(QPalette.ColorRole.AlternateBase)  # palette only: follows light/dark
        self.setAutoFillBackground(True)
        self.box = QCheckBox(self)
        self.box.toggled.connect(self.toggled)
        self.effects = QLabel(self)
        self.effects.setWordWrap(True)
        self.effects.setTextFormat(Qt.TextFormat.RichText)
        self.effects.setAccessibleName(self.tr("What the UPN swap does"))
        self.unavailable = QLabel(self)
        self.unavailable.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addWidget(self.box)
        layout.addWidget(self.effects)
        layout.addWidget(self.unavailable)
        self.hide()

    def offer(self, swappable: int, initial_domain: str | None, example: str | None) -> None:
        """Show the choice for `swappable` users, unticked; disabled, with the reason, when the tenant's
        .onmicrosoft.com domain is not known (the swap moves each UPN there)."""
        self.box.blockSignals(True)
        self.box.setChecked(False)  # always a fresh, deliberate choice
        self.box.blockSignals(False)
        self.box.setText(texts.swap_choice_label(swappable))
        self.box.setEnabled(bool(initial_domain))
        self.effects.setText(texts.swap_effects(initial_domain, example))
        self.effects.setVisible(bool(initial_domain))
        self.unavailable.setText(texts.swap_unavailable())
        self.unavailable.setVisible(not initial_domain)
        self.box.setAccessibleDescription("" if initial_domain else texts.swap_unavailable())
        self.setVisible(swappable > 0)

    def chosen(self) -> bool:
        return not self.isHidden() and self.box.isEnabled() and self.box.isChecked()
