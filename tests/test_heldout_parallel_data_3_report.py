"""Consistency of the third held-out parallels/slogans set, report part (issue 19).

Checks only the data's shape and provenance; it prints nothing about the passages.
"""

from __future__ import annotations

import itertools
import os

from tests.conftest import load_passages, passage_texts, shared_path

NAME = "heldout_parallel_passages_3_report.json"
COUNT = 25
OTHERS = (
    "heldout_parallel_passages.json",
    "heldout_parallel_passages_2.json",
    "parallel_passages.json",
    "policy_parallel_passages.json",
    "independent_parallel_passages.json",
    "independent_parallel_passages_2.json",
)


def _spans(passage: dict) -> list[tuple[int, int]]:
    spans = [tuple(m) for group in passage["groups"] for m in group["members"]]
    for slogan in passage["slogans"]:
        spans.append(tuple(slogan["span"]))
        spans.extend(tuple(m) for m in slogan["expansion"] or [])
    return spans


def test_schema_and_counts() -> None:
    data = load_passages(NAME)
    passages = data["passages"]
    assert isinstance(data["about"], str) and "20261206" in data["about"]
    assert len(passages) == COUNT
    assert [p["id"] for p in passages] == [f"h3-report-{i:02d}" for i in range(1, COUNT + 1)]
    for p in passages:
        assert set(p) == {"id", "part", "file", "start", "end", "groups", "slogans", "note"}
        assert p["part"] == "report"
        assert p["note"].split(";")[0] in {"random", "cue"}
        assert 100 <= p["end"] - p["start"] <= 500
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


def test_picks_alternate_random_and_cue() -> None:
    passages = load_passages(NAME)["passages"]
    hows = [p["note"].split(";")[0] for p in passages]
    assert hows == [("random", "cue")[i % 2] for i in range(len(passages))]


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


def test_members_are_not_blank_and_slogans_well_formed() -> None:
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
            quoted = text[start] in '“"「『‘' and text[end - 1] in '”"」』’'
            # A quoted slogan carries its marks; an unquoted one is a numbered formula.
            assert quoted or slogan["kind"] == "numbered_formula"


def test_files_are_held_out_reports() -> None:
    data = load_passages(NAME)
    reports = sorted(
        f for f in os.listdir(shared_path("corpora", "gwr_provincial_2026")) if f.endswith(".txt")
    )[21:]
    per_file: dict[str, int] = {}
    for p in data["passages"]:
        folder, name = p["file"].split("/")
        assert folder == "gwr_provincial_2026" and name in reports
        per_file[name] = per_file.get(name, 0) + 1
    assert max(per_file.values()) <= 3


def test_no_overlap_with_other_sets() -> None:
    taken: dict[str, list[tuple[int, int]]] = {}
    for other in OTHERS:
        for p in load_passages(other)["passages"]:
            taken.setdefault(p["file"], []).append((p["start"], p["end"]))
    mine: dict[str, list[tuple[int, int]]] = {}
    for p in load_passages(NAME)["passages"]:
        span = (p["start"], p["end"])
        assert not any(s < span[1] and span[0] < e for s, e in taken.get(p["file"], []))
        assert not any(s < span[1] and span[0] < e for s, e in mine.get(p["file"], []))
        mine.setdefault(p["file"], []).append(span)
