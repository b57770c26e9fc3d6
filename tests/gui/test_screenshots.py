"""`python -m gui.screenshots OUT` (make screenshots), in English and Swedish: every PNG differs from every
other (a screenshot that shows what another one shows is a state the tour failed to reach), and the tour
leaves no temporary folder behind."""

from __future__ import annotations

import hashlib
import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
MUST = ("1-welcome", "6-confirm-upn-swap", "6-confirm-upn-swap-confirmed", "7-run-in-progress", "7-run-finished",
        "8-results-keep-in-sync", "3-check-resume-offer", "3-check-old-run-not-offered")


@pytest.mark.parametrize("language", ["en", "sv"])
def test_every_screenshot_differs_and_nothing_is_left_behind(tmp_path, language):
    out, temp = tmp_path / "shots", tmp_path / "temp"
    temp.mkdir()
    env = {k: v for k, v in os.environ.items() if k != "IMMUTABLEID_SYNC_HOME"}
    env.update(QT_QPA_PLATFORM="offscreen", TMPDIR=str(temp), IMMUTABLEID_SYNC_LANG=language,
               PYTHON_KEYRING_BACKEND="keyring.backends.fail.Keyring", HOME=str(tmp_path / "user"))
    done = subprocess.run([sys.executable, "-m", "gui.screenshots", str(out)], cwd=ROOT, env=env,
                          capture_output=True, text=True, timeout=600)
    assert done.returncode == 0, done.stderr[-3000:]
    shots = sorted(out.glob("*.png"))
    names = {p.stem for p in shots}
    assert set(MUST) <= names, set(MUST) - names
    digests: dict[str, list[str]] = {}
    for path in shots:
        digests.setdefault(hashlib.sha256(path.read_bytes()).hexdigest(), []).append(path.name)
    assert [group for group in digests.values() if len(group) > 1] == []
    assert list(temp.iterdir()) == []  # no temporary folder left (the tour's home, the sandbox's CA)
