"""The Welcome page leads with "Create it for me" (one sign-in, nothing to copy by hand); the portal steps
come second (issue 16 minors)."""

from __future__ import annotations

from wizard_steps import plain_text

from gui.navigation import PageId


def test_welcome_leads_with_create_it_for_me(make_wizard, ui_language):
    page = make_wizard().page_by_id(PageId.WELCOME)
    text = plain_text(page.prereq.text())
    create, portal = {"en": ("Create it for me", "Azure portal"), "sv": ("Skapa den åt mig", "Azure-portalen")}[
        ui_language]
    assert create in text and portal in text
    assert text.index(create) < text.index(portal)
    assert not page.demo_box.isVisible()  # the demo's box only in the demo
