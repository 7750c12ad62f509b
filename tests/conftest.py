from __future__ import annotations

from pathlib import Path

import pytest

SHARED = Path(__file__).resolve().parents[1].parent / "shared"


@pytest.fixture(scope="session")
def shared_dir() -> Path:
    """../shared beside the project; tests that need it skip cleanly when it is absent."""
    if not SHARED.is_dir():
        pytest.skip("../shared is not present")
    return SHARED


@pytest.fixture(scope="session")
def nlp():
    from comity import nlp as nlp_module

    return nlp_module.load()


@pytest.fixture(scope="session")
def coder(nlp):
    """The rules-only event coder with the real actor tables (modules with stand-in actors define their own)."""
    from comity.coder import EventCoder

    return EventCoder(nlp=nlp, classifier=None)


@pytest.fixture(scope="session")
def d():
    """The real actor dictionary."""
    from comity.actors import default_dictionary

    return default_dictionary()
