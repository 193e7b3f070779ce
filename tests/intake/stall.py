"""A TCP proxy in front of Dovecot that stops passing the client's commands at a chosen one.

A daemon killed "mid-batch" must be caught mid-batch however fast the machine is: rather
than racing the daemon with a timer, the proxy holds back the n-th command that contains
a marker (e.g. the third `BODY.PEEK[]` FETCH), so the daemon waits on a reply that never
comes until the test kills it.
"""

from __future__ import annotations

import socket
import threading
from types import TracebackType

from tests.intake.dovecot import free_port

CHUNK = 65536


class StallingProxy:
    """Forwards 127.0.0.1:`port` to 127.0.0.1:`upstream`; holds every command from the
    `nth` containing `marker` on (counted over all connections). `held` is set then."""

    def __init__(self, upstream: int, marker: bytes, nth: int) -> None:
        self.upstream, self.marker, self.nth = upstream, marker, nth
        self.port = free_port()
        self.held = threading.Event()
        self._seen = 0
        self._lock = threading.Lock()
        self._listener = socket.create_server(("127.0.0.1", self.port))
        self._sockets: list[socket.socket] = [self._listener]
        threading.Thread(target=self._accept, daemon=True).start()

    def _accept(self) -> None:
        while True:
            try:
                client, _ = self._listener.accept()
            except OSError:
                return  # closed
            server = socket.create_connection(("127.0.0.1", self.upstream))
            self._sockets += [client, server]
            threading.Thread(target=self._pump, args=(client, server, True), daemon=True).start()
            threading.Thread(target=self._pump, args=(server, client, False), daemon=True).start()

    def _holds(self, data: bytes) -> bool:
        with self._lock:
            self._seen += data.count(self.marker)
            if self._seen >= self.nth:
                self.held.set()
            return self.held.is_set()

    def _pump(self, source: socket.socket, sink: socket.socket, commands: bool) -> None:
        try:
            while data := source.recv(CHUNK):
                if commands and self._holds(data):
                    continue  # swallowed: the reply the client waits for never comes
                sink.sendall(data)
        except OSError:
            pass  # either side went away
        finally:
            sink.close()

    def close(self) -> None:
        for sock in self._sockets:
            sock.close()

    def __enter__(self) -> StallingProxy:
        return self

    def __exit__(self, kind: type[BaseException] | None, error: BaseException | None,
                 trace: TracebackType | None) -> None:
        self.close()
