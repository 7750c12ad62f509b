"""A self-contained HTML report of a ReactionReport: summary table, an inline SVG chart of actors x
actions coloured by stance, the timeline and the evidence table. No scripts, fonts or links to load:
it opens offline. The page layout is comity/data/reactions/report.html."""
from __future__ import annotations

from html import escape
from importlib import resources
from string import Template

from comity.reactions.model import ACTIONS_FIXED, ReactionReport

PARTY_COLOURS = ["#1f5fa8", "#d0641a", "#7a3fa0", "#2a8a4a", "#a82a5a"]
NEUTRAL_COLOUR = "#5f8f7a"
NONE_COLOUR = "#9a9a9a"


def stance_colours(parties: list[str]) -> dict[str | None, str]:
    colours: dict[str | None, str] = {f"pro-{p}": PARTY_COLOURS[i % len(PARTY_COLOURS)] for i, p in enumerate(parties)}
    colours["neutral"] = NEUTRAL_COLOUR
    colours[None] = NONE_COLOUR
    return colours


def _template() -> Template:
    ref = resources.files("comity") / "data" / "reactions" / "report.html"
    return Template(ref.read_text(encoding="utf-8"))


def _badge(stance: str | None, colours) -> str:
    return f'<span class="stance" style="background:{colours.get(stance, NONE_COLOUR)}">{escape(stance or "no side")}</span>'


def action_columns(report: ReactionReport) -> list[str]:
    used = {a for r in report.actors for a in r.actions}
    order = [f"backs-{p}" for p in report.parties] + [f"criticises-{p}" for p in report.parties] + list(ACTIONS_FIXED)
    return [a for a in order if a in used]


def chart_svg(report: ReactionReport) -> str:
    """Actors (rows) x actions (columns); dot area ~ evidence count; colour = stance."""
    colours = stance_colours(report.parties)
    columns = action_columns(report)
    actors = report.actors
    left, top, cell, row_h = 190, 120, 92, 26
    width = max(left + cell * max(len(columns), 1) + 110, left + 120 * len(colours) + 20)
    height = top + row_h * max(len(actors), 1) + 50
    parts = [f'<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="{height}" '
             f'viewBox="0 0 {width} {height}" role="img" aria-label="actors by actions">']
    for j, action in enumerate(columns):
        x = left + cell * j + cell / 2
        parts.append(f'<text x="{x:.0f}" y="{top - 12}" font-size="12" transform="rotate(-35 {x:.0f} {top - 12})">'
                     f'{escape(action)}</text>')
    for i, actor in enumerate(actors):
        y = top + row_h * i + row_h / 2
        label = f"{actor.name} ({actor.actor})" + (" party" if actor.party else "")
        parts.append(f'<text x="{left - 10}" y="{y + 4:.0f}" font-size="12" text-anchor="end">{escape(label)}</text>')
        parts.append(f'<line x1="{left}" y1="{y:.0f}" x2="{left + cell * max(len(columns), 1):.0f}" y2="{y:.0f}" stroke="#eee"/>')
        counts: dict[str, int] = {}
        for e in actor.evidence:
            counts[e.action] = counts.get(e.action, 0) + 1
        for j, action in enumerate(columns):
            n = counts.get(action, 0)
            if not n:
                continue
            x = left + cell * j + cell / 2
            r = min(4 + 3 * n, row_h / 2 - 1)
            parts.append(f'<circle cx="{x:.0f}" cy="{y:.0f}" r="{r:.1f}" fill="{colours.get(actor.stance, NONE_COLOUR)}">'
                         f'<title>{escape(actor.actor)} {escape(action)}: {n} sentence(s)</title></circle>')
    legend_y = height - 20
    for k, (stance, colour) in enumerate(colours.items()):
        x = left + 120 * k
        parts.append(f'<circle cx="{x}" cy="{legend_y}" r="6" fill="{colour}"/>'
                     f'<text x="{x + 10}" y="{legend_y + 4}" font-size="12">{escape(stance or "no side")}</text>')
    parts.append("</svg>")
    return "\n".join(parts)


def _summary(report: ReactionReport, colours) -> str:
    rows = ["<table><tr><th>actor</th><th>stance</th><th>score</th><th>actions</th><th>evidence</th><th>why</th></tr>"]
    for a in report.actors:
        why = "<br>".join(escape(r) for r in a.reasons[:3])
        rows.append(
            f"<tr><td>{escape(a.name)} ({escape(a.actor)}){' &middot; party' if a.party else ''}</td>"
            f"<td>{_badge(a.stance, colours)}</td><td>{a.stance_score:+.2f}</td>"
            f"<td>{escape(', '.join(a.actions)) or '&mdash;'}</td><td>{len(a.evidence)}</td><td>{why}</td></tr>"
        )
    rows.append("</table>")
    return "\n".join(rows)


def _timeline(report: ReactionReport) -> str:
    items = []
    for a in report.actors:
        if not a.timeline:
            continue
        steps = " &rarr; ".join(f"{escape(t['action'])} {escape(t['date'] or 'undated')}" for t in a.timeline)
        items.append(f"<li><strong>{escape(a.actor)}</strong>: {steps}</li>")
    return "\n".join(items) or "<li>no dated actions</li>"


def _source(e) -> str:
    label = escape(e.title or e.doc_id)
    if e.url and e.url.startswith(("http://", "https://")):
        return f'<a href="{escape(e.url, quote=True)}">{label}</a>'
    return label


def _evidence_rows(evidence) -> str:
    rows = ["<table><tr><th>actor</th><th>action</th><th>date</th><th>source</th><th>sentence</th><th>speaker</th><th>conf.</th></tr>"]
    for e in evidence:
        flags = [f for f, on in (("hedged", e.hedged), ("one party's readout", e.via_party_readout)) if on]
        flag_html = f' <span class="flag">{escape(", ".join(flags))}</span>' if flags else ""
        rows.append(
            f"<tr><td>{escape(e.actor)}</td><td>{escape(e.action)}{flag_html}</td><td>{escape(e.date or '')}</td>"
            f"<td>{_source(e)}</td><td class=\"sentence\">{escape(e.sentence)}</td>"
            f"<td>{escape(e.speaker)}</td><td>{e.confidence:.2f}</td></tr>"
        )
    rows.append("</table>")
    return "\n".join(rows)


def render_html(report: ReactionReport) -> str:
    """The report as one self-contained HTML page."""
    colours = stance_colours(report.parties)
    crisis = report.crisis
    title = f"Reactions: {crisis.name}" if crisis else "Reactions"
    meta = [f"Parties: {', '.join(report.parties)}"]
    if crisis and crisis.trigger:
        meta.append(f"trigger: {crisis.trigger}")
    if crisis and crisis.start:
        meta.append(f"from {crisis.start}" + (f" to {crisis.end}" if crisis.end else ""))
    if report.as_of:
        meta.append(f"evidence up to {report.as_of}")
    evidence = [e for a in report.actors for e in a.evidence]
    historical = ""
    if report.historical:
        historical = ("<h2>Earlier crises mentioned (not counted)</h2>\n" + _evidence_rows(report.historical))
    return _template().substitute(
        title=escape(title),
        meta=escape("; ".join(meta)),
        summary=_summary(report, colours),
        chart=chart_svg(report),
        timeline=_timeline(report),
        evidence=_evidence_rows(evidence),
        historical=historical,
    )


def write_html(report: ReactionReport, path) -> None:
    from pathlib import Path

    Path(path).write_text(render_html(report), encoding="utf-8")
