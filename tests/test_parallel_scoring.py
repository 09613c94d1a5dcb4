"""The calibrated score of parallel groups and the precision-first default threshold.

``policytext.parallels.scoring`` (plain Python) reads the model and reliability tables
that ``python -m tools.calibrate_parallels`` fits on the development passages and
measures on the calibration set (``tools.calibrate_parallels.CALIBRATION``).
"""

from __future__ import annotations

from dataclasses import replace
from itertools import pairwise
from pathlib import Path

import pytest

import policytext as pt
from policytext.data import table_rows
from policytext.parallels import scoring
from tests.conftest import load_passages, passage_texts, shared_path
from tests.support.parallel_scoring import covers, prf
from tests.test_package import _heavy_modules_after
from tools.calibrate_parallels import (
    CALIBRATION,
    DATA,
    F1_TOLERANCE,
    MIN_BAND,
    MIN_PRECISION,
    SETS,
    TEST_DATA,
    TOP,
    acceptable,
    choose_default,
    choose_threshold,
    main,
    quantile_bands,
)
from tools.calibration import monotone

#: every development set of annotated passages the tool reads (the fourth lands in batches)
DEVELOPMENT = [name for name in SETS if (Path(__file__).parent / "data" / name).exists()]

ESSAY_LIKE = "进万家门，知万家情，解万家难，温万家心。送政策、送技能、送维权、送安全、送健康。"


def test_the_model_table_names_every_feature_and_a_threshold():
    intercept, weights, threshold = scoring.model()
    assert len(weights) == len(scoring.FEATURES)
    assert 0.0 < threshold < 1.0
    assert isinstance(intercept, float)


@pytest.mark.parametrize("genre", scoring.GENRES)
def test_the_reliability_table_is_monotone_and_states_its_evidence(genre):
    rows = scoring.calibration_table(genre)
    # contiguous bands from 0 to the top, each of at least MIN_BAND calibration groups (more
    # where groups of one probability fall on an edge, or the top takes a remainder)
    assert rows[0][0] == 0.0 and rows[-1][1] == TOP
    assert all(a[1] == b[0] and a[0] < a[1] for a, b in pairwise(rows))
    assert all(r[2] >= MIN_BAND for r in rows) or len(rows) == 1
    assert sum(r[2] > MIN_BAND for r in rows) <= len(rows) // 2
    # the reported values are the band precisions made monotone
    values = [r[4] for r in rows]
    assert values == sorted(values)
    expected = monotone([(r[2], r[3]) for r in rows])
    assert values == [float(f"{x:.3f}") for x in expected]
    assert scoring.calibrated(0.0, genre) == rows[0][4]
    assert scoring.calibrated(1.0, genre) == rows[-1][4]


def _score_values() -> set[float]:
    return {r[4] for genre in scoring.GENRES for r in scoring.calibration_table(genre)}


def _threshold_options(kind: str = "kept") -> list[tuple[float, float, float, float]]:
    """``(calibrated, P, R, F1)`` of the shipped table keeping the groups scoring at least
    each score value, on all calibration passages (``kept``) or on one kind's."""
    header, *rows = table_rows(scoring.TABLE)
    at = {name: k for k, name in enumerate(header)}
    options = {}
    for row in rows:
        figures = tuple(float(row[at[f"{kind}_{c}"]]) for c in ("p", "r", "f1"))
        options[float(row[at["calibrated"]])] = figures
    return [(value, *options[value]) for value in sorted(options)]


def test_the_shipped_threshold_is_the_rules_choice_on_the_shipped_table():
    options = _threshold_options()
    by_kind = [_threshold_options(genre) for genre in scoring.GENRES]
    assert scoring.default_min_score() == choose_default(options, by_kind)
    assert scoring.default_min_score() in _score_values()
    # one threshold serves both kinds of text: near the best F1 on each (the threshold rule
    # on one kind's passages alone finds none better by more than 0.01: with the shipped
    # tables the kinds' best thresholds differ, 0.719 and 0.697, and the default is the best
    # on all passages, 0.002 below the best on the reports)
    for genre, kind_options in zip(scoring.GENRES, by_kind, strict=True):
        figures = {o[0]: o[3] for o in kind_options}
        best = figures[choose_threshold(kind_options)]
        assert figures[scoring.default_min_score()] >= best - max(F1_TOLERANCE, 0.01), genre
    # keeping more groups never loses recall
    recalls = [o[2] for o in options]
    assert recalls == sorted(recalls, reverse=True)


