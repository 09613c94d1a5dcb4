"""HTML views: the text with its structure highlighted, an outline, the themes.

* enumeration markers — amber background (class ``pt-marker``);
* parallel members — blue background and underline (``pt-member``);
* slogans — green outline (``pt-slogan``);
* an outline of the enumeration tree and the top themes as bars.

Colours are translucent and text keeps the surrounding colour, so the view
reads on light and dark notebook themes; a standalone page (:func:`page`)
follows the reader's ``prefers-color-scheme``. :func:`themes_chart` draws the
themes with Altair (Vega-Lite renders in the browser with its own fonts, so
Chinese needs no font installed on the machine).
"""

from __future__ import annotations

import itertools
from html import escape
from typing import TYPE_CHECKING

from .enumerations import walk_items

if TYPE_CHECKING:
    from .document import PolicyDoc

STYLE = """
.pt-doc { line-height: 1.9; font-family: FONT_STACK; }
.pt-doc p { margin: 0 0 .6em 0; }
.pt-marker { background: rgba(255, 179, 0, .45); border-radius: 3px; font-weight: 600; }
.pt-member { background: rgba(30, 136, 229, .22); border-bottom: 2px solid rgba(30, 136, 229, .9); }
.pt-slogan { outline: 2px solid rgba(67, 160, 71, .9); outline-offset: 1px; border-radius: 2px; }
.pt-legend span { margin-right: 1.2em; padding: 0 .3em; }
.pt-outline { font-size: .92em; }
.pt-outline ul { margin: .1em 0 .1em 1.2em; padding: 0; list-style: none; }
.pt-path { opacity: .7; margin-right: .4em; font-variant-numeric: tabular-nums; }
.pt-themes { font-size: .92em; }
.pt-theme { display: flex; align-items: center; gap: .5em; margin: .15em 0; }
.pt-theme .pt-term { width: 7em; text-align: right; }
.pt-theme .pt-bar { height: .8em; background: rgba(30, 136, 229, .7); border-radius: 2px; }
.pt-theme .pt-score { opacity: .7; font-variant-numeric: tabular-nums; }
"""

#: CJK fonts of the common systems (Linux, macOS, Windows), Simplified and Traditional,
#: then the generic family: a browser without any of them still picks a CJK system font
FONT_STACK = (
    '"Noto Sans CJK SC", "Noto Sans SC", "Source Han Sans SC", "Noto Sans CJK TC", '
    '"Source Han Sans TC", "PingFang SC", "PingFang TC", "Hiragino Sans GB", '
    '"Microsoft YaHei", "Microsoft JhengHei", "WenQuanYi Micro Hei", sans-serif'
)
STYLE = STYLE.replace("FONT_STACK", FONT_STACK)

PAGE_STYLE = """
body { max-width: 60em; margin: 2em auto; padding: 0 1em; background: #fff; color: #1b1b1b;
  font-family: FONT_STACK; }
@media (prefers-color-scheme: dark) { body { background: #161616; color: #e8e8e8; } }
h2 { font-size: 1.05em; margin-top: 1.6em; }
""".replace("FONT_STACK", FONT_STACK)


def _events(doc: PolicyDoc) -> list[tuple[int, int, str, str]]:
    events = []
    for path, enumeration, item in walk_items(doc.enumerations):
        heading = item.heading.text if item.heading else ""
        events.append(
            (
                item.marker.start,
                item.marker.end,
                "pt-marker",
                f"{path} {enumeration.style}: {heading}",
            )
        )
    for number, group in enumerate(doc.parallels, 1):
        title = f"{group.kind} {number}: {'/'.join(group.shared) or '—'} (score {group.score:.2f})"
        events += [(m.start, m.end, "pt-member", title) for m in group.members]
    for slogan in doc.slogans:
        count = f", {slogan.count}" if slogan.count else ""
        events.append((slogan.span.start, slogan.span.end, "pt-slogan", f"{slogan.kind}{count}"))
    return events


def _highlight(text: str, start: int, end: int, events: list[tuple[int, int, str, str]]) -> str:
    """``text[start:end]`` as HTML, each run of characters wrapped in the classes covering it.

    ``events`` are those overlapping ``start..end``; a sweep over their ends keeps the
    ones covering each run, so many events cost a few steps each.
    """
    opening: dict[int, list[int]] = {}
    closing: dict[int, list[int]] = {}
    for number, event in enumerate(events):
        opening.setdefault(max(start, event[0]), []).append(number)
        closing.setdefault(min(end, event[1]), []).append(number)
    cuts = sorted({start, end, *opening, *closing})
    active: set[int] = set()
    out = []
    for a, b in itertools.pairwise(cuts):
        active.update(opening.get(a, ()))
        active.difference_update(closing.get(a, ()))
        piece = escape(text[a:b])
        if active:
            covering = [events[number] for number in sorted(active)]
            classes = " ".join(sorted({e[2] for e in covering}))
            title = escape(" · ".join(e[3] for e in covering), quote=True)
            piece = f'<span class="{classes}" title="{title}">{piece}</span>'
        out.append(piece)
    return "".join(out)


