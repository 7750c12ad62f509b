"""Actor dictionary: text spans naming political actors -> Actor(code, country, sector, name).

    from comity.actors import default_dictionary
    d = default_dictionary()
    d.find("Russian Foreign Ministry spokesperson Maria Zakharova urged restraint", date="2025-05-08")

The tables live in comity/data/actors/ (see the header of each file); this package only reads and
applies them.
"""
from __future__ import annotations

from functools import lru_cache

from .dictionary import ActorDictionary
from .tables import DATA_DIR, TableError

__all__ = ["ActorDictionary", "TableError", "DATA_DIR", "default_dictionary"]


@lru_cache(maxsize=1)
def default_dictionary() -> ActorDictionary:
    """The dictionary built from the packaged tables, loaded once per process."""
    return ActorDictionary.load(DATA_DIR)