def test_the_tables_name_the_calibration_set_they_were_measured_on():
    assert not set(CALIBRATION) & set(SETS)
    for name in (scoring.MODEL, scoring.TABLE):
        comments = [
            line
            for line in (DATA / name).read_text(encoding="utf-8").splitlines()
            if line.startswith("#")
        ]
        text = " ".join(comments)
        assert "STAND-IN" not in text, name
        calibration = next(line for line in comments if line.startswith("# (tests/data/: cal"))
        assert all(c in calibration for c in CALIBRATION), name
        assert "Calibration set" in text and "cross-validation" in text, name


def test_the_threshold_rule_prefers_precision_then_the_best_f1():
    assert MIN_PRECISION == 0.80  # issue 19's bar
    assert F1_TOLERANCE == 0.0  # the best F1 itself (0.01 until round 39)
    # P >= 0.80 reached: the best such F1 is 0.805 (0.7)
    options = [(0.4, 0.75, 0.90, 0.82), (0.7, 0.81, 0.80, 0.805), (0.9, 0.85, 0.75, 0.797)]
    assert choose_threshold(options) == 0.7
    # with a tolerance of 0.01, 0.9 is near enough the best; 0.95 is not
    assert choose_threshold(options, 0.01) == 0.9
    assert choose_threshold([*options, (0.95, 0.95, 0.6, 0.73)], 0.01) == 0.9
    # no threshold reaches 0.80: the most precise keeping recall >= 0.5
    weak = [(0.4, 0.6, 0.9, 0.72), (0.7, 0.7, 0.6, 0.65), (0.9, 0.78, 0.3, 0.44)]
    assert choose_threshold(weak) == 0.7
    # none keeps that recall either: every group
    assert choose_threshold([(0.4, 0.6, 0.4, 0.48), (0.7, 0.7, 0.2, 0.31)]) == 0.4


def test_bands_hold_consecutive_groups_with_edges_midway_between_them():
    probabilities = [0.2, 0.9, 0.4, 0.6, 0.6, 0.8, 0.95]
    assert quantile_bands(probabilities, 2) == [(0.0, 0.5), (0.5, 0.7), (0.7, TOP)]
    assert quantile_bands(probabilities, 1) == [
        (0.0, 0.3),
        (0.3, 0.5),
        (0.5, 0.7),
        (0.7, 0.85),
        (0.85, 0.925),
        (0.925, TOP),
    ]
    # groups of one probability are never split; a short top joins the band below
    assert quantile_bands([0.5, 0.5, 0.5, 0.7], 2) == [(0.0, TOP)]
    assert quantile_bands(probabilities, 100) == [(0.0, TOP)]
    assert quantile_bands([], 8) == [(0.0, TOP)]


def test_the_tool_stops_when_a_calibration_set_is_absent(tmp_path, capsys):
    with pytest.raises(SystemExit) as stopped:
        main(["--out", str(tmp_path), "--calibration", "no_such_calibration_set.json"])
    assert stopped.value.code == 2
    assert "tests/data/no_such_calibration_set.json is absent" in capsys.readouterr().err
    assert not list(tmp_path.iterdir())


def test_features_are_computed_for_every_group():
    groups = pt.find_parallels(ESSAY_LIKE, min_score=0.0)
    assert len(groups) == 2
    view = pt.simplified_view(ESSAY_LIKE)
    for group in groups:
        features = scoring.group_features(view, group, 0.8)
        assert len(features) == len(scoring.FEATURES)
        assert all(0.0 <= f <= 1.0 for f in features)
        assert 0.0 < group.score <= 1.0
        assert group.score in _score_values()


def test_the_level_is_read_from_what_separates_the_members():
    level = dict(zip(scoring.FEATURES, range(len(scoring.FEATURES)), strict=True))
    view = pt.simplified_view(ESSAY_LIKE)
    clause, phrase = pt.find_parallels(ESSAY_LIKE, min_score=0.0)
    assert scoring.group_features(view, clause, 0.8)[level["level_clause"]] == 1.0
    assert scoring.group_features(view, phrase, 0.8)[level["level_phrase"]] == 1.0


