"""Where a Save dialog starts: the user's Documents folder (else Downloads, else the home folder).

Never the current directory — the program may have been started from anywhere, even a source checkout —
and never a run's own folder: its files are the run's record, and an export saved "over" them would
replace what the run wrote."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QStandardPaths

PLACES = (QStandardPaths.StandardLocation.DocumentsLocation, QStandardPaths.StandardLocation.DownloadLocation,
          QStandardPaths.StandardLocation.HomeLocation)


def default_save_path(file_name: str) -> str:
    for place in PLACES:
        folder = QStandardPaths.writableLocation(place)
        if folder and Path(folder).is_dir():
            return str(Path(folder) / file_name)
    return str(Path.home() / file_name)
