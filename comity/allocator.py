"""Keeping freed memory in the process between parsing batches (glibc only).

Every parsing batch allocates and frees arrays of a few megabytes. With glibc's default, adaptive
thresholds such blocks keep going back to the operating system (mmap/munmap, trimming the heap) and
each new batch faults its pages in again: on `comity bench` actor-dense text that was ~700,000 page
faults and 2 s of system time for 3 × 3,000 sentences, 6-8% of the coder's time. Fixed thresholds
keep up to TRIM_THRESHOLD bytes of freed heap for reuse (benchmarks/RESULTS.md has the figures).
COMITY_KEEP_FREED_MEMORY=0 in the environment leaves glibc's defaults (to measure the difference).
"""
from __future__ import annotations

import ctypes
import os
import platform

M_TRIM_THRESHOLD = -1  # mallopt parameters, from glibc's malloc.h
M_MMAP_THRESHOLD = -3
MMAP_THRESHOLD = 32 * 2**20  # blocks below this come from the heap (glibc's own adaptive ceiling)
TRIM_THRESHOLD = 128 * 2**20  # free heap kept before any is given back
USER_SETTINGS = ("MALLOC_TRIM_THRESHOLD_", "MALLOC_MMAP_THRESHOLD_", "MALLOC_TOP_PAD_", "MALLOC_MMAP_MAX_")


def keep_freed_memory() -> dict[str, int] | None:
    """Set the thresholds; the values set, or None where this is not glibc, the user has set
    glibc's MALLOC_* variables (theirs stand) or COMITY_KEEP_FREED_MEMORY is 0."""
    if platform.system() != "Linux" or platform.libc_ver()[0] != "glibc":
        return None
    if os.environ.get("COMITY_KEEP_FREED_MEMORY") == "0" or any(name in os.environ for name in USER_SETTINGS):
        return None
    mallopt = getattr(ctypes.CDLL(None), "mallopt", None)
    if mallopt is None:
        return None
    # Setting either threshold turns off glibc's adaptive adjustment of both, so both are set: the
    # trim threshold alone sends every block over 128 KiB to mmap (measured: 4 times the faults).
    if not (mallopt(M_MMAP_THRESHOLD, MMAP_THRESHOLD) and mallopt(M_TRIM_THRESHOLD, TRIM_THRESHOLD)):
        return None
    return {"mmap_threshold": MMAP_THRESHOLD, "trim_threshold": TRIM_THRESHOLD}
