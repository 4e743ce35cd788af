"""A local stand-in for the paper APIs: an HTTP server on 127.0.0.1 that answers each path with a
script of responses (the last one repeats), for tests of `extract.fetch`.

Only the loopback address is served, every wait is bounded, and `close` releases any response
still waiting, so a test never leaves a thread or a socket behind.
"""
from __future__ import annotations

import threading
from collections import Counter
from dataclasses import dataclass
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

API = Path(__file__).parent / "fixtures" / "api"


@dataclass(frozen=True)
class Reply:
    """One response: status, body, content type, extra headers, and a wait before answering."""

    status: int = 200
    body: bytes = b""
    content_type: str = "application/json; charset=utf-8"
    headers: tuple[tuple[str, str], ...] = ()
    delay: float = 0.0


def fixture_reply(name: str, content_type: str = "application/json; charset=utf-8") -> Reply:
    return Reply(200, (API / name).read_bytes(), content_type)


class ApiServer:
    """`with ApiServer({"/api/daily_papers?date=2025-03-10": [Reply(503), ok]}) as server:`;
    `server.url(path)` is the URL to ask, `server.requests[path]` how often it was asked."""

    def __init__(self, scripts: dict[str, list[Reply]]):
        self.scripts = scripts
        self.requests: Counter[str] = Counter()
        self._released = threading.Event()
        self._lock = threading.Lock()
        self._server = ThreadingHTTPServer(("127.0.0.1", 0), self._handler())
        self._server.daemon_threads = True
        self._thread = threading.Thread(target=self._server.serve_forever, args=(0.05,),
                                        daemon=True)

    def url(self, path: str) -> str:
        host, port = self._server.server_address[:2]
        return f"http://{host}:{port}{path}"

    def _reply(self, path: str) -> Reply:
        with self._lock:
            script = self.scripts.get(path, [Reply(404, b'{"error": "Not Found"}')])
            reply = script[min(self.requests[path], len(script) - 1)]
            self.requests[path] += 1
        return reply

    def _handler(self):
        # the handler class is made here, and given what it needs as closure variables
        reply_to, released = self._reply, self._released

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self) -> None:  # noqa: N802 - the name http.server calls
                reply = reply_to(self.path)
                if reply.delay and released.wait(reply.delay):
                    return  # the test is over: answer nothing
                try:
                    self.send_response(reply.status)
                    self.send_header("Content-Type", reply.content_type)
                    self.send_header("Content-Length", str(len(reply.body)))
                    for name, value in reply.headers:
                        self.send_header(name, value)
                    self.end_headers()
                    self.wfile.write(reply.body)
                except (BrokenPipeError, ConnectionResetError):
                    pass  # the client gave up waiting, as the test meant it to

            def log_message(self, *args) -> None:
                pass

        return Handler

    def __enter__(self) -> ApiServer:
        self._thread.start()
        return self

    def __exit__(self, *exc_info) -> None:
        self.close()

    def close(self) -> None:
        self._released.set()
        self._server.shutdown()
        self._server.server_close()
        self._thread.join(timeout=5)


def closed_port_url(path: str = "/api/daily_papers?date=2025-03-10") -> str:
    """A URL on 127.0.0.1 where nothing listens (a port bound, then let go): as when offline."""
    import socket

    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    return f"http://127.0.0.1:{port}{path}"
