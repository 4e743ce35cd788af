"""Stop signals (SIGTERM, SIGHUP, and Ctrl-C's SIGINT) as an exception that is not lost.

A signal handler raises its exception wherever the main thread happens to be. Where that is a
finaliser (a generator or object closed by the garbage collector), Python prints the exception
as unraisable and goes on, and a stopped run would end as if never stopped, its output replacing
the old one. So the handler also keeps the signal, and `check` raises it again where a stop must
not be missed: before a file is moved into place (`output.atomic`) and between the papers of a
run (`pipeline`).
"""
from __future__ import annotations

import signal
import sys
from contextlib import contextmanager
from typing import Iterator


class Stopped(BaseException):
    """SIGTERM or SIGHUP arrived: raised in the main thread, so that every ``with`` block on
    the way out runs (a table being written removes its temporary file) before the exit."""

    def __init__(self, signum: int) -> None:
        super().__init__(signum)
        self.signum = signum


#: The stop signals that arrived while a `stoppable` block ran (its handler's list).
_arrived: list[int] = []


def stop(signum: int, _frame=None) -> None:
    """The signal handler: keep the signal, then raise its exception (`_raise`)."""
    _arrived.append(signum)
    _raise(signum)


def check() -> None:
    """Raise a stop signal's exception again if one arrived, even where its first raise was lost."""
    if _arrived:
        _raise(_arrived[0])


def _raise(signum: int) -> None:
    """Ctrl-C is a KeyboardInterrupt, as Python's own handler makes it; SIGTERM and SIGHUP
    are `Stopped`."""
    if signum == signal.SIGINT:
        raise KeyboardInterrupt
    raise Stopped(signum)


@contextmanager
def stoppable() -> Iterator[None]:
    """SIGTERM and SIGHUP raise `Stopped` while the block runs, and Ctrl-C a KeyboardInterrupt
    where Python's own handler would (not where SIGINT is ignored); only the main thread can set
    signal handlers: elsewhere they stay as they are. A stop lost in a finaliser is not printed
    (a traceback on a stopped run would read as a crash): `check` raises it again. A stop is
    forgotten when the block ends."""
    previous = {}
    try:
        if signal.getsignal(signal.SIGINT) is signal.default_int_handler:
            previous[signal.SIGINT] = signal.signal(signal.SIGINT, stop)
        for signum in (signal.SIGTERM, signal.SIGHUP):
            previous[signum] = signal.signal(signum, stop)
    except (ValueError, AttributeError):  # not the main thread, or no SIGHUP (Windows)
        pass
    unraisable_hook = sys.unraisablehook

    def quiet_about_stops(unraisable) -> None:
        if not (_arrived and isinstance(unraisable.exc_value, (Stopped, KeyboardInterrupt))):
            unraisable_hook(unraisable)

    sys.unraisablehook = quiet_about_stops
    try:
        yield
    finally:
        sys.unraisablehook = unraisable_hook
        for signum, handler in previous.items():
            signal.signal(signum, handler)
        _arrived.clear()
