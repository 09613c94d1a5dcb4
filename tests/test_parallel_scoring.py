"""The calibrated score of parallel groups and the precision-first default threshold.

``policytext.parallels.scoring`` (plain Python) reads the model and reliability tables
that ``python -m tools.calibrate_parallels`` fits and measures on the development
passages (leave-documents-out cross-validation).
"""

from __future__ import annotations

from pathlib import Path

import pytest

import policytext as pt
from policytext.parallels import scoring
from tests.conftest import load_passages, passage_texts, shared_path
from tests.support.parallel_scoring import covers
from tests.test_package import _heavy_modules_after
from tools.calibrate_parallels import SETS

#: every development set of annotated passages the tool reads (the fourth lands in batches)
DEVELOPMENT = [name for name in SETS if (Path(__file__).parent / "data" / name).exists()]

ESSAY_LIKE = "进万家门，知万家情，解万家难，温万家心。送政策、送技能、送维权、送安全、送健康。"


def test_the_model_table_names_every_feature_and_a_threshold():
    intercept, weights, threshold = scoring.model()
    assert len(weights) == len(scoring.FEATURES)
    assert 0.0 < threshold < 1.0
    assert isinstance(intercept, float)


def test_the_reliability_table_is_monotone_and_states_its_evidence():
    rows = scoring.calibration_table()
    assert rows and rows[0][0] == 0.0
    values = [r[4] for r in rows]
    assert values == sorted(values)
    assert sum(r[2] for r in rows) >= 150  # groups the precisions were measured on
    # the pooled cross-validated precision of the bands reporting >= 0.8 is >= 0.8
    high = [r for r in rows if r[4] >= 0.8]
    assert high and sum(r[3] for r in high) / sum(r[2] for r in high) >= 0.8


def test_features_are_computed_for_every_group():
    groups = pt.find_parallels(ESSAY_LIKE, min_score=0.0)
    assert len(groups) == 2
    view = pt.simplified_view(ESSAY_LIKE)
    for group in groups:
        features = scoring.group_features(view, group, 0.8)
        assert len(features) == len(scoring.FEATURES)
        assert all(0.0 <= f <= 1.0 for f in features)
        assert 0.0 < group.score <= 1.0
        assert group.score in {r[4] for r in scoring.calibration_table()}


def test_the_level_is_read_from_what_separates_the_members():
    level = dict(zip(scoring.FEATURES, range(len(scoring.FEATURES)), strict=True))
    view = pt.simplified_view(ESSAY_LIKE)
    clause, phrase = pt.find_parallels(ESSAY_LIKE, min_score=0.0)
    assert scoring.group_features(view, clause, 0.8)[level["level_clause"]] == 1.0
    assert scoring.group_features(view, phrase, 0.8)[level["level_phrase"]] == 1.0


def test_min_score_filters_and_zero_returns_everything():
    text = "数据采集指标、数据采集方法。" + ESSAY_LIKE
    everything = pt.find_parallels(text, min_score=0.0)
    default = pt.find_parallels(text)
    assert set(default) <= set(everything)
    assert all(g.score >= scoring.default_min_score() for g in default)
    strict = pt.find_parallels(text, min_score=0.95)
    assert all(g.score >= 0.95 for g in strict) and set(strict) <= set(default)
    assert pt.analyze(text, min_score=0.0).parallels == everything
    assert pt.analyze(text).parallels == default
    assert pt.PolicyDoc(text, min_score=0.95).parallels == strict


@pytest.mark.parametrize("bad", [-0.1, 1.5])
def test_min_score_out_of_range_raises(bad):
    with pytest.raises(ValueError, match="min_score"):
        pt.find_parallels("送政策、送技能、送维权。", min_score=bad)


@pytest.mark.parametrize("bad", ["0.5", True])
def test_min_score_of_the_wrong_type_raises(bad):
    with pytest.raises(TypeError, match="min_score"):
        pt.analyze("送政策、送技能、送维权。", min_score=bad)


def test_the_spacy_component_takes_min_score():
    spacy = pytest.importorskip("spacy")
    import policytext.spacy_components  # noqa: F401  (registers the factories)

    nlp = spacy.blank("zh")
    nlp.add_pipe("policytext_parallels", config={"min_score": 0.0})
    assert nlp.get_pipe("policytext_parallels").min_score == 0.0
    default = spacy.blank("zh")
    default.add_pipe("policytext_parallels")
    assert default.config["components"]["policytext_parallels"]["min_score"] is None


def test_scoring_at_run_time_imports_no_heavy_library():
    code = "import policytext as pt\npt.analyze('送政策、送技能、送维权。').parallels"
    assert _heavy_modules_after(code) == []


def test_score_of_eight_tenths_is_right_four_times_in_five_on_the_development_passages(
    capsys,
):
    """Annotation rule of ../shared/ANNOTATION.md: a group is right when it matches an
    annotated group (core or not). In-sample for the shipped model; the tool prints the
    cross-validated figure."""
    high = right = 0
    for name in DEVELOPMENT:
        for passage, text in passage_texts(load_passages(name)):
            gold = [[tuple(m) for m in g["members"]] for g in passage["groups"]]
            for group in pt.find_parallels(text, min_score=0.8):
                high += 1
                members = [(m.start, m.end) for m in group.members]
                right += any(covers(members, g) for g in gold)
    with capsys.disabled():
        print(f"\nscore >= 0.8 on all development passages: {right} of {high} right")
    assert high >= 100 and right / high >= 0.8


def test_the_tool_rebuilds_the_tables_byte_identically(tmp_path):
    shared_path("corpora")
    pytest.importorskip("sklearn")
    from tools.calibrate_parallels import DATA, main

    assert main(["--out", str(tmp_path)]) == 0
    for name in (scoring.MODEL, scoring.TABLE):
        assert (tmp_path / name).read_bytes() == (DATA / name).read_bytes(), name