def _wrapped_at(text: str, at: int, group: pt.Parallel) -> tuple[str, pt.Parallel]:
    """``text`` with a line break inserted at ``at`` (a hard-wrapped line) and ``group``'s
    offsets moved with it."""

    def move(offset: int, end: bool = False) -> int:
        return offset + 1 if offset > at or (offset == at and not end) else offset

    wrapped = text[:at] + "\n" + text[at:]
    members = tuple(replace(m, start=move(m.start), end=move(m.end, True)) for m in group.members)
    moved = replace(group, members=members, start=move(group.start), end=move(group.end, True))
    return wrapped, moved


@pytest.mark.parametrize(
    ("text", "after"),
    [
        # wrapped after a list mark between members (punctuation hangs at the line end)
        (
            "我们要加快建设制造强国、质量强国、航天强国、交通强国、网络强国，推进数字中国建设。",
            "航天强国、",
        ),
        # wrapped before the conjunction that joins the last member
        ("产品应满足功能安全、预期功能安全和网络安全等过程保障要求。", "预期功能安全"),
    ],
)
def test_a_wrapped_phrase_group_scores_as_its_unwrapped_reading(text, after):
    (group,) = pt.find_parallels(text, min_score=0.0)
    wrapped, moved = _wrapped_at(text, text.index(after) + len(after), group)
    view, wrapped_view = pt.simplified_view(text), pt.simplified_view(wrapped)
    features = scoring.group_features(view, group, 0.8)
    assert scoring.group_features(wrapped_view, moved, 0.8) == features
    assert features[scoring.FEATURES.index("level_phrase")] == 1.0
    for report in (0.0, 1.0):
        assert scoring.group_score(wrapped_view, moved, report) == scoring.group_score(
            view, group, report
        )


@pytest.mark.parametrize(
    ("gap", "level"),
    [
        ("、\n", "phrase"),  # a wrapped line
        ("。\n", "sentence"),  # the line ends a sentence
        ("。”\n", "sentence"),  # …before a closing mark
        ("、\n\n", "sentence"),  # a blank line: a new paragraph
        ("\n（二）", "sentence"),  # the next line opens with a heading marker
    ],
)
def test_a_line_break_between_members_is_a_sentence_break_only_where_one_ends(gap, level):
    text = f"建设制造强国{gap}建设质量强国{gap}建设航天强国"
    first = len("建设制造强国") + len(gap)
    starts = (0, first, 2 * first)
    members = tuple(pt.Span(a, a + 6, text[a : a + 6], None) for a in starts)
    group = pt.Parallel(members, "parallelism", ("建设", "强国"), 0, len(text), 0.8)
    spans = [(m.start, m.end) for m in members]
    assert scoring._level(text, group, spans) == level


@pytest.mark.parametrize(
    ("bodies", "level"),
    [
        # each member heads its sentence, a body of its own follows: leads, no level flag
        (("实施空气质量改善行动。", "巩固流域治理成效。", ""), scoring.LEAD),
        # …the body in the same sentence
        (("，实施空气质量改善行动。", "，巩固流域治理成效。", ""), scoring.LEAD),
        # whole sentences in a row, nothing between them but the terminal
        (("", "", ""), "sentence"),
        # a heading marker is no body
        (("\n（二）", "\n（三）", ""), "sentence"),
    ],
)
def test_members_heading_sentences_with_bodies_read_as_leads(bodies, level):
    heads = ("加强大气环境综合治理", "加强重点流域综合治理", "加强近岸海域综合治理")
    text, spans = "", []
    for head, body in zip(heads, bodies, strict=True):
        spans.append((len(text), len(text) + len(head)))
        text += head + ("" if body.startswith(("，", "\n")) else "。") + body
    members = tuple(pt.Span(a, b, text[a:b], None) for a, b in spans)
    group = pt.Parallel(members, "parallelism", ("加强", "综合治理"), 0, spans[-1][1], 0.8)
    assert scoring._level(text, group, spans) == level
    features = dict(zip(scoring.FEATURES, scoring.group_features(text, group, 0.8), strict=True))
    assert [name for name in scoring.LEVELS if features[f"level_{name}"]] == (
        [] if level == scoring.LEAD else [level]
    )


