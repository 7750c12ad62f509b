"""The fixed DEV/TEST split of comity's evaluation sets: a text (a gold sentence, or a whole story)
is TEST when int(sha1(text.strip()), 16) % 5 == 0, else DEV. It depends only on the text, so it is
the same on every machine and for every run (scripts/split_gold.py, `comity eval stories --split`)."""
from __future__ import annotations

import hashlib

SPLITS = ("dev", "test")


def split_of(text: str) -> str:
    return "test" if int(hashlib.sha1(text.strip().encode()).hexdigest(), 16) % 5 == 0 else "dev"
