"""corpus_frames: corpora as data (DataFrame, Series, dict, iterables), ids and kept columns."""

from __future__ import annotations

import pandas as pd
import pytest

import policytext as pt
from policytext import document
from tests.conftest import CORPORA

A = "一是加强领导。二是完善机制。"
B = "送政策、送技能、送维权。开展“五送”活动。"
C = "一是加强领导。二是完善机制。二是狠抓落实。"  # an irregular run: 二是 twice


def _ids(frames: dict[str, pd.DataFrame]) -> dict[str, list]:
    return {name: list(frame["doc_id"]) for name, frame in frames.items()}


def test_dataframe_ids_from_the_index_and_kept_columns_in_every_frame():
    corpus = pd.DataFrame(
        {"body": [A, B], "year": [2001, 2002], "title": ["甲", "乙"]}, index=["r1", "r2"]
    )
    frames = pt.corpus_frames(corpus, text="body", keep=["year", "title"])
    assert list(frames) == ["documents", "sentences", "items", "parallels", "slogans"]
    for name, frame in frames.items():
        assert list(frame.columns[:3]) == ["doc_id", "year", "title"], name
    assert list(frames["items"]["doc_id"]) == ["r1", "r1"]
    assert list(frames["items"]["year"]) == [2001, 2001]
    assert set(frames["parallels"]["title"]) == {"乙"}
    assert list(frames["documents"]["doc_id"]) == ["r1", "r2"]


def test_dataframe_ids_from_a_column():
    corpus = pd.DataFrame({"text": [A, B], "code": ["x-1", "x-2"]})
    frames = pt.corpus_frames(corpus, id="code")
    assert list(frames["documents"]["doc_id"]) == ["x-1", "x-2"]
    with pytest.raises(KeyError, match="'missing'"):
        pt.corpus_frames(corpus, keep=["missing"])


def test_series_keeps_its_index_as_ids():
    frames = pt.corpus_frames(pd.Series([A, B], index=["first", "second"]))
    assert list(frames["documents"]["doc_id"]) == ["first", "second"]
    assert list(frames["sentences"]["text"][:2]) == ["一是加强领导。", "二是完善机制。"]


def test_dict_keys_are_ids_and_values_texts():
    frames = pt.corpus_frames({"甲": A, "乙": B})
    assert list(frames["documents"]["doc_id"]) == ["甲", "乙"]
    assert list(frames["documents"]["characters"]) == [len(A), len(B)]


def test_iterables_of_texts_pairs_and_paths(tmp_path):
    path = tmp_path / "gb.txt"
    path.write_bytes(C.encode("gb18030"))
    frames = pt.corpus_frames([A, ("mine", B), path])
    assert list(frames["documents"]["doc_id"]) == ["doc0", "mine", str(path)]
    assert list(frames["documents"]["characters"]) == [len(A), len(B), len(C)]


def test_documents_frame_counts_and_rates(essay):
    frames = pt.corpus_frames({"essay": essay})
    row = frames["documents"].iloc[0]
    doc = pt.analyze(essay)
    kinds = [group.kind for group in doc.parallels]
    assert (row["characters"], row["paragraphs"], row["sentences"]) == (len(essay), 11, 58)
    assert (row["enumerations"], row["enum_items"], row["slogans"]) == (1, 17, 6)
    assert row["parallel_groups"] == len(doc.parallels)
    assert (row["parallelism_groups"], row["pair_groups"], row["slogan_groups"]) == (
        kinds.count("parallelism"),
        kinds.count("pair"),
        kinds.count("slogan"),
    )
    assert row["sentences_per_10k"] == pytest.approx(58 * 10_000 / len(essay))
    assert row["enum_items_per_10k"] == pytest.approx(17 * 10_000 / len(essay))
    assert row["slogans_per_10k"] == pytest.approx(6 * 10_000 / len(essay))


def test_no_column_is_named_like_a_dataframe_attribute(essay):
    frames = pt.corpus_frames({"essay": essay}, keep=())
    frames.update(pt.analyze(essay).to_frames())
    for name, frame in frames.items():
        shadowing = [c for c in frame.columns if hasattr(pd.DataFrame, c)]
        assert shadowing == [], name
    assert "enum_style" in frames["items"] and "member_count" in frames["slogans"]


def test_items_frame_has_the_enumeration_issues():
    items = pt.corpus_frames([A, C])["items"]
    assert items.loc[items["doc_id"] == "doc0", "issues"].isna().all()
    assert set(items.loc[items["doc_id"] == "doc1", "issues"]) == {"ordinal 2 repeated at 14"}


def test_frames_compute_themes_only_when_asked(monkeypatch, essay):
    def no_model(*args, **kwargs):
        raise AssertionError("themes computed without being asked")

    monkeypatch.setattr(document.PolicyDoc, "themes", no_model)
    assert "themes" not in pt.analyze(essay).to_frames()
    assert "themes" not in pt.corpus_frames([essay])
    with pytest.raises(AssertionError, match="without being asked"):
        pt.corpus_frames([essay], themes=True)


def test_a_bare_string_is_refused():
    with pytest.raises(TypeError, match="not a single string"):
        pt.corpus_frames("一是加强领导。")


def test_keep_needs_a_dataframe_and_ids_must_be_unique():
    with pytest.raises(ValueError, match="keep= names columns of a DataFrame"):
        pt.corpus_frames({"a": A}, keep=["year"])
    with pytest.raises(ValueError, match="occurs twice"):
        pt.corpus_frames(pd.Series([A, B], index=["same", "same"]))


def test_two_processes_give_the_same_frames():
    corpus = pd.DataFrame({"text": [A, B, C] * 2, "year": range(6)})
    one = pt.corpus_frames(corpus, keep=["year"])
    two = pt.corpus_frames(corpus, keep=["year"], n_process=2)
    for name in one:
        pd.testing.assert_frame_equal(one[name], two[name])


def test_documents_in_other_formats(tmp_path):
    pytest.importorskip("docx")
    pytest.importorskip("bs4")
    pytest.importorskip("pypdf")
    from tests.test_readers import make_documents

    paths = make_documents(tmp_path)
    frames = pt.corpus_frames(paths)
    assert list(frames["documents"]["enum_items"]) == [2, 2, 2]
    assert list(frames["items"]["marker"]) == ["一是", "二是"] * 3
    essay = CORPORA / "reference_essay.txt"
    assert pt.corpus_frames({"e": essay})["documents"]["sentences"].item() == 58
