"""Reading input files safely: regular files only, and never more bytes than a limit.

A FIFO would block a reader forever and a device (``/dev/zero``, or a symlink to it named
``article.txt``) never ends, and both report a size of 0, so a size check on ``stat`` does
not bound them. :func:`open_regular` opens a path without blocking (``O_NONBLOCK``) and
refuses anything but a regular file, on the descriptor it will read from (no race between
the check and the read). :func:`read_limited` then counts the bytes it actually reads.

>>> import tempfile, os
>>> with tempfile.TemporaryDirectory() as d:
...     p = os.path.join(d, "a.txt")
...     _ = open(p, "w").write("hello")
...     read_limited(p, max_bytes=10)
b'hello'
>>> read_limited("/dev/zero", max_bytes=10)
Traceback (most recent call last):
...
kg.errors.InputError: /dev/zero is a character device, not a regular file; kg reads only regular files
"""  # noqa: E501

from __future__ import annotations

import errno
import os
import stat
from pathlib import Path
from typing import BinaryIO

from .errors import InputError

__all__ = ["open_regular", "read_limited", "file_kind"]

_KINDS = ((stat.S_ISFIFO, "a FIFO (named pipe)"), (stat.S_ISCHR, "a character device"),
          (stat.S_ISBLK, "a block device"), (stat.S_ISSOCK, "a socket"),
          (stat.S_ISDIR, "a directory"))


def file_kind(mode: int) -> str:
    """What a file of ``mode`` (``st_mode``) is, in words.

    >>> file_kind(stat.S_IFIFO)
    'a FIFO (named pipe)'
    """
    for test, kind in _KINDS:
        if test(mode):
            return kind
    return "a regular file" if stat.S_ISREG(mode) else "not a regular file"


def open_regular(path: str | Path, *, what: str = "a file") -> BinaryIO:
    """Open ``path`` for reading if it is a regular file (symlinks followed), else
    :class:`~kg.errors.InputError` with a one-line message. ``what`` completes "give the
    path of ...". Opening never blocks, even on a FIFO."""
    p = Path(path)
    flags = os.O_RDONLY | os.O_NONBLOCK | getattr(os, "O_NOCTTY", 0) | getattr(os, "O_CLOEXEC", 0)
    try:
        fd = os.open(p, flags)
    except OSError as exc:
        if exc.errno == errno.ENOENT:
            raise InputError(f"{p}: no such file; give the path of {what}") from None
        if exc.errno == errno.EISDIR:
            raise InputError(f"{p} is a directory; give the path of {what}") from None
        if exc.errno == errno.ENXIO:  # a socket, or a FIFO opened for writing
            raise InputError(f"{p} is not a regular file; kg reads only regular files"
                             ) from None
        raise InputError(f"{p}: cannot read ({exc.strerror or exc})") from None
    try:
        mode = os.fstat(fd).st_mode
        if stat.S_ISDIR(mode):
            raise InputError(f"{p} is a directory; give the path of {what}")
        if not stat.S_ISREG(mode):
            raise InputError(f"{p} is {file_kind(mode)}, not a regular file; kg reads only "
                             f"regular files")
        os.set_blocking(fd, True)
        return os.fdopen(fd, "rb")
    except BaseException:
        os.close(fd)
        raise


def read_limited(path: str | Path, *, max_bytes: int | None = None, what: str = "a file",
                 hint: str = "") -> bytes:
    """The bytes of the regular file ``path``; over ``max_bytes`` is an
    :class:`~kg.errors.InputError` (``hint`` says what to do), counted as the bytes are
    read, so a file that grows while it is read is refused too."""
    p = Path(path)
    over = (f"; {hint}" if hint else "")
    with open_regular(p, what=what) as fh:
        try:
            size = os.fstat(fh.fileno()).st_size
            if max_bytes is not None and size > max_bytes:
                raise InputError(f"{p} is {size} bytes, over the limit of {max_bytes}{over}")
            data = fh.read() if max_bytes is None else fh.read(max_bytes + 1)
        except OSError as exc:
            raise InputError(f"{p}: cannot read ({exc.strerror or exc})") from None
    if max_bytes is not None and len(data) > max_bytes:
        raise InputError(f"{p} is over the limit of {max_bytes} bytes (more was read than "
                         f"its size said){over}")
    return data
