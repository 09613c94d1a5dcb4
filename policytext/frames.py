"""pandas views: one DataFrame per layer, for one document or a corpus.

``to_frames(doc)`` returns a dict of DataFrames:

* ``sentences`` — paragraph, sentence, start, end, text;
* ``items`` — enumeration items: enumeration, level, path ("2.3"), index,
  marker, heading, style, start, end, text;
* ``parallels`` — one row per member: group, kind, score, shared, member,
  start, end, text;
* ``slogans`` — slogan, kind, count, start, end, text, expansion;
* ``themes`` — rank, term, score (needs the segmentation model; skipped with
  ``themes=False``).

``policytext.corpus.corpus_frames(items)`` does the same for many documents
and adds a ``doc_id`` column in front. These views receive documents; they
never analyse a text themselves.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import pandas as pd

if TYPE_CHECKING:
    from .document import PolicyDoc

COLUMNS = {
    "sentences": ["paragraph", "sentence", "start", "end", "text"],
    "items": [
        "enumeration",
        "level",
        "path",
        "index",
        "marker",
        "heading",
        "style",
        "start",
        "end",
        "text",
    ],
    "parallels": ["group", "kind", "score", "shared", "member", "start", "end", "text"],
    "slogans": ["slogan", "kind", "count", "start", "end", "text", "expansion"],
    "themes": ["rank", "term", "score"],
}


def to_frames(doc: PolicyDoc, themes: bool = True, top_k: int = 20) -> dict[str, pd.DataFrame]:
    """The layers of ``doc`` as DataFrames (see the module docstring)."""
    text = doc.text
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
    for row in doc.outline_rows():
        rows["items"].append({**row, "text": text[row["start"] : row["end"]]})
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
                "count": slogan.count,
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
            rows["themes"].append({"rank": rank, "term": term, "score": score})
    frames = {name: pd.DataFrame(rows[name], columns=COLUMNS[name]) for name in COLUMNS}
    frames["slogans"]["count"] = frames["slogans"]["count"].astype("Int64")
    return frames
