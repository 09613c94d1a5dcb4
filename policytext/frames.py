"""pandas views: one DataFrame per layer, for one document or a corpus.

``to_frames(doc)`` returns a dict of DataFrames:

* ``sentences`` — paragraph, sentence, start, end, text;
* ``items`` — enumeration items: enumeration, level, path ("2.3"), ordinal
  (the number the marker states), marker, heading, enum_style, issues (of the
  item's enumeration, ``"; "``-joined), start, end, text;
* ``parallels`` — one row per member: group, kind, score, shared, member,
  start, end, text;
* ``slogans`` — slogan, kind, member_count (3 for 三个代表), start, end, text,
  expansion;
* ``themes`` — theme_rank, term, score; only with ``themes=True`` (it needs the
  segmentation model; the structure frames never do).

No column is named like a DataFrame attribute (``frame.count`` is a method, so
the slogans' count is ``member_count``; likewise ``enum_style``, ``ordinal``,
``theme_rank``, ``enum_items``): ``frame.<column>`` always means the column.

``policytext.corpus.corpus_frames(data)`` does the same for many documents, with the document id
in a ``doc_id`` column of every frame, the ``keep`` columns of a DataFrame
carried into every frame, and a ``documents`` frame (one row per document:
counts and rates per 10,000 characters, from :func:`document_row`). These views
receive documents; they never analyse a text themselves.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import pandas as pd

from .enumerations import walk_items

if TYPE_CHECKING:
    from .document import PolicyDoc

COLUMNS = {
    "sentences": ["paragraph", "sentence", "start", "end", "text"],
    "items": [
        "enumeration",
        "level",
        "path",
        "ordinal",
        "marker",
        "heading",
        "enum_style",
        "issues",
        "start",
        "end",
        "text",
    ],
    "parallels": ["group", "kind", "score", "shared", "member", "start", "end", "text"],
    "slogans": ["slogan", "kind", "member_count", "start", "end", "text", "expansion"],
    "themes": ["theme_rank", "term", "score"],
}
#: kinds of parallel group counted in the ``documents`` frame
PARALLEL_KINDS = ("parallelism", "pair", "slogan")
#: counts of the ``documents`` frame that also get a rate per 10,000 characters
COUNTS = (
    "paragraphs",
    "sentences",
    "enumerations",
    "enum_items",
    "parallel_groups",
    *(f"{kind}_groups" for kind in PARALLEL_KINDS),
    "slogans",
)
DOCUMENT_COLUMNS = [
    "characters",
    *COUNTS,
    *(f"{name}_per_10k" for name in COUNTS),
]


def _item_rows(doc: PolicyDoc) -> list[dict[str, Any]]:
    rows = []
    text = doc.text
    for number, top in enumerate(doc.enumerations, 1):
        for path, enumeration, item in walk_items((top,)):
            rows.append(
                {
                    "enumeration": number,
                    "level": enumeration.level,
                    "path": path,
                    "ordinal": item.index,
                    "marker": item.marker.text,
                    "heading": item.heading.text if item.heading else None,
                    "enum_style": enumeration.style,
                    "issues": "; ".join(enumeration.issues) if enumeration.issues else None,
                    "start": item.span.start,
                    "end": item.span.end,
                    "text": text[item.span.start : item.span.end],
                }
            )
    return rows


def to_frames(doc: PolicyDoc, themes: bool = False, top_k: int = 20) -> dict[str, pd.DataFrame]:
    """The layers of ``doc`` as DataFrames (see the module docstring).

    ``themes=True`` adds the ``themes`` frame (needs the segmentation model).
    """
    rows: dict[str, list[dict]] = {name: [] for name in COLUMNS}
    paragraph_ends = [p.end for p in doc.paragraphs]
    paragraph = 0
    for number, sentence in enumerate(doc.sentences, 1):
        while paragraph_ends[paragraph] < sentence.end:
            paragraph += 1
        rows["sentences"].append(
            {
                "paragraph": paragraph + 1,
                "sentence": number,
                "start": sentence.start,
                "end": sentence.end,
                "text": sentence.text,
            }
        )
    rows["items"] = _item_rows(doc)
    for number, group in enumerate(doc.parallels, 1):
        for position, member in enumerate(group.members, 1):
            rows["parallels"].append(
                {
                    "group": number,
                    "kind": group.kind,
                    "score": group.score,
                    "shared": "|".join(group.shared),
                    "member": position,
                    "start": member.start,
                    "end": member.end,
                    "text": member.text,
                }
            )
    for number, slogan in enumerate(doc.slogans, 1):
        rows["slogans"].append(
            {
                "slogan": number,
                "kind": slogan.kind,
                "member_count": slogan.count,
                "start": slogan.span.start,
                "end": slogan.span.end,
                "text": slogan.span.text,
                "expansion": "、".join(s.text for s in slogan.expansion)
                if slogan.expansion
                else None,
            }
        )
    if themes:
        for rank, (term, score) in enumerate(doc.themes(top_k), 1):
            rows["themes"].append({"theme_rank": rank, "term": term, "score": score})
    names = [name for name in COLUMNS if themes or name != "themes"]
    frames = {name: pd.DataFrame(rows[name], columns=COLUMNS[name]) for name in names}
    frames["slogans"]["member_count"] = frames["slogans"]["member_count"].astype("Int64")
    return frames


def document_row(doc: PolicyDoc) -> dict[str, Any]:
    """Counts of one document and each per 10,000 characters (the ``documents`` frame)."""
    kinds = [group.kind for group in doc.parallels]
    counts = {
        "paragraphs": len(doc.paragraphs),
        "sentences": len(doc.sentences),
        "enumerations": len(doc.enumerations),
        "enum_items": sum(1 for _ in walk_items(doc.enumerations)),
        "parallel_groups": len(kinds),
        **{f"{kind}_groups": kinds.count(kind) for kind in PARALLEL_KINDS},
        "slogans": len(doc.slogans),
    }
    size = len(doc.text)
    rates = {
        f"{name}_per_10k": (value * 10_000 / size if size else 0.0)
        for name, value in counts.items()
    }
    return {"characters": size, **counts, **rates}
