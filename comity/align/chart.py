"""Self-contained SVG and HTML for the support-vs-alignment result (no plotting library needed).

The chart is a strip plot: one row per stance (pro-A at the top, neutral, pro-B at the bottom), each
actor placed by its alignment with A minus its alignment with B; major powers are squares, actors
allied with either party (any ATOP tie) have a dark outline.
"""
from __future__ import annotations

from html import escape

from comity.align.support import SupportAnalysis

WIDTH, HEIGHT = 760, 340
LEFT, RIGHT, TOP, BOTTOM = 110, 30, 50, 60


def _x(value: float, low: float, high: float) -> float:
    return LEFT + (value - low) / (high - low) * (WIDTH - LEFT - RIGHT)


def support_svg(analysis: SupportAnalysis) -> str:
    a, b = analysis.parties
    points = [r for r in analysis.rows if r["align_diff"] is not None]
    spread = max([abs(r["align_diff"]) for r in points] + [0.1])
    low, high = -spread * 1.1, spread * 1.1
    lanes = {1.0: (f"pro-{a}", TOP + 30), 0.0: ("neutral", TOP + 120), -1.0: (f"pro-{b}", TOP + 210)}
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{WIDTH}" height="{HEIGHT}" viewBox="0 0 {WIDTH} {HEIGHT}" '
        'font-family="sans-serif" font-size="12" role="img">',
        f"<title>Stance in the crisis against UN voting alignment ({escape(analysis.measure)}) with {escape(a)} minus with {escape(b)}</title>",
        f'<text x="{WIDTH / 2}" y="20" text-anchor="middle" font-size="14">Stance vs alignment with {escape(a)} minus alignment with {escape(b)}</text>',
    ]
    for label, y in lanes.values():
        parts.append(f'<line x1="{LEFT}" y1="{y}" x2="{WIDTH - RIGHT}" y2="{y}" stroke="#ddd"/>')
        parts.append(f'<text x="{LEFT - 8}" y="{y + 4}" text-anchor="end">{escape(label)}</text>')
    zero = _x(0.0, low, high)
    axis_y = HEIGHT - BOTTOM + 10
    parts.append(f'<line x1="{zero:.1f}" y1="{TOP}" x2="{zero:.1f}" y2="{axis_y}" stroke="#999" stroke-dasharray="4 3"/>')
    parts.append(f'<line x1="{LEFT}" y1="{axis_y}" x2="{WIDTH - RIGHT}" y2="{axis_y}" stroke="#333"/>')
    for tick in (low, low / 2, 0.0, high / 2, high):
        x = _x(tick, low, high)
        parts.append(f'<line x1="{x:.1f}" y1="{axis_y}" x2="{x:.1f}" y2="{axis_y + 5}" stroke="#333"/>')
        parts.append(f'<text x="{x:.1f}" y="{axis_y + 18}" text-anchor="middle">{tick:+.2f}</text>')
    parts.append(
        f'<text x="{(LEFT + WIDTH - RIGHT) / 2}" y="{HEIGHT - 12}" text-anchor="middle">'
        f"more aligned with {escape(b)}  ←  {escape(analysis.measure)} difference  →  more aligned with {escape(a)}</text>"
    )
    used: dict[tuple[float, int], int] = {}
    for row in points:
        _, y = lanes[row["stance_score"]]
        x = _x(row["align_diff"], low, high)
        slot = used.get((row["stance_score"], round(x / 12)), 0)
        used[(row["stance_score"], round(x / 12))] = slot + 1
        y_label = y - 10 - 12 * slot
        allied = any(row.get(k) not in ("", "none", None) for k in row if k.startswith("ally_"))
        stroke = ' stroke="#111" stroke-width="2"' if allied else ' stroke="#fff"'
        colour = {1.0: "#1f77b4", 0.0: "#7f7f7f", -1.0: "#d62728"}[row["stance_score"]]
        tip = escape(f"{row['actor']}: {row['stance']}, difference {row['align_diff']:+.3f}")
        if row.get("major_power"):
            parts.append(f'<rect x="{x - 6:.1f}" y="{y - 6}" width="12" height="12" fill="{colour}"{stroke}><title>{tip}</title></rect>')
        else:
            parts.append(f'<circle cx="{x:.1f}" cy="{y}" r="6" fill="{colour}"{stroke}><title>{tip}</title></circle>')
        parts.append(f'<text x="{x:.1f}" y="{y_label}" text-anchor="middle" font-size="10">{escape(row["actor"])}</text>')
    result = (f"Spearman rho = {analysis.rho:+.3f}, permutation p = {analysis.p_value:.4f}" if analysis.rho is not None
              else "no rank correlation (too few actors or no variation)")
    parts.append(f'<text x="{WIDTH - RIGHT}" y="{TOP - 12}" text-anchor="end" font-size="11">{escape(result)}, n = {analysis.n}</text>')
    parts.append("</svg>")
    return "\n".join(parts)


def support_html(analysis: SupportAnalysis) -> str:
    """A self-contained HTML page: the chart, the test, the notes and the per-actor table."""
    a, b = analysis.parties
    title = f"Support vs alignment: {analysis.crisis or a + '–' + b}"
    columns = list(analysis.rows[0].keys()) if analysis.rows else []
    table = "".join(
        "<tr>" + "".join(f"<td>{escape('' if row[c] is None else str(row[c]))}</td>" for c in columns) + "</tr>"
        for row in analysis.rows
    )
    test = (f"Spearman rank correlation between (alignment with {a} − alignment with {b}) and stance score "
            f"(pro-{a} = 1, neutral = 0, pro-{b} = −1): rho = {analysis.rho}, two-sided permutation p = {analysis.p_value} "
            f"({analysis.permutations:,} permutations, seed {analysis.seed}), n = {analysis.n}.")
    notes = "".join(f"<li>{escape(note)}</li>" for note in analysis.notes)
    years = analysis.vote_years and f"{analysis.vote_years[0]}–{analysis.vote_years[1]}"
    return f"""<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>{escape(title)}</title>
<style>body{{font-family:sans-serif;max-width:60em;margin:2em auto;padding:0 1em}}table{{border-collapse:collapse;font-size:90%}}
td,th{{border:1px solid #ccc;padding:2px 6px;text-align:left}}th{{background:#f4f4f4}}</style></head>
<body><h1>{escape(title)}</h1>
<p>UN voting alignment ({escape(analysis.measure)}) over {escape(str(years))}; crisis year {analysis.crisis_year}.</p>
{support_svg(analysis)}
<p>{escape(test)}</p>
<h2>Notes</h2><ul>{notes or '<li>none</li>'}</ul>
<h2>Actors</h2><table><tr>{''.join(f'<th>{escape(c)}</th>' for c in columns)}</tr>{table}</table>
</body></html>
"""
