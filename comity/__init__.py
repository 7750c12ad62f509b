"""comity: who backed whom in a crisis, from news text to events, reactions and alignment.

    >>> import comity
    >>> comity.code_text("Russia urged India and Pakistan to exercise restraint.", date="2025-05-07")
"""
__version__ = "0.1.0"

_API = ("code_text", "code_files", "ingest", "events", "resolve_actors")
__all__ = ["__version__", *_API]


def __getattr__(name: str):
    # Importing comity stays cheap: spaCy and DuckDB load only when an API function is first used.
    if name in _API:
        from comity import api

        return getattr(api, name)
    raise AttributeError(f"module 'comity' has no attribute {name!r}")