def _paragraphs(doc: PolicyDoc, events: list[tuple[int, int, str, str]]) -> str:
    """Every paragraph highlighted; events are handed to the paragraphs they overlap."""
    order = sorted(range(len(events)), key=lambda number: events[number][0])
    following = 0  # the next event (by start) not yet handed out
    open_events: list[int] = []  # events begun before the paragraph's end, by original order
    out = []
    for paragraph in doc.paragraphs:
        while following < len(order) and events[order[following]][0] < paragraph.end:
            open_events.append(order[following])
            following += 1
        open_events = sorted(n for n in open_events if events[n][1] > paragraph.start)
        covering = [events[n] for n in open_events]
        out.append(f"<p>{_highlight(doc.text, paragraph.start, paragraph.end, covering)}</p>")
    return "".join(out)


def _outline(doc: PolicyDoc) -> str:
    def tree(enumerations, prefix: str = "") -> str:
        parts = []
        several = len(enumerations) > 1 and prefix
        for number, enumeration in enumerate(enumerations):
            letter = chr(ord("a") + number) if several and number < 26 else ""
            entries = []
            for item in enumeration.items:
                path = f"{prefix}{letter}{item.index}"
                heading = escape(item.heading.text) if item.heading else ""
                children = tree(item.children, path + ".") if item.children else ""
                entries.append(
                    f'<li><span class="pt-path">{path}</span><span class="pt-marker">'
                    f"{escape(item.marker.text)}</span> {heading}{children}</li>"
                )
            parts.append("<ul>" + "".join(entries) + "</ul>")
        return "".join(parts)

    if not doc.enumerations:
        return "<p>(no enumerations)</p>"
    return tree(doc.enumerations)


def _themes(doc: PolicyDoc, top_k: int) -> str:
    from .model_store import is_installed

    if not is_installed():
        return "<p>Themes need the model: run <code>python -m policytext download</code>.</p>"
    terms = doc.themes(top_k)
    if not terms:
        return "<p>(no themes)</p>"
    best = terms[0][1] or 1.0
    rows = [
        f'<div class="pt-theme"><span class="pt-term">{escape(term)}</span>'
        f'<span class="pt-bar" style="width:{max(2.0, 18 * score / best):.1f}em"></span>'
        f'<span class="pt-score">{score:.3f}</span></div>'
        for term, score in terms
    ]
    return "".join(rows)


def render(doc: PolicyDoc, themes: bool = True, top_k: int = 10) -> str:
    """An HTML fragment: legend, highlighted text, outline, themes (for ``_repr_html_``)."""
    events = _events(doc)
    paragraphs = _paragraphs(doc, events)
    legend = (
        '<div class="pt-legend"><span class="pt-marker">enumeration marker</span>'
        '<span class="pt-member">parallel member</span><span class="pt-slogan">slogan</span></div>'
    )
    counts = (
        f"{len(doc.paragraphs)} paragraphs · {len(doc.sentences)} sentences · "
        f"{len(list(walk_items(doc.enumerations)))} enumeration items · "
        f"{len(doc.parallels)} parallel groups · {len(doc.slogans)} slogans"
    )
    sections = [
        f"<style>{STYLE}</style>",
        f'<div class="pt-doc">{legend}<p class="pt-counts">{counts}</p>{paragraphs}',
        f'<h4>Outline</h4><div class="pt-outline">{_outline(doc)}</div>',
    ]
    if themes:
        sections.append(f'<h4>Themes</h4><div class="pt-themes">{_themes(doc, top_k)}</div>')
    sections.append("</div>")
    return "".join(sections)


def page(doc: PolicyDoc, title: str = "policytext", themes: bool = True) -> str:
    """A standalone HTML page of :func:`render`."""
    return (
        '<!DOCTYPE html><html lang="zh"><head><meta charset="utf-8">'
        f"<title>{escape(title)}</title><style>{PAGE_STYLE}</style></head>"
        f"<body><h1>{escape(title)}</h1>{render(doc, themes=themes)}</body></html>"
    )


def themes_chart(doc: PolicyDoc, top_k: int = 15):
    """An Altair bar chart of the document themes (``pip install policytext[notebook]``)."""
    import altair as alt
    import pandas as pd

    frame = pd.DataFrame(doc.themes(top_k), columns=["term", "score"])
    return (
        alt.Chart(frame, title="Themes (keyness)")
        .mark_bar()
        .encode(
            x=alt.X("score:Q", title="G²"),
            y=alt.Y("term:N", sort="-x", title=None),
            tooltip=["term", "score"],
        )
        .properties(width=420, height=max(120, 22 * len(frame)))
    )
