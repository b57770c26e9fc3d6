"""The one rule for a saved connection's name (issue 15 §3.1), used wherever a name enters: `connection
save`, `app create --save-as`, the wizard's save, `schedule install` and a batch row naming a saved
connection.

A name ends up in a file name, a task name (Windows Task Scheduler, a launchd label, a systemd unit, a
crontab comment) and a command line on Windows, macOS and Linux. So it refuses:
- control characters (a newline injects lines into a systemd unit or a crontab) and invisible format
  characters (bidi overrides, zero-width joiners: a name must read as what it is);
- the characters no Windows file name may hold (`/ \\ : * ? " < > |`) and a %WORD% pair (Task Scheduler
  and cmd expand %VAR% in a task's arguments; a lone %, as in "100%", is quoted where it matters);
- a leading or trailing space or dot (Windows drops them from file names), a leading dash (it would read
  as an option on the command line);
- the reserved Windows device names (CON, PRN, AUX, NUL, COM1-9, LPT1-9, with or without an extension);
- more than MAX_LENGTH characters.

Names saved before this rule stay usable to delete (`connection delete`, `schedule remove`); everything
else asks to save the connection again under a valid name. No Qt.
"""

from __future__ import annotations

import re
import unicodedata

MAX_LENGTH = 64
FORBIDDEN = '/\\:*?"<>|'
# Task Scheduler and cmd expand %NAME% in a task's arguments (a lone %, as in "100%", stays as it is).
_ENV_VARIABLE = re.compile(r"%[^%\s]+%")
_RESERVED = {"CON", "PRN", "AUX", "NUL", "CONIN$", "CONOUT$", *(f"COM{i}" for i in "123456789¹²³"),
             *(f"LPT{i}" for i in "123456789¹²³")}
# Control (Cc), format (Cf: bidi overrides, zero-width), line and paragraph separators, unassigned.
_INVISIBLE = {"Cc", "Cf", "Zl", "Zp", "Cn", "Cs"}

CODES = ("connection_name_empty", "connection_name_control", "connection_name_character",
         "connection_name_edge", "connection_name_reserved", "connection_name_too_long")


class ConnectionNameError(ValueError):
    """`code`: one of CODES; `args`: what was found (`char`, `position`, `length`, `max`)."""

    def __init__(self, code: str, name: str, **args: object) -> None:
        self.code, self.name, self.args_ = code, name, dict(args)
        super().__init__(f"{code}: {name_message(code, self.args_)}")

    @property
    def message(self) -> str:
        """The English sentence: what is wrong and what to do."""
        return name_message(self.code, self.args_)


def check_connection_name(name: str) -> None:
    """Raise ConnectionNameError when NAME cannot be a saved connection's name."""
    problem = _problem(name)
    if problem is not None:
        code, args = problem
        raise ConnectionNameError(code, name, **args)


def name_problem(name: str) -> str | None:
    """The problem's code, or None when the name is fine (the wizard shows the code's text)."""
    problem = _problem(name)
    return problem[0] if problem else None


def is_valid_name(name: str) -> bool:
    return _problem(name) is None


def _problem(name: str) -> tuple[str, dict] | None:
    if not isinstance(name, str) or not name.strip():
        return "connection_name_empty", {}
    for position, char in enumerate(name, 1):
        if unicodedata.category(char) in _INVISIBLE:
            return "connection_name_control", {"char": f"U+{ord(char):04X}", "position": position}
        if char in FORBIDDEN:
            return "connection_name_character", {"char": char, "position": position}
    found = _ENV_VARIABLE.search(name)
    if found:
        return "connection_name_character", {"char": found.group(0), "position": found.start() + 1}
    if name != name.strip(" .") or name.startswith("-") or name != name.strip():
        return "connection_name_edge", {}
    if name.split(".")[0].strip().upper() in _RESERVED:
        return "connection_name_reserved", {"word": name.split(".")[0].strip()}
    if len(name) > MAX_LENGTH:
        return "connection_name_too_long", {"length": len(name), "max": MAX_LENGTH}
    return None


_DETAIL = {
    "connection_name_empty": "The connection's name is empty. Give it a name, e.g. Example School.",
    "connection_name_control": "The connection's name holds an invisible or control character ({char} at "
                               "character {position}), such as a line break. Type the name on one line.",
    "connection_name_character": "The connection's name holds {char!r} (character {position}). Leave out "
                                 "/ \\ : * ? \" < > | and %…% pairs: they cannot be part of a file or task "
                                 "name.",
    "connection_name_edge": "The connection's name starts or ends with a space or a dot, or starts with a "
                            "dash. Remove them.",
    "connection_name_reserved": "{word} is a name Windows reserves for a device. Choose another name.",
    "connection_name_too_long": "The connection's name has {length} characters; use at most {max}.",
}


def name_message(code: str, args: dict | None = None) -> str:
    try:
        return _DETAIL[code].format(**(args or {}))
    except (KeyError, IndexError):
        return _DETAIL.get(code, code)


def rename_hint(name: str) -> str:
    """For a name saved before this rule: how to go on."""
    return (f'Save it again under a valid name (`immutableid-sync connection save NEW-NAME --profile "{name}" '
            f'--source ...`, or in the wizard), then delete the old one with `immutableid-sync connection '
            f'delete "{name}"`.')


def few_names(names: list[str], limit: int = 5) -> str:
    """At most `limit` quoted names, then "and N more": an error message stays readable with 300 schools."""
    shown = ", ".join(f'"{n}"' for n in names[:limit])
    if not names:
        return "none yet"
    return shown + (f" and {len(names) - limit} more" if len(names) > limit else "")


def saved_names(store) -> str:  # store: core.setup.profiles.ProfileStore
    """The sentence that follows "no saved connection is called …"."""
    return f"Saved connections: {few_names(store.names())} (`immutableid-sync connection list` shows them all)."
