"""Consistency of the third held-out parallels/slogans set (issue 19).

Checks only the data's shape and provenance; it prints nothing about the passages.
"""

from __future__ import annotations

import hashlib
import itertools
from pathlib import Path

from tests.conftest import load_passages, passage_texts

NAME = "heldout_parallel_passages_3.json"
COUNT = 44  # one passage per held-out policy file that still has a free paragraph
NUMERALS = "一二三四五六七八九十百千万两双0123456789０１２３４５６７８９"


def _others() -> list[str]:
    folder = Path(__file__).parent / "data"
    return sorted(p.name for p in folder.glob("*parallel_passages*.json") if p.name != NAME)


def _spans(passage: dict) -> list[tuple[int, int]]:
    spans = [tuple(m) for group in passage["groups"] for m in group["members"]]
    for slogan in passage["slogans"]:
        spans.append(tuple(slogan["span"]))
        spans.extend(tuple(m) for m in slogan["expansion"] or [])
    return spans


def test_schema_and_counts() -> None:
    data = load_passages(NAME)
    passages = data["passages"]
    assert isinstance(data["about"], str) and "20261205" in data["about"]
    assert len(passages) == COUNT
    assert all(p["part"] == "policy" for p in passages)
    assert [p["id"] for p in passages] == [f"h3-policy-{i:02d}" for i in range(1, COUNT + 1)]
    assert len({p["file"] for p in passages}) == COUNT
    for p in passages:
        assert set(p) == {"id", "part", "file", "start", "end", "groups", "slogans", "note"}
        assert 100 <= p["end"] - p["start"] <= 500
        assert p["note"].startswith(("random", "cue"))
        for group in p["groups"]:
            assert set(group) == {"kind", "core", "members"}
            assert group["kind"] in {"parallelism", "pair", "slogan"}
            assert isinstance(group["core"], bool)
            assert len(group["members"]) >= 2
            assert (group["kind"] == "pair") == (len(group["members"]) == 2)
            if group["kind"] == "pair":
                assert group["core"] is False
        for slogan in p["slogans"]:
            assert set(slogan) == {"span", "kind", "count", "core", "expansion"}
            assert slogan["kind"] in {"quoted", "numbered_formula"}
            assert isinstance(slogan["core"], bool)
            if slogan["kind"] == "numbered_formula":
                assert type(slogan["count"]) is int and slogan["count"] >= 1
            else:
                assert slogan["count"] is None


def test_spans_inside_sorted_and_disjoint() -> None:
    data = load_passages(NAME)
    for p in data["passages"]:
        size = p["end"] - p["start"]
        for start, end in _spans(p):
            assert type(start) is int and type(end) is int
            assert 0 <= start < end <= size
        for group in p["groups"]:
            members = group["members"]
            assert members == sorted(members)
            assert all(a[1] <= b[0] for a, b in itertools.pairwise(members))
        firsts = [g["members"][0][0] for g in p["groups"]]
        assert firsts == sorted(firsts)
        starts = [s["span"][0] for s in p["slogans"]]
        assert starts == sorted(starts)


def test_members_are_not_blank_and_slogans_marked() -> None:
    data = load_passages(NAME)
    for p, text in passage_texts(data):
        assert len(text) == p["end"] - p["start"]
        assert text == text.strip()
        for start, end in _spans(p):
            unit = text[start:end]
            assert (
                unit == unit.strip()
                and unit[0] not in "，、。；："
                and unit[-1] not in "，、。；："
            )
        for slogan in p["slogans"]:
            unit = text[slogan["span"][0] : slogan["span"][1]]
            quoted = unit[0] in '“"「『‘' and unit[-1] in '”"」』’'
            if slogan["kind"] == "quoted":
                assert quoted
            else:
                assert unit[1 if quoted else 0] in NUMERALS


def test_files_are_held_out() -> None:
    data = load_passages(NAME)
    heldout = set(load_passages("document_split.json")["heldout"])
    for p in data["passages"]:
        folder, name = p["file"].split("/")
        assert folder == "policy_docs" and p["file"] in heldout
        assert int(hashlib.sha1(name.encode()).hexdigest(), 16) % 3 == 0


def test_no_overlap_with_other_sets() -> None:
    taken: dict[str, list[tuple[int, int]]] = {}
    for other in _others():
        for p in load_passages(other)["passages"]:
            if "file" in p:
                taken.setdefault(p["file"], []).append((p["start"], p["end"]))
    for p in load_passages(NAME)["passages"]:
        span = (p["start"], p["end"])
        assert not any(s < span[1] and span[0] < e for s, e in taken.get(p["file"], []))
