"""`intake worker`: a process that only runs jobs, on any machine that reaches the database and blobs.

Its `[ocr] workers` local processes (at least 1) take `process_message` jobs from the shared queue
(`intake.queue`); the per-message claim (`intake.processing`) lets any number of workers on any
number of machines share one backlog. It also sweeps every `intake.jobs.SWEEP` seconds, so a
message whose job was lost (a worker killed mid-job, the queue away when it was recorded) gets one
again while no `intake run` is up. `intake run` with `[ocr] workers = 0` then only fetches,
records and sends replies. SIGTERM: finish the jobs in hand (up to 20 s), exit 0.
"""

from __future__ import annotations

import logging
from dataclasses import replace

from intake.daemon import HARD_EXIT_HOOKS, STOP_GRACE, stop_on_signals
from intake.jobs import Jobs
from intake.service import Service
from intake.workers import Workers

log = logging.getLogger("intake.daemon")

TICK = 1.0  # seconds between looks at the stop flag and the sweep's clock


def work_forever(service: Service) -> int:
    """Run jobs until SIGTERM/SIGINT; 0 on a clean stop."""
    config = service.config
    config = replace(config, ocr=replace(config.ocr, workers=max(1, config.ocr.workers)))
    jobs = Jobs(service, service.queue, follow=False)
    with stop_on_signals() as stop, Workers(config, log_outcomes=True) as workers:
        workers.start()
        HARD_EXIT_HOOKS.append(workers.kill)
        log.info("处理进程已启动：%d 个解析进程", workers.size)
        try:
            while not stop.wait(TICK):
                jobs.sweep()
        finally:
            workers.stop(STOP_GRACE)
            HARD_EXIT_HOOKS.remove(workers.kill)
    log.info("处理进程已停止")
    return 0
