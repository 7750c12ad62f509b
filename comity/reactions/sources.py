"""Documents for the reaction analysis from a comity store (documents + sentences tables).

The store keeps sentences with their character offsets, not the whole text; the text is rebuilt
from them (a gap of two or more characters between sentences becomes a line break, so headings and
paragraphs survive for the speaker conventions)."""
from __future__ import annotations

from comity.reactions.model import Crisis
from comity.records import Document


def documents_from_store(con, crisis: Crisis | None = None) -> list[Document]:
    """The stored documents inside the crisis window (start..end; undated ones always), in store order."""
    where, params = [], []
    if crisis and crisis.start:
        where.append("(date IS NULL OR date >= CAST(? AS DATE))")
        params.append(crisis.start)
    if crisis and crisis.end:
        where.append("(date IS NULL OR date <= CAST(? AS DATE))")
        params.append(crisis.end)
    sql = "SELECT doc_key, doc_id, title, url, CAST(date AS VARCHAR), origin FROM documents"
    if where:
        sql += " WHERE " + " AND ".join(where)
    docs_rows = con.execute(sql + " ORDER BY doc_key", params).fetchall()
    if not docs_rows:
        return []
    keys = [row[0] for row in docs_rows]
    sentences: dict[int, list[tuple]] = {k: [] for k in keys}
    placeholders = ", ".join("?" for _ in keys)
    for doc_key, start, end, text in con.execute(
        f'SELECT doc_key, start, "end", text FROM sentences WHERE doc_key IN ({placeholders}) '
        "ORDER BY doc_key, sentence_index",
        keys,
    ).fetchall():
        sentences[doc_key].append((start, end, text))
    out = []
    for doc_key, doc_id, title, url, date, origin in docs_rows:
        text = rebuild_text(sentences[doc_key])
        if text.strip():
            out.append(Document(id=doc_id, text=text, date=date, title=title, url=url, origin=origin))
    return out


def rebuild_text(sentences: list[tuple]) -> str:
    """Join (start, end, text) sentences. A gap of 2+ characters (a paragraph break), or a previous
    "sentence" without final punctuation (a heading), becomes a line break; otherwise a space."""
    parts: list[str] = []
    previous_end = None
    previous_text = ""
    for start, end, text in sentences:
        if previous_end is not None:
            gap = (start - previous_end) if (start is not None and previous_end is not None) else 1
            heading = not previous_text.rstrip().endswith((".", "!", "?", '"', "”", "’", "'", ")", "…"))
            parts.append("\n" if gap >= 2 or heading else " ")
        previous_text = text or ""
        parts.append(text or "")
        previous_end = end
    return "".join(parts)
