"""A task for the worker-crash tests, imported by the worker they start (``celery worker -I``)."""

import os
import time
from pathlib import Path

from celery import shared_task


@shared_task(name="tests.ops.record_attempt")
def record_attempt(marker: str, hold_seconds: float) -> int:
    """Idempotent: append one line per attempt; the first attempt holds long enough to be killed."""
    path = Path(marker)
    first_attempt = not path.exists()
    with path.open("a") as out:
        out.write(f"start {os.getpid()} {os.getpgid(0)}\n")
    if first_attempt:
        time.sleep(hold_seconds)
    with path.open("a") as out:
        out.write("done\n")
    return len(path.read_text().splitlines())
