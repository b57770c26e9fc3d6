"""Every page's keyboard shortcuts (the underlined letters, Alt+letter) are distinct, together with the
wizard's own buttons shown on that page — in English and in Swedish, where the words and so the letters
differ (a shortcut that two controls share only ever reaches the first)."""

from __future__ import annotations

import re

from PySide6.QtWidgets import QAbstractButton, QGroupBox, QLabel, QWizard

from gui.navigation import PageId

WIZARD_BUTTONS = {PageId.WELCOME: ("NextButton", "HelpButton"),
                  PageId.RESULTS: ("BackButton", "FinishButton", "HelpButton")}
PAGE_BUTTONS = ("BackButton", "NextButton", "HelpButton")


def _letter(text: str) -> str | None:
    found = re.search(r"&([^&\s])", text.replace("&&", ""))
    return found.group(1).casefold() if found else None


def test_no_two_controls_of_a_page_share_a_shortcut(make_wizard, ui_language):
    wizard = make_wizard()
    clashes = {}
    for page_id in PageId:
        page = wizard.page_by_id(page_id)
        texts = [w.text() for w in page.findChildren(QAbstractButton)]
        texts += [w.text() for w in page.findChildren(QLabel) if w.buddy() is not None]
        texts += [w.title() for w in page.findChildren(QGroupBox)]
        for name in WIZARD_BUTTONS.get(page_id, PAGE_BUTTONS):
            texts.append(page.buttonText(getattr(QWizard.WizardButton, name)) or
                         wizard.buttonText(getattr(QWizard.WizardButton, name)))
        seen: dict[str, list[str]] = {}
        for text in texts:
            letter = _letter(text)
            if letter:
                seen.setdefault(letter, []).append(text)
        page_clashes = {k: v for k, v in seen.items() if len(v) > 1}
        if page_clashes:
            clashes[page_id.name] = page_clashes
    assert clashes == {}
