"""Alignment analytics: imports of UN votes, ATOP alliances, GDELT and ICEWS into the store's DuckDB
file, UN voting alignment (agreement, S-score, Cohen's kappa), alliance ties, dyad event series, and
support-vs-alignment for a crisis.

    import duckdb
    from comity.align import import_unvotes, dyad_alignment, VoteScope
    con = duckdb.connect("my.duckdb")          # or comity.store.Store("my.duckdb").con
    import_unvotes(con, "unvotes/")
    dyad_alignment(con, "IND", ["USA", "RUS"], VoteScope(sessions=(70, 74)))
"""
from comity.align.alignment import VoteScope, all_dyads, dyad_alignment, parse_range, ranked_partners
from comity.align.atop import import_atop
from comity.align.dyads import dyad_series
from comity.align.gdelt import import_gdelt
from comity.align.icews import import_icews
from comity.align.imports import ImportResult
from comity.align.measures import Alignment, alignment_matrix, pair_alignment
from comity.align.schema import ensure_schema
from comity.align.support import SupportAnalysis, support_vs_alignment
from comity.align.ties import alliance_ties, is_major_power
from comity.align.unvotes import import_unvotes

__all__ = [
    "Alignment", "ImportResult", "SupportAnalysis", "VoteScope", "alignment_matrix", "all_dyads",
    "alliance_ties", "dyad_alignment", "dyad_series", "ensure_schema", "import_atop", "import_gdelt",
    "import_icews", "import_unvotes", "is_major_power", "pair_alignment", "parse_range", "ranked_partners",
    "support_vs_alignment",
]
