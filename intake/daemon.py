"""`intake poll` (one full pass) and `intake run` (full pass, then IDLE or polling, reconnecting forever)."""

from __future__ import annotations

import logging
import os
import signal
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager

from intake.errors import MailboxError
from intake.faults import FAULTS, TransientFault, backoff_delay, describe, fault_kind, one_line
from intake.fetcher import Fetcher
from intake.imap import CONNECTION_ERRORS
from intake.lock import MailboxLock
from intake.sending import DeliveryLoop, deliver_logged, fetcher_lock
from intake.service import Service
from intake.source import Source, open_source
from intake.workers import Workers
from workflow.errors import network_words

log = logging.getLogger("intake.daemon")

STOP_GRACE = 20.0  # seconds a message in hand may take to finish after SIGTERM
HARD_EXIT_AFTER = 28.0  # the spec promises exit within 30 s of SIGTERM, whatever is blocking
IDLE_TICK = 1.0  # how often an IDLE wait looks at the stop flag and the workers
LOCK_CHECK = 5.0  # seconds between checks that the fetcher lock's database session is still alive


def poll_once(service: Service) -> int:
    """One full pass: 0 when all was recorded; 1 if the mailbox was unreadable or a message not stored.

    With local workers (`[ocr] workers` > 0) it waits for the jobs of what it recorded (and of what was
    pending before); with none it only records, and `intake worker` processes.
    """
    with stop_on_signals() as stop, _locked(service) as (source, _lock):
        if source is None:
            return 1
        queue = service.queue  # its tables exist before a worker looks
        with Workers(service.config) as workers:
            workers.start()
            fetcher = Fetcher(service, source, queue, stop, follow=bool(workers.size))
            try:
                source.connect()
                fetcher.run_pass()
            except (MailboxError, *CONNECTION_ERRORS) as e:
                _report(fetcher, e)
                workers.stop(STOP_GRACE)
                return 1
            fetcher.drain()
            _flush_marks(fetcher)
            workers.stop(STOP_GRACE)
            deliver_logged(service)  # no daemon runs while this pass holds the lock: send what it queued
            return 1 if fetcher.failed else 0


def run_forever(service: Service) -> int:
    """Full pass, then IDLE (or scheduled polling); reconnect with backoff; exit 0 on SIGTERM/SIGINT.

    Beside the fetcher run the delivery loop, the one sender of replies while the daemon runs, and
    the `[ocr] workers` local worker processes.
    """
    with stop_on_signals() as stop, _locked(service) as (source, lock):
        if source is None:
            return 1
        queue = service.queue  # its tables exist before a worker looks
        with Workers(service.config) as workers:
            workers.start()
            HARD_EXIT_HOOKS.append(workers.kill)
            sender = DeliveryLoop(service, stop)
            sender.start()
            fetcher = Fetcher(service, source, queue, stop, follow=True, on_processed=sender.wake)
            try:
                code = _serve(service, source, fetcher, stop, _LockKeeper(lock))
                workers.stop(STOP_GRACE)
                fetcher.collect()
            finally:
                stop.set()  # also when _serve gave up (a refused login): the sender stops with it
                sender.join(STOP_GRACE)
                HARD_EXIT_HOOKS.remove(workers.kill)
    log.info("收信进程已停止")
    return code


class _LockKeeper:
    """The fetcher lock, checked every `LOCK_CHECK` seconds and taken again after a database restart."""

    def __init__(self, lock: MailboxLock) -> None:
        self.lock, self._next = lock, time.monotonic() + LOCK_CHECK

    def require(self) -> None:
        """Raise TransientFault unless the lock is (again) held: no fetching without it."""
        self._next = time.monotonic() + LOCK_CHECK
        if not self.lock.keep():
            raise TransientFault("lock", "收信锁暂不可用（数据库不可达，或另一个收信进程已接管）")

    def tick(self) -> None:
        if time.monotonic() >= self._next:
            self.require()


def _serve(service: Service, source: Source, fetcher: Fetcher, stop: threading.Event, lock: _LockKeeper) -> int:
    failures = 0
    wake = threading.Event()
    scheduler = None
    while not stop.is_set():
        try:
            lock.require()
            FAULTS.recovered("lock")
            source.connect()
            _pass(fetcher)
            failures = 0
            if source.can_idle():
                _idle(service, source, fetcher, stop, lock)
            else:
                scheduler = scheduler or _start_polling(service, wake)
                _poll(source, fetcher, stop, wake, lock)
        except MailboxError as e:
            _report(fetcher, e)
            return 1  # a refused login is a configuration problem: the service manager restarts us
        except Exception as e:  # noqa: BLE001 - the mail server or the database is briefly away: retry
            if isinstance(e, CONNECTION_ERRORS) and fault_kind(e) is None:
                _report(fetcher, e)
            else:
                _fault(fetcher, e)
        finally:
            source.close()
        if not stop.is_set():
            delay = backoff_delay(failures)
            failures += 1
            log.debug("%.1f 秒后重新连接邮箱", delay)
            stop.wait(delay)
    if scheduler is not None:
        scheduler.shutdown(wait=False)
    return 0