@pytest.mark.parametrize(
    ("text", "members", "slice_of_list"),
    [
        # the list goes on after the group: a further item
        ("培育银发经济、冰雪经济、赛事经济、国漫影视等消费新热点。", 3, 1.0),
        # a conjunction and one last item end the list: not a slice
        ("要带着感情去思考、去把握、去部署、去落实和检查，推动工作。", 4, 0.0),
        # a 、 before a word that opens with a preposition's character: still an item
        ("推动共同发展、共同繁荣、共同进步、和平共处等原则落到实处。", 3, 1.0),
        ("推动共同发展、共同繁荣、共同进步、在线教育等。", 3, 1.0),
        # a 、 before a clause opened by a preposition: a new clause, where a ， was meant
        ("要带着感情去思考、去把握、去部署、把上级的要求贯彻到基层。", 3, 0.0),
    ],
)
def test_a_list_goes_on_after_its_last_member_unless_a_clause_follows(text, members, slice_of_list):
    view = pt.simplified_view(text)
    (group,) = pt.find_parallels(text, min_score=0.0)
    assert len(group.members) == members
    features = dict(zip(scoring.FEATURES, scoring.group_features(view, group, 0.8), strict=True))
    assert features["slice_of_list"] == slice_of_list


@pytest.mark.parametrize(
    ("text", "one_character_shared", "shared_cuts_word"),
    [
        # one shared character, an affix of whole words (数字化 is a word: its edge cuts it)
        ("加快推进数字化、网络化、智能化转型。", 1.0, 1.0),
        # one shared character two words happen to begin with (合营, 合作)
        ("公私合营商店、合作商店和合作小组的零售总额增长。", 1.0, 1.0),
        # a shared whole word: its edge cuts no word
        ("培育银发经济、冰雪经济、赛事经济、首发经济等消费新热点。", 0.0, 0.0),
        # one shared character between block members (全方位全过程全链条): not counted
        # (全党全国全社会, the example before, is a list of bodies: rule_body_list)
        ("实现全方位全过程全链条监管。", 0.0, 1.0),
    ],
)
def test_the_shared_material_is_read_as_one_character_and_as_words_or_fragments(
    text, one_character_shared, shared_cuts_word
):
    view = pt.simplified_view(text)
    (group,) = pt.find_parallels(text, min_score=0.0)
    features = dict(zip(scoring.FEATURES, scoring.group_features(view, group, 0.8), strict=True))
    assert features["one_character_shared"] == one_character_shared
    assert features["shared_cuts_word"] == shared_cuts_word


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


@pytest.mark.parametrize("bad", [True, b"report", [0.5]])
def test_min_score_of_the_wrong_type_raises(bad):
    with pytest.raises(TypeError, match="min_score"):
        pt.analyze("送政策、送技能、送维权。", min_score=bad)


@pytest.mark.parametrize("bad", ["0.5", "reports", "Normative", ""])
def test_min_score_naming_no_kind_of_text_raises(bad):
    with pytest.raises(ValueError, match="normative, report"):
        pt.find_parallels("送政策、送技能、送维权。", min_score=bad)


def test_each_kind_of_text_has_the_rules_threshold_on_its_own_calibration_passages():
    """The thresholds of ``min_score="normative"``/``"report"`` are calibrated values, the
    threshold rule's choice on the kept figures the model table states for that kind."""
    values = _score_values()
    comments = (DATA / scoring.MODEL).read_text(encoding="utf-8")
    for genre in scoring.GENRES:
        threshold = scoring.genre_min_score(genre)
        assert threshold in values
        assert scoring.resolve_min_score(genre) == threshold
        assert f"{genre} calibration passages: at min_score_{genre} {threshold:.3f}" in comments
    # the score reads each kind's own bands, so the thresholds need not differ. A default
    # acceptable on every kind (choose_default) is at most the highest acceptable on each;
    # where no threshold is (the shipped tables: 0.719 on normative passages, 0.697 on
    # reports), it is the rule's choice on all the calibration passages
    by_kind = [_threshold_options(genre) for genre in scoring.GENRES]
    if set.intersection(*(acceptable(kind) for kind in by_kind)):
        assert all(
            scoring.default_min_score() <= scoring.genre_min_score(genre)
            for genre in scoring.GENRES
        )
    else:
        assert scoring.default_min_score() == choose_threshold(_threshold_options())


