"""The HTTPS server: stdlib, threaded, HTTP/1.1 keep-alive, TLS handshake in the connection's thread.

It only moves bytes; what to answer is decided by `SandboxTenant.handle`."""

from __future__ import annotations

import socket
import socketserver
import ssl
import sys
import threading
import traceback
from email.utils import formatdate
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import TYPE_CHECKING

from core.sandbox.responses import Request, graph_error

if TYPE_CHECKING:
    from core.sandbox.tenant import SandboxTenant

_REASONS = {200: "OK", 201: "Created", 302: "Found", 409: "Conflict", 204: "No Content", 400: "Bad Request", 401: "Unauthorized", 403: "Forbidden",
            404: "Not Found", 405: "Method Not Allowed", 411: "Length Required", 429: "Too Many Requests",
            500: "Internal Server Error", 503: "Service Unavailable", 504: "Gateway Timeout"}
MAX_BODY = 16 * 1024 * 1024


class SandboxServer(ThreadingHTTPServer):
    daemon_threads = True
    # On Windows SO_REUSEADDR lets a second server steal a port that is in use: only elsewhere.
    allow_reuse_address = sys.platform != "win32"
    request_queue_size = 128

    def __init__(self, address: tuple[str, int], tenant: SandboxTenant, context: ssl.SSLContext) -> None:
        self.tenant = tenant
        self.ssl_context = context
        self._open: set[socket.socket] = set()
        self._open_lock = threading.Lock()
        self.connections_accepted = 0  # TLS connections so far (tests check keep-alive reuse)
        super().__init__(address, SandboxHandler)

    def finish_request(self, request, client_address) -> None:  # type: ignore[override]
        """Runs in the connection's own thread, so a slow handshake never blocks accepting others."""
        request.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
        request.settimeout(30)  # a client that never finishes the handshake must not hold a thread forever
        try:
            tls = self.ssl_context.wrap_socket(request, server_side=True)
        except (ssl.SSLError, OSError):
            return
        with self._open_lock:
            self._open.add(tls)
            self.connections_accepted += 1
        try:
            self.RequestHandlerClass(tls, client_address, self)
        except (ConnectionError, ssl.SSLError, TimeoutError, OSError):
            pass  # the client went away; nothing to answer
        finally:
            with self._open_lock:
                self._open.discard(tls)
            try:
                tls.close()
            except OSError:
                pass

    def handle_error(self, request, client_address) -> None:  # noqa: D401 - quiet by design
        pass

    def close_connections(self) -> None:
        """Keep-alive connections outlive serve_forever(); end them so a stopped sandbox really stops."""
        with self._open_lock:
            sockets = list(self._open)
        for sock in sockets:
            try:
                sock.shutdown(socket.SHUT_RDWR)
            except OSError:
                pass


class SandboxHandler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    server_version = "ImmutableIdSyncSandbox/1"
    sys_version = ""
    timeout = 120  # idle keep-alive connections end after this

    server: SandboxServer

    def setup(self) -> None:
        self.connection = self.request
        self.connection.settimeout(self.timeout)
        self.rfile = self.connection.makefile("rb", 65536)
        self.wfile = socketserver._SocketWriter(self.connection)

    def log_message(self, format: str, *args) -> None:  # noqa: A002 - stdlib signature
        pass  # the audit log is the record; stderr stays clean for the CLI's JSON line

    def do_GET(self) -> None:
        self._dispatch()

    do_POST = do_PATCH = do_PUT = do_DELETE = do_GET

    def _dispatch(self) -> None:
        length = int(self.headers.get("Content-Length") or 0)
        if length > MAX_BODY or self.headers.get("Transfer-Encoding"):
            self._write(411 if self.headers.get("Transfer-Encoding") else 400, {}, b"")
            self.close_connection = True
            return
        body = self.rfile.read(length) if length else b""
        path, _, query = self.path.partition("?")
        headers = {k.lower(): v for k, v in self.headers.items()}
        req = Request(self.command, path, query, headers, body)
        try:
            response = self.server.tenant.handle(req, self.client_address[0])
        except Exception as exc:  # a sandbox bug must show up as a clear 500, not a silent drop
            traceback.print_exc(file=sys.stderr)
            response = graph_error(req, 500, "SandboxInternalError", f"{type(exc).__name__}: {exc}")
        if response is None:  # an injected dropped connection: close without a word
            self.close_connection = True
            try:
                self.connection.shutdown(socket.SHUT_RDWR)
            except OSError:
                pass
            return
        out_headers = {"Content-Type": response.content_type, **response.headers}
        if path.startswith("/v1.0"):
            out_headers.setdefault("request-id", req.request_id)
            out_headers.setdefault("client-request-id", req.client_request_id)
        self._write(response.status, out_headers, b"" if response.status == 204 else response.body_bytes())
        if headers.get("connection", "").lower() == "close":
            self.close_connection = True

    def _write(self, status: int, headers: dict[str, str], body: bytes) -> None:
        """One send per response: fewer TLS records, no Nagle stalls on keep-alive."""
        lines = [f"HTTP/1.1 {status} {_REASONS.get(status, 'Unknown')}",
                 f"Date: {formatdate(usegmt=True)}", "Strict-Transport-Security: max-age=31536000"]
        lines.extend(f"{k}: {v}" for k, v in headers.items())
        if status != 204:
            lines.append(f"Content-Length: {len(body)}")
        self.connection.sendall(("\r\n".join(lines) + "\r\n\r\n").encode("latin-1") + body)
