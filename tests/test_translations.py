"""Every GUI string has a Swedish (and English) translation, the .ts files match the code, the .qm built
from them answers with those translations, and gui/i18n.py picks and installs the language."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QLocale, QTranslator

from gui import i18n

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "build"))
import translations as linguist  # noqa: E402  (build/translations.py)

TS = {lang: linguist.ts_path(lang) for lang in linguist.LANGUAGES}
PLACEHOLDER = re.compile(r"\{[a-z_]*\}|%[0-9a-zA-Z]")
ACCELERATOR = re.compile(r"&(?!&|[a-z]+;|#\d+;)\w")  # "&Next", not "&&" nor the entity "&lt;"


def messages(ts: Path) -> list[tuple[str, str, ET.Element]]:
    root = ET.parse(ts).getroot()
    return [(context.findtext("name") or "", message.findtext("source") or "", message)
            for context in root.iter("context") for message in context.iter("message")]


def translations_of(message: ET.Element) -> list[str]:
    element = message.find("translation")
    forms = element.findall("numerusform") if message.get("numerus") == "yes" else [element]
    return [form.text or "" for form in forms]


@pytest.mark.parametrize("lang", linguist.LANGUAGES)
def test_every_string_is_translated(lang):
    found = messages(TS[lang])
    assert len(found) > 50, "the .ts file has hardly any strings: run `make translations`"
    missing = [f"{context}: {source!r}" for context, source, message in found
               if message.find("translation").get("type") in {"unfinished", "vanished", "obsolete"}
               or not all(text.strip() for text in translations_of(message))]
    assert missing == [], f"{len(missing)} string(s) without a {lang} translation in {TS[lang].name}"


def test_strings_passed_through_translate_helpers_are_collected(tmp_path):
    """lupdate cannot see `_tr("text")` -> translate("Ctx", text): build/translations.py finds them."""
    (tmp_path / "gui").mkdir()
    (tmp_path / "gui" / "mod.py").write_text(
        "from PySide6.QtCore import QCoreApplication\n"
        "def _tr(text):\n    return QCoreApplication.translate('Summary', text)\n"
        "def tr(context, text):\n    return QCoreApplication.translate(context, text)\n"
        "class Page:\n    def title(self):\n        return self.tr('Not a helper', 'disambiguation')\n"
        "A = _tr('Finished.')\nB = tr('Detail', 'Domain {value}.').format(value=1)\nC = _tr(A)\n",
        encoding="utf-8")
    assert linguist.helper_strings(tmp_path) == [("Detail", "Domain {value}."), ("Summary", "Finished.")]


@pytest.mark.parametrize("lang", linguist.LANGUAGES)
def test_translations_keep_placeholders_and_accelerators(lang):
    wrong = []
    for context, source, message in messages(TS[lang]):
        for text in translations_of(message):
            if sorted(PLACEHOLDER.findall(text)) != sorted(PLACEHOLDER.findall(source)):
                wrong.append(f"{context}: {source!r} -> {text!r} (placeholders)")
            if bool(ACCELERATOR.search(source)) != bool(ACCELERATOR.search(text)):
                wrong.append(f"{context}: {source!r} -> {text!r} (keyboard shortcut &)")
    assert wrong == []


def test_ts_files_are_up_to_date_with_the_code(tmp_path):
    """Re-run lupdate on a copy: the set of strings must not change (else: `make translations`)."""
    copy = tmp_path / TS["sv"].name
    shutil.copy(TS["sv"], copy)
    linguist.lupdate([copy])
    def strings(ts: Path) -> set[tuple[str, str]]:
        return {(context, source) for context, source, message in messages(ts)
                if message.find("translation").get("type") not in {"vanished", "obsolete"}}
    new, gone = strings(copy) - strings(TS["sv"]), strings(TS["sv"]) - strings(copy)
    assert (new, gone) == (set(), set()), "run `make translations` and translate the new strings"


def test_compiled_catalog_answers_with_the_translations(tmp_path, qapp):
    qm_files = linguist.lrelease(TS["sv"].parent, tmp_path)
    translator = QTranslator()
    assert translator.load(str(tmp_path / "immutableid_sync_sv.qm"))
    wrong = [(context, source) for context, source, message in messages(TS["sv"])
             if message.get("numerus") != "yes" and context
             and translator.translate(context, source, message.findtext("comment")) != translations_of(message)[0]]
    assert {p.name for p in qm_files} == {"immutableid_sync_en.qm", "immutableid_sync_sv.qm"}
    assert wrong == []


@pytest.fixture
def restore_language(qapp):
    yield
    i18n.install_translator(qapp, "en")
    QLocale.setDefault(QLocale.system())


def test_swedish_installs_ours_and_qts_own(qapp, restore_language, monkeypatch):
    monkeypatch.setenv(i18n.LANG_ENV, "sv_SE.UTF-8")
    assert i18n.setup(qapp) == "sv"
    context, source, message = next(m for m in messages(TS["sv"]) if m[0] and m[2].get("numerus") != "yes")
    assert QCoreApplication.translate(context, source) == translations_of(message)[0]
    # Qt's own strings (standard buttons) come from qtbase_sv.qm
    assert QCoreApplication.translate("QPlatformTheme", "Cancel") == "Avbryt"
    assert QLocale().language() == QLocale.Language.Swedish or QLocale.system().language() == QLocale.Language.Swedish
    assert i18n.install_translator(qapp, "en") == "en"
    assert QCoreApplication.translate("QPlatformTheme", "Cancel") == "Cancel"


def test_saved_choice_wins_over_the_os_and_env_over_both(qapp, restore_language, monkeypatch):
    monkeypatch.delenv(i18n.LANG_ENV, raising=False)
    assert i18n.set_language(qapp, "sv") == "sv"
    assert i18n.choose_language() == "sv"  # remembered in the profile store (isolated home)
    monkeypatch.setenv(i18n.LANG_ENV, "en")
    assert i18n.choose_language() == "en"
    monkeypatch.setenv(i18n.LANG_ENV, "xx")  # unknown: falls through to the saved choice
    assert i18n.choose_language() == "sv"


def test_available_languages_are_those_with_a_catalog():
    assert i18n.available_languages() == [("en", "English"), ("sv", "Svenska")]


def test_lupdate_and_lrelease_ship_with_pyside6():
    for tool in ("lupdate", "lrelease"):
        done = subprocess.run([str(linguist.qt_tool(tool)), "-version"], capture_output=True, text=True)
        assert done.returncode == 0 and "version" in done.stdout + done.stderr


def test_language_box_saves_the_choice_for_the_next_start(qtbot, monkeypatch):
    monkeypatch.delenv(i18n.LANG_ENV, raising=False)
    box = i18n.LanguageBox()
    qtbot.addWidget(box)
    assert [box.itemText(i) for i in range(box.count())] == ["English", "Svenska"]
    with qtbot.waitSignal(box.language_chosen) as chosen:
        box.setCurrentIndex(box.findData("sv" if box.currentData() == "en" else "en"))
    assert i18n.saved_language() == chosen.args[0] == i18n.choose_language()
