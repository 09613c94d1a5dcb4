"""Consistency of the independent enumeration dev set (issue 15): files, offsets, parents."""

from __future__ import annotations

from tests.conftest import load_passages, passage_texts

DATA = load_passages("independent_enumeration_passages.json")
SPLIT = load_passages("document_split.json")


def test_every_passage_comes_from_a_dev_document() -> None:
    dev, heldout = set(SPLIT["dev"]), set(SPLIT["heldout"])
    files = [passage["file"] for passage in DATA["passages"]]
    assert not [name for name in files if name in heldout]
    assert [name for name in files if name not in dev] == []
    assert len(files) >= 45 and len(set(files)) >= 30


def test_ids_are_unique_and_windows_are_whole_sized() -> None:
    ids = [passage["id"] for passage in DATA["passages"]]
    assert len(ids) == len(set(ids))
    assert all(600 <= passage["end"] - passage["start"] <= 2500 for passage in DATA["passages"])


def test_windows_do_not_overlap_the_rule_authors_dev_passages() -> None:
    taken: dict[str, list[tuple[int, int]]] = {}
    for passage in load_passages("policy_enumeration_passages.json")["passages"]:
        taken.setdefault(passage["file"], []).append((passage["start"], passage["end"]))
    overlapping = [
        passage["id"]
        for passage in DATA["passages"]
        for start, end in taken.get(passage["file"], [])
        if passage["start"] < end and start < passage["end"]
    ]
    assert overlapping == []


def test_every_parent_is_an_earlier_item_of_the_same_passage() -> None:
    for passage in DATA["passages"]:
        starts = [item["at"] for item in passage["items"]]
        assert starts == sorted(set(starts)), passage["id"]
        for item in passage["items"]:
            parent = item["parent"]
            assert parent is None or (parent in starts and parent < item["at"]), (
                passage["id"],
                item,
            )


def test_every_marker_matches_the_text_at_its_offset() -> None:
    checked = 0
    for passage, text in passage_texts(DATA):
        assert len(text) == passage["end"] - passage["start"], passage["id"]
        for item in passage["items"]:
            at, marker = item["at"], item["marker"]
            assert text[at : at + len(marker)] == marker, (passage["id"], item)
            checked += 1
    assert checked == sum(len(passage["items"]) for passage in DATA["passages"])
