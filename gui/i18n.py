"""The GUI's language: Swedish or English, following the OS unless the user picked one in the app.

Order: env IMMUTABLEID_SYNC_LANG (screenshots, support calls) > the choice saved in the profile store >
the OS's UI languages (QLocale.system().uiLanguages()) > English. Two translators are installed: ours
(resources/translations/immutableid_sync_<lang>.qm) and Qt's own qtbase_<lang>.qm, which translates
the standard buttons and dialogs (Cancel, Yes/No, file dialogs).

Dates and numbers follow the OS locale; only when the chosen language differs from the OS's is the
default locale switched to the chosen language, so that a Swedish UI does not show "1,234".

The .qm files are built from the .ts sources (build/translations.py release), never committed. Running
from source, a missing or stale .qm is compiled on the fly with the lrelease that PySide6 ships.
"""

from __future__ import annotations

import logging
import os
import subprocess
import sys
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator, Signal
from PySide6.QtWidgets import QComboBox, QWidget

log = logging.getLogger(__name__)

LANG_ENV = "IMMUTABLEID_SYNC_LANG"
SETTING_KEY = "language"
CATALOG = "immutableid_sync"
DEFAULT = "en"  # the source strings are English
NATIVE_NAMES = {"en": "English", "sv": "Svenska"}

_installed: list[QTranslator] = []
_current = DEFAULT


def translations_dir() -> Path:
    if getattr(sys, "frozen", False):
        return Path(getattr(sys, "_MEIPASS", "")) / "resources" / "translations"
    return Path(__file__).resolve().parents[1] / "resources" / "translations"


def available_languages() -> list[tuple[str, str]]:
    """(code, name in that language) for English and every language with a translation, for a picker."""
    folder = translations_dir()
    codes = {DEFAULT} | {p.stem.rsplit("_", 1)[-1] for p in folder.glob(f"{CATALOG}_*.[tq][sm]")}
    return [(code, NATIVE_NAMES.get(code, code)) for code in sorted(codes)]


def _codes() -> set[str]:
    return {code for code, _ in available_languages()}


def _normalise(value: str | None) -> str | None:
    """'sv_SE.UTF-8', 'sv-SE', 'SV' -> 'sv' when we have it, else None."""
    if not value:
        return None
    code = value.replace("-", "_").split(".")[0].split("_")[0].lower()
    return code if code in _codes() else None


def system_language() -> str:
    for ui_language in QLocale.system().uiLanguages():
        if code := _normalise(ui_language):
            return code
    return DEFAULT


def saved_language() -> str | None:
    try:
        from core.setup.profiles import ProfileStore

        return _normalise(str(ProfileStore().recall(SETTING_KEY) or ""))
    except Exception:  # noqa: BLE001 - an unreadable settings file must not stop the program
        log.warning("Could not read the saved language", exc_info=True)
        return None


def choose_language() -> str:
    return _normalise(os.environ.get(LANG_ENV)) or saved_language() or system_language()


def install_translator(app: QCoreApplication, language: str) -> str:
    """Replace the installed translators by those for `language`; returns the language now in use.
    Installing sends QEvent.LanguageChange to every widget (for pages that retranslate live)."""
    for translator in _installed:
        app.removeTranslator(translator)
    _installed.clear()
    language = _normalise(language) or DEFAULT
    _compile_if_stale(language)
    ours = QTranslator(app)
    if ours.load(f"{CATALOG}_{language}", str(translations_dir())):
        _install(app, ours)
    elif language != DEFAULT:
        log.warning("No translation file for %s in %s; showing English", language, translations_dir())
        language = DEFAULT
    qt = QTranslator(app)
    if qt.load(f"qtbase_{language}", QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)):
        _install(app, qt)
    same = QLocale.system().language() == QLocale(language).language()
    QLocale.setDefault(QLocale.system() if same else QLocale(language))
    global _current
    _current = language
    return language


def current_language() -> str:
    return _current


def _install(app: QCoreApplication, translator: QTranslator) -> None:
    app.installTranslator(translator)
    _installed.append(translator)


def setup(app: QCoreApplication) -> str:
    """At start-up, before any widget exists: the language from env / saved choice / OS."""
    return install_translator(app, choose_language())


def save_language(language: str) -> None:
    from core.setup.profiles import ProfileStore

    ProfileStore().remember(SETTING_KEY, language)


def set_language(app: QCoreApplication, language: str) -> str:
    """The user's choice in the app: remembered for the next start, and installed now (widgets that
    set their texts once keep them until they are made again)."""
    save_language(language)
    return install_translator(app, language)


class LanguageBox(QComboBox):
    """The language picker (About box, Welcome page): each language in its own name. The choice is saved
    at once and takes effect at the next start, so that no window shows two languages at a time."""

    language_chosen = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAccessibleName(self.tr("Language"))
        self.setToolTip(self.tr("The language changes when you start the program again."))
        for code, name in available_languages():
            self.addItem(name, code)
        self.setCurrentIndex(max(0, self.findData(saved_language() or current_language())))
        self.currentIndexChanged.connect(self._chosen)

    def _chosen(self, index: int) -> None:
        code = self.itemData(index)
        save_language(code)
        self.language_chosen.emit(code)


def _compile_if_stale(language: str) -> None:
    """Running from source: (re)build the .qm from its .ts, so a fresh checkout shows Swedish."""
    if getattr(sys, "frozen", False) or language == DEFAULT:
        return
    ts = translations_dir() / f"{CATALOG}_{language}.ts"
    qm = ts.with_suffix(".qm")
    if not ts.exists() or (qm.exists() and qm.stat().st_mtime >= ts.stat().st_mtime):
        return
    import PySide6

    lrelease = Path(PySide6.__file__).resolve().parent / ("lrelease.exe" if sys.platform == "win32" else "lrelease")
    try:
        subprocess.run([str(lrelease), "-silent", str(ts), "-qm", str(qm)], check=True, capture_output=True,
                       timeout=60)
    except (OSError, subprocess.SubprocessError):
        log.warning("Could not compile %s", ts.name, exc_info=True)