def _pass(fetcher: Fetcher) -> None:
    """One pass; raises its store fault so `_serve` backs off and passes again with no new mail."""
    fetcher.run_pass()
    if fetcher.store_fault is not None:
        raise fetcher.store_fault


def _fault(fetcher: Fetcher, error: Exception) -> None:
    """A transient fault is one line per kind (counted until it clears); anything else a traceback."""
    kind = fault_kind(error)
    if kind is None:
        log.exception("收信出错")
        fetcher.note_error(f"{type(error).__name__}: {error}")
        return
    FAULTS.failed(kind, one_line(error))
    fetcher.note_error(describe(kind, error))


def _idle(service: Service, source: Source, fetcher: Fetcher, stop: threading.Event, lock: _LockKeeper) -> None:
    """IDLE until new mail, a finished message to mark, or the timed re-IDLE; then pass again.

    Each tick also collects finished jobs, sweeps pending messages and checks the fetcher lock.
    """
    limit = service.config.mailbox.idle_timeout_seconds
    while not stop.is_set():
        fetcher.collect()
        _flush_marks(fetcher)
        source.idle_start()
        log.debug("idling on %s", source.folder)
        started = time.monotonic()
        while not stop.is_set() and time.monotonic() - started < limit:
            responses = source.idle_check(IDLE_TICK)
            if any(len(r) > 1 and r[1] in (b"EXISTS", b"RECENT") for r in responses):
                break
            fetcher.collect()
            fetcher.sweep()
            lock.tick()
            if fetcher.to_mark:
                break  # leave IDLE to move or flag what was just processed
        source.idle_done()
        if not stop.is_set():
            _pass(fetcher)


def _start_polling(service: Service, wake: threading.Event):  # type: ignore[no-untyped-def]
    """The server has no IDLE (or idle = false): APScheduler wakes the fetcher every poll_interval_seconds."""
    from apscheduler.schedulers.background import BackgroundScheduler

    scheduler = BackgroundScheduler(job_defaults={"coalesce": True, "max_instances": 1})
    scheduler.add_job(wake.set, "interval", seconds=max(1, service.config.mailbox.poll_interval_seconds))
    scheduler.start()
    log.info("服务器不支持 IDLE（或已关闭）：每 %s 秒收取一次", service.config.mailbox.poll_interval_seconds)
    return scheduler


def _poll(source: Source, fetcher: Fetcher, stop: threading.Event, wake: threading.Event,
          lock: _LockKeeper) -> None:
    while not stop.is_set():
        if wake.wait(IDLE_TICK):
            wake.clear()
            lock.require()
            _pass(fetcher)
        fetcher.collect()
        fetcher.sweep()
        lock.tick()
        _flush_marks(fetcher)


def _flush_marks(fetcher: Fetcher) -> None:
    try:
        fetcher.flush_marks()
    except CONNECTION_ERRORS:
        raise
    except Exception as e:  # noqa: BLE001 - marking is a courtesy to the officers; the database is the truth
        log.warning("无法标记已处理邮件：%s", e)


def _report(fetcher: Fetcher, error: BaseException) -> None:
    text = str(error) if isinstance(error, MailboxError) else f"无法读取邮箱：{network_words(error)}"
    log.error("%s", text)
    fetcher.note_error(text)


@contextmanager
def _locked(service: Service) -> Iterator[tuple[Source | None, MailboxLock]]:
    """The configured source under the one-fetcher-per-mailbox lock; None when another fetcher holds it."""
    source = open_source(service.config.mailbox)
    lock = fetcher_lock(service)
    if not lock.try_acquire():
        log.error("另一个收信进程正在处理邮箱 %s 的 %s，本次不再收取", source.account, source.folder)
        yield None, lock
        return
    try:
        yield source, lock
    finally:
        source.close()
        lock.release()


@contextmanager
def stop_on_signals() -> Iterator[threading.Event]:
    """SIGTERM/SIGINT set the stop flag; a watchdog guarantees the exit within 30 s."""
    stop, stopped = threading.Event(), threading.Event()

    def handle(signum: int, _frame: object) -> None:
        if not stop.is_set():
            log.info("收到信号 %s：停止收信，处理完手头邮件后退出", signal.Signals(signum).name)
            stop.set()
            threading.Thread(target=_watchdog, args=(stopped,), daemon=True).start()

    previous = {s: signal.signal(s, handle) for s in (signal.SIGTERM, signal.SIGINT)}
    try:
        yield stop
    finally:
        stopped.set()
        for signum, old in previous.items():
            signal.signal(signum, old)


def _watchdog(stopped: threading.Event) -> None:
    if stopped.wait(HARD_EXIT_AFTER):
        return  # stopped in time
    log.warning("停止超时：强制退出，未处理完的邮件保持待处理状态")
    for hook in HARD_EXIT_HOOKS:
        hook()
    logging.shutdown()
    os._exit(0)


HARD_EXIT_HOOKS: list[Callable[[], None]] = []  # e.g. kill the workers, which ignore SIGTERM
