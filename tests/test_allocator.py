"""Freed memory kept between parsing batches (glibc): fewer page faults, the user's settings stand."""
import platform
import subprocess
import sys

import pytest

from comity.allocator import TRIM_THRESHOLD, keep_freed_memory

glibc_only = pytest.mark.skipif(platform.system() != "Linux" or platform.libc_ver()[0] != "glibc",
                                reason="mallopt is glibc's")

# Allocates 400 blocks of 100 kB (heap blocks, below the mmap threshold), frees them, three times;
# prints the page faults of the second and third rounds.
ROUNDS = """
import resource, sys
import numpy as np
if sys.argv[1] == "keep":
    from comity.allocator import keep_freed_memory
    assert keep_freed_memory() is not None
def faults():
    return resource.getrusage(resource.RUSAGE_SELF).ru_minflt
counts = []
for _ in range(3):
    before = faults()
    blocks = [np.ones(100_000 // 8) for _ in range(400)]
    del blocks
    counts.append(faults() - before)
print(counts[1] + counts[2])
"""


def _later_faults(mode: str) -> int:
    out = subprocess.run([sys.executable, "-c", ROUNDS, mode], capture_output=True, text=True, check=True)
    return int(out.stdout.strip())


@glibc_only
def test_freed_blocks_are_reused_without_faulting_their_pages_in_again(monkeypatch):
    for name in ("MALLOC_TRIM_THRESHOLD_", "MALLOC_MMAP_THRESHOLD_", "MALLOC_TOP_PAD_", "MALLOC_MMAP_MAX_"):
        monkeypatch.delenv(name, raising=False)
    plain, kept = _later_faults("plain"), _later_faults("keep")
    assert plain > 5000  # ~40 MB given back and faulted in again each round
    assert kept < plain / 10


@glibc_only
def test_thresholds_are_set_unless_the_user_set_their_own(monkeypatch):
    for name in ("MALLOC_TRIM_THRESHOLD_", "MALLOC_MMAP_THRESHOLD_", "MALLOC_TOP_PAD_", "MALLOC_MMAP_MAX_"):
        monkeypatch.delenv(name, raising=False)
    assert keep_freed_memory()["trim_threshold"] == TRIM_THRESHOLD
    monkeypatch.setenv("COMITY_KEEP_FREED_MEMORY", "0")
    assert keep_freed_memory() is None
    monkeypatch.delenv("COMITY_KEEP_FREED_MEMORY")
    monkeypatch.setenv("MALLOC_TRIM_THRESHOLD_", "65536")
    assert keep_freed_memory() is None
