"""Consistency of the fourth independent parallels/slogans development set (issue 19).

Checks only the data's shape and provenance (development documents, no overlap with the other
annotated sets); it prints nothing about the passages.
"""

from __future__ import annotations

import hashlib
import itertools
import re

from tests.conftest import load_passages, passage_texts, shared_path

NAME = "independent_parallel_passages_4.json"
#: passages annotated so far (all part "dev"); 12 of the 40 planned are hard-wrapped PDF text
EXPECTED = 40
OTHERS = (
    "heldout_parallel_passages.json",
    "heldout_parallel_passages_2.json",
    "parallel_passages.json",
    "policy_parallel_passages.json",
    "independent_parallel_passages.json",
    "independent_parallel_passages_2.json",
)
OPENING = '“"「『‘'
CLOSING = '”"」』’'


def _spans(passage: dict) -> list[tuple[int, int]]:
    spans = [tuple(m) for group in passage["groups"] for m in group["members"]]
    for slogan in passage["slogans"]:
        spans.append(tuple(slogan["span"]))
        spans.extend(tuple(m) for m in slogan["expansion"] or [])
    return spans


def test_schema_and_counts() -> None:
    data = load_passages(NAME)
    passages = data["passages"]
    assert isinstance(data["about"], str) and "20261207" in data["about"]
    assert len(passages) == EXPECTED
    assert [p["id"] for p in passages] == [f"d4-dev-{i:02d}" for i in range(1, EXPECTED + 1)]
    for p in passages:
        assert set(p) == {"id", "part", "file", "start", "end", "groups", "slogans", "note"}
        assert p["part"] == "dev"
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


def test_members_are_not_blank_and_slogans_quoted() -> None:
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
            start, end = slogan["span"]
            if slogan["kind"] == "quoted":
                assert text[start] in OPENING and text[end - 1] in CLOSING
            else:
                assert re.match(f"[{OPENING}]?[一二两三四五六七八九十百千]", text[start:end])


def test_files_are_development_documents() -> None:
    data = load_passages(NAME)
    split = load_passages("document_split.json")
    dev = {name.split("/")[-1] for name in split["dev"]}
    sources = shared_path("corpora", "policy_docs", "SOURCES.md").read_text(encoding="utf-8")
    wrapped = set(re.findall(r"^- (\S+\.txt) \(mid-sentence", sources, re.M))
    names = []
    for p in data["passages"]:
        folder, name = p["file"].split("/")
        assert folder == "policy_docs" and name in dev
        assert int(hashlib.sha1(name.encode()).hexdigest(), 16) % 3 != 0
        names.append(name)
    assert len(set(names)) == len(names)
    assert sum(name in wrapped for name in names) == 12


def test_no_overlap_with_other_sets() -> None:
    taken: dict[str, list[tuple[int, int]]] = {}
    for other in OTHERS:
        for p in load_passages(other)["passages"]:
            taken.setdefault(p["file"], []).append((p["start"], p["end"]))
    for p in load_passages(NAME)["passages"]:
        span = (p["start"], p["end"])
        assert not any(s < span[1] and span[0] < e for s, e in taken.get(p["file"], []))
