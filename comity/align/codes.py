"""Country-code tables for the alignment imports: loaders for comity/data/align/*.tsv and resolvers.

Every table is a TSV with a header line; lines starting with "#" are comments. Each loader is cached,
so a table is read once per process.
"""
from __future__ import annotations

import csv
from functools import lru_cache
from importlib import resources
from pathlib import Path

import pycountry

def data_path(name: str) -> Path:
    return Path(str(resources.files("comity") / "data" / "align" / name))


def read_table(name: str) -> list[dict[str, str]]:
    """Rows of one TSV data table, comments skipped, values stripped."""
    with data_path(name).open(encoding="utf-8", newline="") as handle:
        lines = [line for line in handle if line.strip() and not line.startswith("#")]
    return [{k: (v or "").strip() for k, v in row.items()} for row in csv.DictReader(lines, delimiter="\t")]


@lru_cache(maxsize=1)
def cow_table() -> tuple[dict[str, str], ...]:
    return tuple(read_table("cow_iso3.tsv"))


@lru_cache(maxsize=1)
def unvotes_overrides() -> dict[tuple[str, str], str]:
    """(ISO2-ish code as written in the unvotes data, country name) -> ISO3."""
    return {(row["country_code"], row["country"]): row["iso3"] for row in read_table("unvotes_codes.tsv")}


@lru_cache(maxsize=1)
def cameo_country_exceptions() -> dict[str, tuple[str | None, str]]:
    """CAMEO country code -> (ISO3 or None for a region, kind)."""
    return {row["code"]: (row["iso3"] or None, row["kind"]) for row in read_table("cameo_countries.tsv")}


@lru_cache(maxsize=1)
def country_aliases() -> dict[str, str]:
    return {row["name"].lower(): row["iso3"] for row in read_table("country_aliases.tsv")}


@lru_cache(maxsize=1)
def cameo_root_quad() -> dict[str, int]:
    return {row["root"]: int(row["quad_class"]) for row in read_table("cameo_quad.tsv")}


@lru_cache(maxsize=1)
def gdelt_layout() -> dict[str, dict[str, int]]:
    """Layout name ('gdelt1', 'gdelt2') -> field -> 1-based column position."""
    rows = read_table("gdelt_columns.tsv")
    return {layout: {row["field"]: int(row[layout]) for row in rows} for layout in ("gdelt1", "gdelt2")}


@lru_cache(maxsize=1)
def _non_iso_codes() -> frozenset[str]:
    """Codes this package uses for states without an ISO 3166-1 code (former states, COW stand-ins)."""
    codes = {row["iso3"] for row in cow_table()}
    codes.update(unvotes_overrides().values())
    codes.update(iso for iso, _ in cameo_country_exceptions().values() if iso)
    return frozenset(codes)


def iso2_to_iso3(code: str) -> str | None:
    country = pycountry.countries.get(alpha_2=code.upper()) if code and len(code) == 2 else None
    return country.alpha_3 if country else None


def is_iso3(code: str) -> bool:
    return bool(code) and len(code) == 3 and pycountry.countries.get(alpha_3=code.upper()) is not None


@lru_cache(maxsize=4096)
def name_to_iso3(name: str) -> str | None:
    """A country name (ICEWS style, or a user's) -> ISO3; None when unknown."""
    text = (name or "").strip()
    if not text or text.upper() == "NA":
        return None
    alias = country_aliases().get(text.lower())
    if alias:
        return alias
    try:
        return pycountry.countries.lookup(text).alpha_3
    except LookupError:
        return None


def cameo_country_to_iso3(code: str) -> tuple[str | None, str]:
    """A CAMEO country code -> (ISO3 or None, kind): kind is 'country', 'region' or 'unknown'."""
    code = (code or "").strip().upper()
    if code in cameo_country_exceptions():
        return cameo_country_exceptions()[code]
    if is_iso3(code):
        return code, "country"
    return None, "unknown"


def resolve_country(text: str) -> str:
    """A user's country argument (ISO3, ISO2 or a name) -> ISO3. Raises ValueError when unknown."""
    value = (text or "").strip()
    upper = value.upper()
    if len(value) == 3 and (is_iso3(upper) or upper in _non_iso_codes()):
        return upper
    if len(value) == 2:
        iso3 = iso2_to_iso3(upper)
        if iso3:
            return iso3
    iso3 = name_to_iso3(value)
    if iso3:
        return iso3
    raise ValueError(f"unknown country {text!r}: give an ISO3 code (IND), an ISO2 code (IN) or a name (India)")


def resolve_countries(text: str) -> list[str]:
    """Comma-separated country arguments -> ISO3 codes, in order, without repeats."""
    codes: list[str] = []
    for part in (text or "").split(","):
        if part.strip():
            code = resolve_country(part)
            if code not in codes:
                codes.append(code)
    return codes

