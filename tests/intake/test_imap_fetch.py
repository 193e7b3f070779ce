"""ImapSource.fetch fetches the next batch while the caller records this one: batches in order, the
connection used by one thread at a time, and closing early waits for the FETCH under way."""

from __future__ import annotations

import threading

from intake.config import MailboxConfig
from intake.imap import ImapSource


class _Client:
    """An IMAPClient's `fetch`: every UID's body; `busy` while a FETCH is under way."""

    def __init__(self, hold: float = 0.0) -> None:
        self.asked: list[list[int]] = []
        self.busy = 0
        self.hold = hold  # seconds a FETCH takes: long enough for a close that did not wait to be seen

    def fetch(self, uids: list[int], _items: list[str]) -> dict[int, dict[bytes, object]]:
        assert self.busy == 0, "two threads on one connection"
        self.busy += 1
        self.asked.append(list(uids))
        threading.Event().wait(self.hold)
        self.busy -= 1
        return {uid: {b"BODY[]": f"body {uid}".encode(), b"FLAGS": ()} for uid in uids}


def _source(client: _Client) -> ImapSource:
    source = ImapSource(MailboxConfig(host="imap.example", batch_size=2))
    source._client = client  # type: ignore[assignment]
    return source


def test_batches_come_in_order_one_fetch_at_a_time():
    client = _Client()
    batches = list(_source(client).fetch([1, 2, 3, 4, 5]))
    assert [[f.uid for f in batch] for batch in batches] == [[1, 2], [3, 4], [5]]
    assert batches[2][0].raw == b"body 5"
    assert client.asked == [[1, 2], [3, 4], [5]]


def test_closing_early_waits_for_the_fetch_under_way_and_asks_for_no_more():
    client = _Client(hold=0.2)
    batches = _source(client).fetch([1, 2, 3, 4, 5])
    assert [f.uid for f in next(batches)] == [1, 2]
    batches.close()  # a stop after the first batch
    assert client.busy == 0
    assert client.asked == [[1, 2], [3, 4]]
