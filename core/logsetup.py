"""Log file with rotation, and redaction so that no secret or token ever reaches a log.

Redaction is applied twice: a Filter on the handler rewrites each record's message, and the handler's
Formatter redacts the final text (tracebacks included). Secrets loaded at run time are registered with
`register_secret()` by the secret store and the CLI.
"""

from __future__ import annotations

import logging
import re
import threading
from logging.handlers import RotatingFileHandler
from pathlib import Path

from core import paths

LOG_NAME = "immutableid-sync.log"
MAX_BYTES = 1_000_000
BACKUPS = 5
REDACTED = "[redacted]"

_PATTERNS = [
    re.compile(r"eyJ[A-Za-z0-9_-]{4,}\.[A-Za-z0-9_-]{4,}\.[A-Za-z0-9_-]*"),  # a JWT
    re.compile(r"(?i)(bearer\s+)[^\s'\"]+"),
    re.compile(r"(?i)((?:client_secret|client_assertion|access_token|refresh_token|password)"
               r"[\"']?\s*[=:]\s*[\"']?)[^&\s'\",}]+"),
]
_secrets: set[str] = set()
_lock = threading.Lock()


def register_secret(value: str | None) -> None:
    """From now on, `value` is replaced by [redacted] wherever it would be logged."""
    if value and len(value) >= 4:
        with _lock:
            _secrets.add(value)


def redact(text: str) -> str:
    for pattern in _PATTERNS:
        text = pattern.sub(lambda m: (m.group(1) if m.groups() else "") + REDACTED, text)
    with _lock:
        secrets = sorted(_secrets, key=len, reverse=True)
    for secret in secrets:
        if secret in text:
            text = text.replace(secret, REDACTED)
    return text


class RedactFilter(logging.Filter):
    def filter(self, record: logging.LogRecord) -> bool:
        try:
            message = record.getMessage()
        except Exception:  # a broken format string must not hide the record
            message = str(record.msg)
        record.msg, record.args = redact(message), None
        return True


class RedactingFormatter(logging.Formatter):
    def format(self, record: logging.LogRecord) -> str:
        return redact(super().format(record))


_handler: RotatingFileHandler | None = None


def setup_logging(level: int = logging.INFO, log_dir: Path | None = None) -> Path:
    """Attach the rotating, redacting log file to the root logger (once per log folder). Returns its path."""
    global _handler
    folder = log_dir or paths.log_dir()
    path = folder / LOG_NAME
    root = logging.getLogger()
    if _handler is not None:
        if Path(_handler.baseFilename) == path.resolve():
            return path
        root.removeHandler(_handler)
        _handler.close()
    handler = RotatingFileHandler(path, maxBytes=MAX_BYTES, backupCount=BACKUPS, encoding="utf-8")
    handler.setFormatter(RedactingFormatter("%(asctime)s %(levelname)s %(name)s [%(threadName)s] %(message)s"))
    handler.addFilter(RedactFilter())
    handler.setLevel(level)
    root.addHandler(handler)
    if root.level > level or root.level == logging.NOTSET:
        root.setLevel(level)
    quiet_noisy_loggers()
    _handler = handler
    return path


def quiet_noisy_loggers() -> None:
    # msal logs request bodies and token responses at DEBUG; urllib3 logs URLs with query strings.
    for name in ("msal", "urllib3", "requests", "keyring"):
        logging.getLogger(name).setLevel(logging.WARNING)


def close_logging() -> None:
    global _handler
    if _handler is not None:
        logging.getLogger().removeHandler(_handler)
        _handler.close()
        _handler = None
