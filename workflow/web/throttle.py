"""Log-in throttling per account and per address: growing waits instead of a lock-out.

A lock-out lets anyone who knows a name lock its owner out; a wait only slows the guesser. After
`free_tries` failures for a key, each further try must wait 1 s, 2 s, 4 s … up to `max_delay`
seconds after the last failure. Kept in the serving process (`intake serve` is one process);
a restart forgets it, which costs a guesser nothing they could not wait out.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable, Iterable

Key = tuple[str, str]  # ("account", name) or ("address", ip)
MAX_KEYS = 10_000  # beyond this, entries whose wait is over are forgotten


class LoginThrottle:
    def __init__(self, free_tries: int, max_delay: float, clock: Callable[[], float] = time.monotonic) -> None:
        self.free_tries, self.max_delay, self.clock = free_tries, max_delay, clock
        self._failures: dict[Key, tuple[int, float]] = {}  # key → (failures in a row, when the last was)
        self._lock = threading.Lock()

    @staticmethod
    def keys(name: str, address: str) -> list[Key]:
        return [("account", name.strip().lower()), ("address", address)]

    def delay(self, failures: int) -> float:
        """Seconds a key with this many failures waits after its last one."""
        if failures < self.free_tries:
            return 0.0
        return float(min(2 ** (failures - self.free_tries), self.max_delay))

    def wait(self, keys: Iterable[Key]) -> float:
        """Seconds until a try for these keys is weighed again; 0 when it may be tried now."""
        now = self.clock()
        with self._lock:
            entries = [self._failures[key] for key in keys if key in self._failures]
        waits = [last + self.delay(count) - now for count, last in entries]
        return max([0.0, *waits])

    def failed(self, keys: Iterable[Key]) -> None:
        now = self.clock()
        with self._lock:
            for key in keys:
                count, _ = self._failures.get(key, (0, now))
                self._failures[key] = (count + 1, now)
            if len(self._failures) > MAX_KEYS:
                self._forget_idle(now)

    def unlock(self, name: str) -> None:
        """The account may try again at once (an admin's 解除限制); its addresses keep their waits."""
        with self._lock:
            self._failures.pop(("account", name.strip().lower()), None)

    def waiting(self, name: str) -> bool:
        return self.wait([("account", name.strip().lower())]) > 0

    def _forget_idle(self, now: float) -> None:
        idle = [k for k, (n, last) in self._failures.items() if last + self.delay(n) <= now]
        for key in idle:
            del self._failures[key]
