"""The one output guard: every file the tool writes where a user pointed it (issue 15 §3.3) — `--out`,
`--report` (apply, undo, unattended), `--reminder`, the wizard's exports and calendar reminders, and the
schedule artefacts — is checked here first.

It never replaces the source export, nor an artefact of a run folder (journal, report, summary, unmatched
rows: undo and resume need them), whatever `replace` says. It refuses folders, devices, FIFOs and other
special files (replacing /dev/full, or blocking on a FIFO), and a parent folder that does not exist (a
typo is not silently turned into a new folder tree). "-" is refused: our reports are files beside a run,
and standard output carries the command's own lines. An existing regular file is replaced only with
`replace` (the CLI's --force or a yes at the terminal; the wizard's file dialog asked)."""

from __future__ import annotations

import os
import stat
from pathlib import Path

from core.run.folders import JOURNAL_FILE, RUN_FILES, SUMMARY_FILE

STDOUT_NAME = "-"


class OutputPathError(ValueError):
    """A path that must not (or cannot) be written. `code`: is_stdout, is_folder, is_special, is_source,
    is_run_file, no_folder, exists, not_writable (texts: core.message_table.OUTPUT_PATH_TEXT)."""

    def __init__(self, code: str, path: str | Path, detail: str = "") -> None:
        super().__init__(f"{code}: {path}")
        self.code, self.path, self.detail = code, str(path), detail


def check_output_path(path: str | Path, *, sources: tuple[str | Path | None, ...] = (),
                      replace: bool = False) -> Path:
    """The path, if a file may be written there now; OutputPathError otherwise. Creates nothing."""
    if str(path).strip() == STDOUT_NAME:
        raise OutputPathError("is_stdout", path)
    target = Path(path)
    _refuse_what_it_is(target)
    for source in sources:
        if source and _same_file(target, Path(source)):
            raise OutputPathError("is_source", target)
    if is_run_artefact(target):
        raise OutputPathError("is_run_file", target)
    parent = target.parent if str(target.parent) else Path(".")
    if not parent.is_dir():
        raise OutputPathError("no_folder", target, str(parent))
    if target.exists() and not replace:
        raise OutputPathError("exists", target)
    if not os.access(parent, os.W_OK) or (target.exists() and not os.access(target, os.W_OK)):
        raise OutputPathError("not_writable", target)
    return target


def _refuse_what_it_is(target: Path) -> None:
    try:
        mode = target.stat().st_mode  # follows links: a link to /dev/full is /dev/full
    except (FileNotFoundError, NotADirectoryError):  # nothing there yet (the folder is checked next)
        return
    except OSError as exc:  # a dangling link's loop, no permission to look: not a place to write
        raise OutputPathError("not_writable", target, exc.strerror or "") from None
    if stat.S_ISDIR(mode):
        raise OutputPathError("is_folder", target)
    if not stat.S_ISREG(mode):
        raise OutputPathError("is_special", target)


def is_run_artefact(target: Path) -> bool:
    """One of a run folder's own files (by name, in a folder holding a journal or a summary), however the
    path is spelled (links, `..`)."""
    for candidate in {target, _resolved(target)}:
        if candidate.name in RUN_FILES and any((candidate.parent / name).exists()
                                                for name in (JOURNAL_FILE, SUMMARY_FILE)):
            return True
    return False


def _resolved(path: Path) -> Path:
    try:
        return path.resolve()
    except OSError:
        return path


def _same_file(a: Path, b: Path) -> bool:
    try:
        if a.exists() and b.exists():
            return os.path.samefile(a, b)
    except OSError:
        pass
    return os.path.normcase(os.path.abspath(a)) == os.path.normcase(os.path.abspath(b))
