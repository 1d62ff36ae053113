"""Time limits for work that cannot be interrupted from inside (a query in rdflib's or
pyoxigraph's evaluator).

:func:`call_with_timeout` runs the work in a forked child process (the graph already in
memory is shared copy-on-write, so nothing is loaded twice) and kills the child when the
limit passes: the caller gets :class:`kg.errors.QueryTimeout` within the limit plus the
time to kill a process. The child dies with its parent (:func:`die_with_parent`), so
killing kg, even with ``kill -9``, never leaves a worker running. An error in the child
comes back to the caller as the same exception. Where ``fork`` is not available the work runs in a daemon thread
that is abandoned on timeout.

>>> call_with_timeout(lambda: 6 * 7, 5)
42
>>> import time
>>> call_with_timeout(lambda: time.sleep(10), 0.2)
Traceback (most recent call last):
...
kg.errors.QueryTimeout: the query did not finish within 0.2 s; raise --timeout, or ask for less (LIMIT, a narrower pattern)
"""  # noqa: E501

from __future__ import annotations

import ctypes
import math
import multiprocessing
import os
import pickle
import signal
import sys
import threading
import time
from collections.abc import Callable
from typing import Any, TypeVar

from .errors import KGError, QueryTimeout

__all__ = ["call_with_timeout", "die_with_parent", "MAX_JOBS"]

#: The most worker processes ``--jobs`` starts (each holds a spaCy pipeline, ~300 MB).
MAX_JOBS = 32

T = TypeVar("T")


def _timeout(seconds: float) -> QueryTimeout:
    return QueryTimeout(f"the query did not finish within {seconds:g} s; raise --timeout, "
                        f"or ask for less (LIMIT, a narrower pattern)")


_PR_SET_PDEATHSIG = 1  # linux/prctl.h


def die_with_parent(parent: int | None = None) -> None:
    """Make this process (a worker kg forked) exit as soon as its parent ``parent``
    (default: the current parent) does, however the parent ends (``kill -9`` too).

    On Linux the kernel sends SIGKILL on the parent's death (``prctl(PR_SET_PDEATHSIG)``);
    elsewhere a daemon thread polls ``getppid()`` twice a second. A parent that died
    before this call is noticed at once.
    """
    parent = os.getppid() if parent is None else parent
    armed = False
    if sys.platform.startswith("linux"):
        try:
            libc = ctypes.CDLL(None, use_errno=True)
            armed = libc.prctl(_PR_SET_PDEATHSIG, signal.SIGKILL, 0, 0, 0) == 0
        except (OSError, AttributeError):
            armed = False
    if os.getppid() != parent:  # the parent is gone already: nobody wants the answer
        os._exit(1)
    if armed:
        return

    def watch() -> None:
        while os.getppid() == parent:
            time.sleep(0.5)
        os._exit(1)

    threading.Thread(target=watch, name="kg-parent-watch", daemon=True).start()


def _child(fn: Callable[[], Any], conn: Any, parent: int) -> None:
    die_with_parent(parent)
    try:
        payload = pickle.dumps(("ok", fn()))
    except BaseException as exc:  # noqa: BLE001 - everything goes back to the parent
        try:  # the exception itself, so the parent reports it as it would without a limit
            payload = pickle.dumps(("error", exc))
        except Exception:  # noqa: BLE001 - an exception that does not pickle
            payload = pickle.dumps(("error", RuntimeError(f"{type(exc).__name__}: {exc}")))
    conn.send_bytes(payload)
    conn.close()


def call_with_timeout(fn: Callable[[], T], seconds: float | None) -> T:
    """``fn()``, or :class:`~kg.errors.QueryTimeout` once ``seconds`` have passed."""
    if seconds is not None and (math.isnan(seconds) or seconds < 0):
        raise KGError(f"a time limit is a number of seconds, 0 or more (0: none), not {seconds}")
    if seconds is None or seconds == 0 or seconds > 1e6:  # 0 or "forever": no limit
        return fn()
    if "fork" not in multiprocessing.get_all_start_methods():
        return _in_thread(fn, seconds)
    ctx = multiprocessing.get_context("fork")
    receiver, sender = ctx.Pipe(duplex=False)
    proc = ctx.Process(target=_child, args=(fn, sender, os.getpid()), daemon=True)
    proc.start()
    sender.close()
    try:
        if not receiver.poll(seconds):
            raise _timeout(seconds)
        try:
            status, value = pickle.loads(receiver.recv_bytes())
        except EOFError:
            raise KGError("the query's worker process died without an answer "
                          f"(exit code {proc.exitcode}); is the machine out of memory?") from None
    finally:
        receiver.close()
        if proc.is_alive():
            proc.kill()
        proc.join()
    if status == "error":
        raise value
    return value


def _in_thread(fn: Callable[[], T], seconds: float) -> T:
    box: dict[str, Any] = {}

    def work() -> None:
        try:
            box["value"] = fn()
        except BaseException as exc:  # noqa: BLE001 - re-raised in the caller
            box["error"] = exc

    t = threading.Thread(target=work, daemon=True)
    t.start()
    t.join(seconds)
    if t.is_alive():
        raise _timeout(seconds)
    if "error" in box:
        raise box["error"]
    return box["value"]
