"""Consistency of the independent parallel/slogan development set (issue 19).

The passages are offsets into ../shared/corpora; these checks keep the set dev-only and its
spans well formed, so a rule writer can score on it without opening the held-out documents.
"""

from __future__ import annotations

import itertools
import re

import pytest

from tests.conftest import load_passages, passage_texts, shared_path

NAME = "independent_parallel_passages.json"
OPENING = '“「‘"『'
CLOSING = '”」’"』'
SEPARATORS = "，、；。：,;:. \u3000\n"
#: the report folder whose files after the first 21 by name are held out
PROVINCIAL = "gwr_provincial_2026"


@pytest.fixture(scope="module")
def data() -> dict:
    return load_passages(NAME)


@pytest.fixture(scope="module")
def texts(data: dict) -> list[tuple[dict, str]]:
    return list(passage_texts(data))


def test_ids_parts_and_size(data: dict) -> None:
    passages = data["passages"]
    ids = [p["id"] for p in passages]
    assert ids == [f"indep-par-{n:02d}" for n in range(len(passages))]
    assert len(passages) >= 60
    assert len({p["file"] for p in passages}) >= 40
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
        elif folder == PROVINCIAL:
            assert name in allowed, p["id"]
        else:
            assert folder == "gwr_cpc_wikisource", p["id"]


def test_passages_are_whole_paragraphs_not_in_the_first_set(
    data: dict, texts: list[tuple[dict, str]]
) -> None:
    first = load_passages("policy_parallel_passages.json")["passages"]
    for p, text in texts:
        assert 70 <= len(text) <= 400, p["id"]
        assert "\n" not in text and text == text.strip(), p["id"]
        for q in first:
            if q["file"] == p["file"]:
                assert q["end"] <= p["start"] or p["end"] <= q["start"], (p["id"], q["id"])


def _inside(span: list[int], size: int) -> bool:
    return 0 <= span[0] < span[1] <= size


def test_groups_well_formed(texts: list[tuple[dict, str]]) -> None:
    for p, text in texts:
        for group in p["groups"]:
            members = group["members"]
            assert len(members) >= 2, p["id"]
            assert group["kind"] == ("pair" if len(members) == 2 else "parallelism"), p["id"]
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
                assert isinstance(slogan["count"], int) and slogan["count"] >= 2, p["id"]
                assert numeral.match(piece), (p["id"], piece)
            for part in slogan["expansion"] or []:
                assert _inside(part, len(text)), (p["id"], part)
            assert isinstance(slogan["core"], bool), p["id"]


def test_every_passage_has_a_note(data: dict) -> None:
    assert all(p.get("note") for p in data["passages"])
