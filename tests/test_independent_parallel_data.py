"""Consistency of the independent parallel/slogan development sets (issue 19).

The passages are offsets into ../shared/corpora; these checks keep each set dev-only and its
spans well formed, so a rule writer can score on it without opening the held-out documents.
The second set also samples the hard-wrapped PDF extractions, so its passages may hold newlines.
"""

from __future__ import annotations

import hashlib
import itertools
import re
from dataclasses import dataclass

import pytest

from tests.conftest import load_passages, passage_texts, shared_path

OPENING = '“「‘"『'
CLOSING = '”」’"』'
SEPARATORS = "，、；。：,;:. \u3000\n"
#: the report folder whose files after the first 21 by name are held out
PROVINCIAL = "gwr_provincial_2026"


@dataclass(frozen=True)
class PassageSet:
    """One annotated set: its file, id prefix, size floor and the sets it must not overlap."""

    name: str
    prefix: str
    minimum: int
    min_files: int
    others: tuple[str, ...]
    wrapped_allowed: bool


SETS = (
    PassageSet(
        "independent_parallel_passages.json",
        "indep-par",
        60,
        40,
        ("policy_parallel_passages.json",),
        False,
    ),
    PassageSet(
        "independent_parallel_passages_2.json",
        "indep2-par",
        60,
        50,
        (
            "policy_parallel_passages.json",
            "parallel_passages.json",
            "independent_parallel_passages.json",
        ),
        True,
    ),
)


@pytest.fixture(scope="module", params=SETS, ids=lambda s: s.prefix)
def passage_set(request: pytest.FixtureRequest) -> PassageSet:
    return request.param


@pytest.fixture(scope="module")
def data(passage_set: PassageSet) -> dict:
    return load_passages(passage_set.name)


@pytest.fixture(scope="module")
def texts(data: dict) -> list[tuple[dict, str]]:
    return list(passage_texts(data))


def _wrapped_files() -> set[str]:
    sources = shared_path("corpora", "policy_docs", "SOURCES.md").read_text(encoding="utf-8")
    names = re.findall(r"^- (\S+\.txt) \(mid-sentence", sources, re.MULTILINE)
    return {f"policy_docs/{name}" for name in names}


def test_ids_parts_and_size(data: dict, passage_set: PassageSet) -> None:
    passages = data["passages"]
    ids = [p["id"] for p in passages]
    assert ids == [f"{passage_set.prefix}-{n:02d}" for n in range(len(passages))]
    assert len(passages) >= passage_set.minimum
    assert len({p["file"] for p in passages}) >= passage_set.min_files
    assert {p["part"] for p in passages} == {"dev", "report"}
    for p in passages:
        folder = p["file"].split("/", 1)[0]
        assert p["part"] == ("dev" if folder == "policy_docs" else "report"), p["id"]


def test_files_are_development_only(data: dict) -> None:
    split = load_passages("document_split.json")
    dev = set(split["dev"])
    provincial = shared_path("corpora", PROVINCIAL)
    allowed = sorted(f.name for f in provincial.glob("*.txt"))[:21]
    for p in data["passages"]:
        folder, name = p["file"].split("/", 1)
        if folder == "policy_docs":
            assert p["file"] in dev, p["id"]
            assert int(hashlib.sha1(name.encode()).hexdigest(), 16) % 3 != 0, p["id"]
        elif folder == PROVINCIAL:
            assert name in allowed, p["id"]
        else:
            assert folder == "gwr_cpc_wikisource", p["id"]


def test_passages_are_whole_paragraphs_not_in_the_other_sets(
    data: dict, texts: list[tuple[dict, str]], passage_set: PassageSet
) -> None:
    others = [q for name in passage_set.others for q in load_passages(name)["passages"]]
    wrapped = _wrapped_files() if passage_set.wrapped_allowed else set()
    for p, text in texts:
        assert 70 <= len(text) <= 400, p["id"]
        assert text == text.strip(), p["id"]
        assert "\n" not in text or p["file"] in wrapped, p["id"]
        for q in others:
            if q["file"] == p["file"]:
                assert q["end"] <= p["start"] or p["end"] <= q["start"], (p["id"], q["id"])
    for p, q in itertools.combinations(data["passages"], 2):
        if p["file"] == q["file"]:
            assert q["end"] <= p["start"] or p["end"] <= q["start"], (p["id"], q["id"])


def _inside(span: list[int], size: int) -> bool:
    return 0 <= span[0] < span[1] <= size


def test_groups_well_formed(texts: list[tuple[dict, str]]) -> None:
    for p, text in texts:
        for group in p["groups"]:
            members = group["members"]
            assert len(members) >= 2, p["id"]
            assert group["kind"] == ("pair" if len(members) == 2 else "parallelism"), p["id"]
            assert isinstance(group["core"], bool), p["id"]
            if group["core"]:
                assert len(members) >= 3, p["id"]
            for span in members:
                assert _inside(span, len(text)), (p["id"], span)
                piece = text[span[0] : span[1]]
                assert piece[0] not in SEPARATORS and piece[-1] not in SEPARATORS, (p["id"], span)
            for before, after in itertools.pairwise(members):
                assert before[1] <= after[0], (p["id"], "members overlap", before, after)


def test_slogans_well_formed(texts: list[tuple[dict, str]]) -> None:
    numeral = re.compile(r"^[“「]?[0-9一二两三四五六七八九十百千万双]")
    for p, text in texts:
        for slogan in p["slogans"]:
            span = slogan["span"]
            assert _inside(span, len(text)), (p["id"], span)
            piece = text[span[0] : span[1]]
            if slogan["kind"] == "quoted":
                assert piece[0] in OPENING and piece[-1] in CLOSING, (p["id"], piece)
                assert slogan["count"] is None, p["id"]
            else:
                assert slogan["kind"] == "numbered_formula", p["id"]
                count = slogan["count"]
                assert isinstance(count, int) and not isinstance(count, bool), p["id"]
                assert count >= 2, p["id"]
                assert numeral.match(piece), (p["id"], piece)
            expansion = slogan["expansion"] or []
            for part in expansion:
                assert _inside(part, len(text)), (p["id"], part)
            for before, after in itertools.pairwise(expansion):
                assert before[1] <= after[0], (p["id"], "expansion out of order")
            assert isinstance(slogan["core"], bool), p["id"]
        spans = [s["span"] for s in p["slogans"]]
        for before, after in itertools.pairwise(spans):
            assert before[1] <= after[0], (p["id"], "slogans unsorted", before, after)


def test_every_passage_has_a_note(data: dict) -> None:
    assert all(p.get("note") for p in data["passages"])
