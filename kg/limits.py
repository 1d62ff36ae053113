"""Time limits for work that cannot be interrupted from inside (a query in rdflib's or
pyoxigraph's evaluator).

:func:`call_with_timeout` runs the work in a forked child process (the graph already in
memory is shared copy-on-write, so nothing is loaded twice) and kills the child when the
limit passes: the caller gets :class:`kg.errors.QueryTimeout` within the limit plus the
time to kill a process. Where ``fork`` is not available the work runs in a daemon thread
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

import math
import multiprocessing
import pickle
import threading
from collections.abc import Callable
from typing import Any, TypeVar

from .errors import KGError, QueryTimeout

__all__ = ["call_with_timeout"]

T = TypeVar("T")


def _timeout(seconds: float) -> QueryTimeout:
    return QueryTimeout(f"the query did not finish within {seconds:g} s; raise --timeout, "
                        f"or ask for less (LIMIT, a narrower pattern)")


def _child(fn: Callable[[], Any], conn: Any) -> None:
    try:
        payload = pickle.dumps(("ok", fn()))
    except KGError as exc:
        payload = pickle.dumps(("error", exc))
    except BaseException as exc:  # noqa: BLE001 - everything goes back to the parent
        payload = pickle.dumps(("error", KGError(f"the query failed: {exc}")))
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
    proc = ctx.Process(target=_child, args=(fn, sender), daemon=True)
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
