"""Swedish as a native speaker would write it (issue 16): rules a reviewer found broken, kept by a test
over the whole catalog, not only over the lines that were fixed."""

from __future__ import annotations

import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests"))
from test_translations import TS, messages, translations_of  # noqa: E402


def _swedish() -> dict[tuple[str, str], str]:
    return {(context, source): translations_of(message)[0] for context, source, message in messages(TS["sv"])
            if (message.find("translation").get("type") or "") not in {"vanished", "obsolete"}}


# (what must not be said, why): words that read wrong to a Swede, anywhere in the catalog
NEVER = [
    (r"\bskrivning(en)?\b", "an exam: say that the value is set, or that the ImmutableId is written"),
    (r"\b(skrivas|skrevs)\b", "users are not written: their value is set"),
    (r"(?<!för)väntas inte", "“förväntas inte”"),
    (r"\bde användarnas\b", "“dessa användares”"),
    (r"\bredo\b", "“gör appen redo” is an anglicism"),
    (r"\bBakåt\b", "the button says “< Tillbaka”"),
    (r"\b[Kk]lient-ID\b", "one term, as Entra's Swedish portal: “Program-ID (klient)”"),
    (r"\bsynk(ade|en|ar)?\b", "colloquial: “synkronisera”"),
    (r"\bFärdig\b", "the last button is “Slutför”"),
]


def test_no_string_says_what_a_swede_would_not():
    found = [(source, text, why) for (_context, source), text in _swedish().items()
             for pattern, why in NEVER if re.search(pattern, text or "")]
    assert found == []


def test_the_fixed_lines_read_as_the_review_asked():
    sv = _swedish()
    assert sv[("Code", "Not known.")] == "Okänd."  # Hemlighetens giltighetstid — Okänd
    assert sv[("Summary", "Each swap uses two writes of Microsoft's write quota.")].startswith(
        "Varje byte förbrukar två skrivningar ur")
    assert sv[("SyncWizard", "&Finish")].replace("&", "") == "Slutför"
    for every in ("nightly", "weekly", "unattended"):
        assert " misslyckades den {date}: " in sv[("Unattended", f"The {every} sync for {{name}} failed on {{date}}: "
                                                                "{problem}")]
    asking = [sv[k] for k in sv if k[1].startswith(("Do you want", "Stop writing?", "Writing is in progress"))]
    assert asking and all("Vill du" in text for text in asking)


def test_quota_writes_are_the_only_skrivningar():
    """“skrivningar” (writes, counted against Microsoft's quota) is right only where the quota is meant."""
    for (_context, source), text in _swedish().items():
        if re.search(r"\bskrivningar\b", text or ""):
            assert re.search(r"\bwrites?\b", source), (source, text)
