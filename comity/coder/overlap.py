"""Running the parse of the next group of sentences while the current one is extracted.

spaCy's parser spends most of its time in code that releases the GIL (its transition loop and the
matrix products under it), so one background thread can parse group k+1 while the calling thread
pre-filters documents and extracts events from group k. On a machine with two or more cores the
Python stages then cost little wall time beyond the parse. Only that one thread ever runs the spaCy
pipeline, and it runs the groups in order, so the events are the same as parsing in line.
"""
from __future__ import annotations

import sys
import threading
from collections import deque
from concurrent.futures import Future, ThreadPoolExecutor
from contextlib import contextmanager
from typing import Callable, Iterable, Iterator, TypeVar

Group = TypeVar("Group")
Parsed = TypeVar("Parsed")

# While a parse runs beside Python work, the parse thread needs the GIL back briefly between its
# GIL-free sections; at Python's default 5 ms switch interval it waits most of that time (measured:
# a parse slowed by a fifth beside a busy Python loop; at 0.2 ms by 2-3%).
PARSE_SWITCH_INTERVAL = 0.0002

_interval_lock = threading.Lock()
_interval_users = 0
_saved_interval = 0.0


@contextmanager
def short_switch_interval(seconds: float | None = None) -> Iterator[None]:
    """Python's thread switch interval set to `seconds` (default PARSE_SWITCH_INTERVAL, read at each
    call) while any overlapped coding runs, restored when the last one ends (the setting is
    process-wide)."""
    global _interval_users, _saved_interval
    seconds = PARSE_SWITCH_INTERVAL if seconds is None else seconds
    with _interval_lock:
        if _interval_users == 0:
            _saved_interval = sys.getswitchinterval()
            sys.setswitchinterval(min(seconds, _saved_interval))
        _interval_users += 1
    try:
        yield
    finally:
        with _interval_lock:
            _interval_users -= 1
            if _interval_users == 0:
                sys.setswitchinterval(_saved_interval)


def overlapped(groups: Iterable[Group], parse: Callable[[Group], Parsed]) -> Iterator[tuple[Group, Parsed]]:
    """(group, parse(group)) for each group in order; parse runs in one background thread, at most
    one group ahead of the caller. An exception raised by parse is raised here, at its group."""
    pool = ThreadPoolExecutor(max_workers=1, thread_name_prefix="comity-parse")
    ahead: deque[tuple[Group, Future]] = deque()
    try:
        with short_switch_interval():
            for group in groups:
                ahead.append((group, pool.submit(parse, group)))
                if len(ahead) > 1:
                    done, future = ahead.popleft()
                    yield done, future.result()
            while ahead:
                done, future = ahead.popleft()
                yield done, future.result()
    finally:
        pool.shutdown(wait=True, cancel_futures=True)
