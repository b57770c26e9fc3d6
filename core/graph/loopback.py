"""The loopback listener that receives the interactive sign-in's answer (graph-facts §10).

Ours rather than MSAL's `acquire_token_interactive`, for three reasons seen in the field (issue 16):
MSAL's listener binds every interface (0.0.0.0) when it thinks it runs in a container, it cannot be
stopped from another thread (a cancelled sign-in waited out its 300 s), and it does not tell its caller
that no browser could be opened. This one binds 127.0.0.1 only, polls a cancel event, and is closed
when the `with` block ends, whatever happened. Like MSAL's, it accepts only `response_mode=form_post`
answers (a POST), so the code never travels in a URL."""

from __future__ import annotations

import threading
import time
from http.server import BaseHTTPRequestHandler, HTTPServer
from urllib.parse import parse_qs

POLL_S = 0.2  # how soon a cancel is noticed
_DONE_PAGE = ("<!doctype html><meta charset='utf-8'><title>Immutable ID Sync</title>"
              "<p>{text}</p><p>You can close this tab and return to Immutable ID Sync.</p>")


class LoopbackCancelled(Exception):
    """The caller's cancel event was set while waiting."""


class LoopbackTimeout(Exception):
    """No answer within the time allowed (the browser window was closed, or never opened)."""


class _Server(HTTPServer):
    allow_reuse_address = False  # Windows would let a second listener share the port

    def __init__(self) -> None:
        super().__init__(("127.0.0.1", 0), _Handler)
        self.timeout = POLL_S
        self.expected_state = ""
        self.answer: dict[str, str] | None = None


class _Handler(BaseHTTPRequestHandler):
    server: _Server
    timeout = 5  # a connection that sends nothing must not hold the wait (and its cancel) up

    def do_POST(self) -> None:  # noqa: N802 - http.server's name
        length = min(int(self.headers.get("Content-Length") or 0), 64 * 1024)
        fields = {k: v[0] for k, v in parse_qs(self.rfile.read(length).decode("utf-8", "replace")).items()}
        if not (fields.get("code") or fields.get("error")) or fields.get("state") != self.server.expected_state:
            self._reply(400, "This is not the answer the sign-in is waiting for.")
            return
        self.server.answer = fields
        self._reply(200, "Signed in." if fields.get("code") else "The sign-in did not finish.")

    def do_GET(self) -> None:  # noqa: N802 - a code in a URL is refused (form_post only)
        self._reply(400, "The sign-in answers here with a form, not a link.")

    def _reply(self, status: int, text: str) -> None:
        body = _DONE_PAGE.format(text=text).encode("utf-8")
        self.send_response(status)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, format: str, *args: object) -> None:  # noqa: A002 - never log requests (codes)
        return


class LoopbackReceiver:
    """`with LoopbackReceiver() as receiver:` listen on 127.0.0.1:<free port>; `redirect_uri` for Entra
    (http://localhost:<port>, the form Entra accepts for public clients on any port)."""

    def __init__(self) -> None:
        self._server = _Server()

    @property
    def port(self) -> int:
        return int(self._server.server_address[1])

    @property
    def redirect_uri(self) -> str:
        return f"http://localhost:{self.port}"

    def wait(self, state: str, cancel: threading.Event | None, timeout_s: float) -> dict[str, str]:
        """The auth response posted with `state`; LoopbackCancelled / LoopbackTimeout otherwise."""
        self._server.expected_state = state
        deadline = time.monotonic() + timeout_s
        while self._server.answer is None:
            if cancel is not None and cancel.is_set():
                raise LoopbackCancelled()
            if time.monotonic() >= deadline:
                raise LoopbackTimeout()
            self._server.handle_request()  # returns after POLL_S without a request
        return self._server.answer

    def close(self) -> None:
        self._server.server_close()

    def __enter__(self) -> LoopbackReceiver:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()