def test_a_kind_of_text_filters_like_its_threshold():
    text = "数据采集指标、数据采集方法。" + ESSAY_LIKE
    for genre in scoring.GENRES:
        threshold = scoring.genre_min_score(genre)
        assert pt.find_parallels(text, min_score=genre) == pt.find_parallels(
            text, min_score=threshold
        )
        assert pt.analyze(text, min_score=genre).parallels == pt.find_parallels(
            text, min_score=threshold
        )


def test_the_spacy_component_takes_min_score():
    spacy = pytest.importorskip("spacy")
    import policytext.spacy_components  # noqa: F401  (registers the factories)

    nlp = spacy.blank("zh")
    nlp.add_pipe("policytext_parallels", config={"min_score": 0.0})
    assert nlp.get_pipe("policytext_parallels").min_score == 0.0
    default = spacy.blank("zh")
    default.add_pipe("policytext_parallels")
    assert default.config["components"]["policytext_parallels"]["min_score"] is None
    reports = spacy.blank("zh")
    reports.add_pipe("policytext_parallels", config={"min_score": "report"})
    assert reports.get_pipe("policytext_parallels").min_score == "report"
    doc = reports("进万家门，知万家情，解万家难，温万家心。")
    assert len(doc.spans["policytext_parallels"]) == 4


def test_scoring_at_run_time_imports_no_heavy_library():
    code = "import policytext as pt\npt.analyze('送政策、送技能、送维权。').parallels"
    assert _heavy_modules_after(code) == []


def test_score_of_eight_tenths_is_right_four_times_in_five_on_the_development_passages(
    capsys,
):
    """Annotation rule of ../shared/ANNOTATION.md: a group is right when it matches an
    annotated group (core or not). In-sample for the shipped model (the bands are measured
    on the calibration set); the tool prints the cross-validated figure."""
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
    # 64 of 66 with the fixed band edges of sets 5 and 6; 46 of 46 in bands of 16 groups
    # (only the top band, 24 of 24 right, reaches 0.8 there)
    assert high >= 40 and right / high >= 0.8


def test_the_tool_rebuilds_the_tables_byte_identically(tmp_path):
    shared_path("corpora")
    pytest.importorskip("sklearn")
    for name in CALIBRATION:
        if not (TEST_DATA / name).exists():
            pytest.skip(f"{name} is absent: the calibration set is annotated by other sessions")

    assert main(["--out", str(tmp_path)]) == 0
    for name in (scoring.MODEL, scoring.TABLE):
        assert (tmp_path / name).read_bytes() == (DATA / name).read_bytes(), name


def test_the_blind_sets_raise_f1_on_documents_left_out(capsys):
    """Round 39's judge, kept as a guard: fitted and measured with the blind check sets, the
    tables score the check sets' documents they left out (five folds) better than tables
    built without any blind set, by the rule that merged them (normative F1 +0.010 and P
    +0.02, reports no lower; read 0.810 -> 0.822, P 0.847 -> 0.889; 0.838 -> 0.840)."""
    shared_path("corpora")
    pytest.importorskip("sklearn")
    from tools.crossvalidate_parallels import crossvalidated

    result = crossvalidated()
    before = {genre: prf(*result.before[genre]) for genre in scoring.GENRES}
    blind = {genre: prf(*result.blind[genre]) for genre in scoring.GENRES}
    with capsys.disabled():
        for genre in scoring.GENRES:
            print(f"\n{genre}: F1 {before[genre][2]:.3f} -> {blind[genre][2]:.3f}", end="")
    assert blind["normative"][2] >= before["normative"][2] + 0.010
    assert blind["normative"][0] >= before["normative"][0] + 0.02
    assert blind["report"][2] >= before["report"][2]
