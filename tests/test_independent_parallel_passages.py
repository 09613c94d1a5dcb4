"""Parallel groups and slogans on the independent development passages (issue 19).

``tests/data/independent_parallel_passages.json``: 62 passages (36 of normative
development documents, 26 of report prose) annotated by a session that had not
read the rules, scored by the rule of ../shared/ANNOTATION.md as
``test_policy_parallel_passages.py`` scores its set. The rules were then studied
against this set's disagreements (general mechanisms only); the floors below are
what they reach, asserted against regressions, in both scripts.
"""

from __future__ import annotations

import pytest

from tests.conftest import load_passages
from tests.support.parallel_scoring import part_scores

NAME = "independent_parallel_passages.json"


def one_part_floors(
    part: str, groups_p: float, groups_f1: float, slogans_f1: float | None = None
) -> dict:
    """The floors of a set with one part (``"dev"`` or ``"report"``): the same group floors
    for that part, the other (empty) part and the whole set; the slogan floor, if any, on
    ``part`` only."""
    groups = {"groups_p": groups_p, "groups_f1": groups_f1}
    slogans = {} if slogans_f1 is None else {"slogans_f1": slogans_f1}
    return {key: {**groups, **(slogans if key == part else {})} for key in ("dev", "report", None)}


#: the second independent set (70 passages: 40 normative incl. 10 hard-wrapped PDF
#: extractions, 30 report), annotated while the rules of its first scoring were written
#: (before them: dev P 0.812 R 0.600 F1 0.690, all P 0.618 R 0.591 F1 0.604; with the rules
#: written before it was read: all P 0.629 R 0.636 F1 0.632)
NAME_2 = "independent_parallel_passages_2.json"
#: raised after rule_opening_only_pair (dev P 0.867 -> 0.929, F1 0.754 -> 0.776); the dev F1
#: floor lowered when the default threshold was chosen on the calibration set (0.593 ->
#: 0.864: dev P 0.929 -> 0.923 R 0.667 -> 0.600 F1 0.776 -> 0.727, all P 0.815 -> 0.905
#: F1 0.742 -> 0.715); raised to the figures of this session's rules with the threshold of
#: calibration sets 5 and 6 (0.684): dev P 0.923 F1 0.727, report P 0.875 F1 0.691, all
#: P 0.905 F1 0.715; report and all lowered when the score bands became 16 consecutive
#: calibration groups (the default admits model probabilities from 0.658, not 0.7; one more
#: right group and two wrong ones: report P 0.875 -> 0.727, F1 0.691 -> 0.721; all P 0.905
#: -> 0.833, F1 0.715 -> 0.722); raised when slice_of_list stopped counting a conjunction
#: after the last member: report P 0.889 F1 0.792, all P 0.909 F1 0.749; session of
#: 2026-12-02 (fifth part), final rules and tables (calibration sets 5-8, default 0.688):
#: dev P 0.938 F1 0.863, report P 0.900 R 0.714 F1 0.796, all P 0.923 F1 0.841; report and
#: all lowered when the calibration tool read hard-wrapped passages as find_parallels does
#: (session of 2026-12-02, sixth part; default 0.688 -> 0.750): one wrong report group more,
#: report P 0.800 F1 0.755, all P 0.885 F1 0.825; report P lowered after rep27's refit (3
#: December, tenth part): a pair the refit moved from the band of 0.500 to 0.878 (国务院已取消…
#: 行政审批事项 | 各级地方政府也取消了…), report P 0.786 F1 0.880; report and all lowered
#: when min35 merged (4 December, sixteenth part; sentence runs reported by their first
#: clauses, refit: report default 0.816 -> 0.625): report P 0.706 F1 0.828, all P 0.848
#: F1 0.878
FLOOR_2 = {
    "dev": {"groups_p": 0.93, "groups_f1": 0.86},
    "report": {"groups_p": 0.70, "groups_f1": 0.75},
    None: {"groups_p": 0.84, "groups_f1": 0.82},
}
#: the fourth independent set (40 passages of dev normative documents, 12 hard-wrapped),
#: scored fresh before it was studied: P 0.720 R 0.667 F1 0.692 with the rules of main,
#: P 0.750 F1 0.706 with rule_opening_only_pair; after rule_cut_inner_item and the
#: names that run on (both written while reading it): P 0.818 R 0.667 F1 0.735; with the
#: default threshold chosen on the calibration set (0.593 -> 0.864): P 0.864 -> 0.933,
#: R 0.750 -> 0.583, F1 0.803 -> 0.718; this session's rules, threshold 0.684 (calibration
#: sets 5 and 6): P 0.941 R 0.583 F1 0.720; bands of 16 calibration groups (the default
#: admits model probabilities from 0.658): P 0.895 R 0.667 F1 0.764; session of 2026-12-02
#: (fifth part), final rules and tables (default 0.688): P 0.944 R 0.750 F1 0.836; lowered when
#: cal39 merged (4 December, seventeenth part: the scorer fitted and calibrated with the blind
#: check sets, default 0.625 -> 0.719): P 0.923 R 0.750 F1 0.828
NAME_4 = "independent_parallel_passages_4.json"
FLOOR_4 = one_part_floors("dev", 0.92, 0.82)  # the set has no report part
#: the ninth independent set (36 report passages: 18 of development provincial reports, 18 of
#: national government work and congress reports), annotated blind at the start of the
#: session of 2026-12-02 (sixth part) and scored fresh before it was studied: P 0.850
#: R 0.788 F1 0.818 (min_score="report": P 0.822 R 0.879 F1 0.850), slogans F1 0.949; then
#: rep22r studied its half A, and the model is fitted on it too: P 0.897 R 0.818 F1 0.856
#: ("report" unchanged), slogans 0.949
NAME_9 = "independent_parallel_passages_9.json"
FLOOR_9 = one_part_floors("report", 0.89, 0.85, 0.94)  # the set has no normative part
#: the thirteenth independent set (40 passages of development provincial reports), drawn by the
#: lead and annotated blind at the start of the session of 2026-12-03 (eighth part), scored
#: fresh on the rules and tables of that session's start (ceb0bf9): P 0.862 R 0.889 F1 0.875
#: (min_score="report": P 0.867 F1 0.878), slogans F1 0.902; lowered when cal39 merged
#: (seventeenth part; default 0.719): P 0.875 R 0.778 F1 0.824
NAME_13 = "independent_parallel_passages_13.json"
FLOOR_13 = one_part_floors("report", 0.87, 0.82, 0.90)  # the set has no normative part
#: the sixteenth independent set (48 passages of development policy documents, 48 of development
#: provincial reports), drawn by the lead and annotated blind in the session of 2026-12-03
#: (ninth part), scored fresh: policy P 0.786 R 0.750 F1 0.767, reports P 0.773 R 0.815
#: F1 0.793; half A then studied by rule rounds 26 and 27; on the tenth part's final rules and
#: tables: policy P 0.786 F1 0.767, slogans 0.909; reports P 0.800 R 0.889 F1 0.842, slogans 0.919
NAME_16 = "independent_parallel_passages_16.json"
FLOOR_16 = one_part_floors("dev", 0.77, 0.75, 0.90)  # the file has no report part
NAME_16R = "independent_parallel_passages_16_report.json"
FLOOR_16R = one_part_floors("report", 0.79, 0.83, 0.91)  # no normative part
#: the eighteenth independent set (48 passages of development provincial reports), drawn by the
#: lead and annotated blind in the session of 2026-12-03 (tenth part), scored fresh on the
#: rules it was drawn under (0f9994b): P 0.903 R 0.645 F1 0.753, slogans 0.856; half A then
#: studied by rule round 28 (rep28): P 0.912 R 0.742 F1 0.818; on the rules and tables of the
#: eleventh part (feat29's level reading, prec29's rules): P 0.970 R 0.774 F1 0.861; raised;
#: lowered when min35 merged (sixteenth part; report default 0.625): P 0.907 R 0.839 F1 0.872;
#: lowered when cal39 merged (seventeenth part; default 0.719): P 0.971 R 0.742 F1 0.841
NAME_18 = "independent_parallel_passages_18_report.json"
FLOOR_18 = one_part_floors("report", 0.90, 0.84, 0.85)  # the set has no normative part
#: the twentieth independent set (48 passages of development provincial reports), drawn by the
#: lead and annotated blind in the session of 2026-12-03 (eleventh part), scored fresh on main
#: ccc1bfd: P 0.872 R 0.963 F1 0.915, slogans 0.942; half A then studied by rule rounds rep29
#: (no rule: no core group missed) and prec29; the same on that session's final rules and
#: tables; lowered when min35 merged (sixteenth part; report default 0.625): P 0.857 F1 0.907
NAME_20 = "independent_parallel_passages_20_report.json"
FLOOR_20 = one_part_floors("report", 0.85, 0.90, 0.93)  # the set has no normative part
#: the twenty-second independent set (48 passages of national government work reports 1978-2025
#: and CPC congress reports, one per document), drawn by the lead and annotated blind in the
#: session of 2026-12-03 (twelfth part), scored fresh on main 87824fb: P 0.947 R 0.741
#: F1 0.831, slogans 0.888; half A then studied by rule round rec30 (not merged then; merged
#: in the thirteenth part on a pooled check: P 0.950 R 0.815 F1 0.877); lowered when min35
#: merged (sixteenth part; report default 0.625): P 0.927 R 0.815 F1 0.867
NAME_22 = "independent_parallel_passages_22_report.json"
FLOOR_22 = one_part_floors("report", 0.92, 0.82, 0.88)  # the set has no normative part
#: the twenty-fourth independent set (48 passages of half-A development reports, 37 national
#: and 11 provincial), drawn by the lead and annotated blind in the session of 2026-12-03
#: (thirteenth part), scored fresh on main 985cdca: P 0.900 R 0.667 F1 0.766, slogans 0.914;
#: then studied by rule round rec31 (not merged); the same on rec30's rules (merged then);
#: lowered when min35 merged (sixteenth part; report default 0.625): P 0.830 R 0.708 F1 0.764
NAME_24 = "independent_parallel_passages_24_report.json"
FLOOR_24 = one_part_floors("report", 0.82, 0.75, 0.90)  # the set has no normative part
#: the twenty-seventh independent set (48 passages of half-A development reports, 41 national
#: and 7 provincial), drawn by the lead and annotated blind in the session of 2026-12-03
#: (fourteenth part), scored fresh on main c03989d: P 0.867 R 0.839 F1 0.852, slogans 0.955;
#: then studied by rule round rec34; lowered when min35 merged (sixteenth part; report default
#: 0.625): P 0.808 R 0.871 F1 0.838
NAME_27 = "independent_parallel_passages_27_report.json"
FLOOR_27 = one_part_floors("report", 0.80, 0.83, 0.93)  # the set has no normative part
#: the twenty-ninth independent set (48 passages of half-A development normative documents, 7
#: hard-wrapped), drawn by the lead and annotated blind in the session of 2026-12-03 (fourteenth
#: part), scored fresh on main c03989d: P 0.889 R 0.895 F1 0.892, slogans 0.882; then studied
#: by rule round prec34
NAME_29 = "independent_parallel_passages_29.json"
FLOOR_29 = one_part_floors("dev", 0.87, 0.87, 0.86)  # the set has no report part
#: reached after the rule changes (before them: all groups P 0.732 R 0.676 F1 0.703; after
#: the first round dev P 0.690 F1 0.735, after joined items and three-character blocks
#: dev P 0.733 R 0.857 F1 0.790, all P 0.817 F1 0.834); raised after rule_opening_only_pair
#: (dev P 0.733 -> 0.759, all P 0.817 -> 0.845); the dev F1 floor lowered when the default
#: threshold was chosen on the calibration set (0.593 -> 0.864: dev P 0.778 -> 0.889,
#: R 0.857 -> 0.714, F1 0.816 -> 0.792; all P 0.873 -> 0.929, F1 0.863 -> 0.856); raised
#: to this session's rules (the audits of normative documents and report prose) with the
#: threshold of calibration sets 5 and 6 (0.684): dev P 0.905 F1 0.798, report P 0.966
#: F1 0.932, all P 0.940 F1 0.878, slogans 0.981; bands of 16 calibration groups (the
#: default admits model probabilities from 0.658): dev P 0.870 R 0.786 F1 0.826, all P 0.923
#: F1 0.887; raised when slice_of_list stopped counting a conjunction after the last member:
#: dev P 0.875 R 0.857 F1 0.866, all P 0.925 F1 0.903; session of 2026-12-02 (fifth part),
#: final rules and tables (calibration sets 5-8, default 0.688): dev P 0.905 R 0.714 F1 0.798
#: (recall as at the session's start; 0.786 at the intermediate default 0.750), report
#: P 0.964 F1 0.931, all P 0.939 F1 0.877, slogans 0.981
FLOOR = {
    "dev": {"groups_p": 0.90, "groups_f1": 0.79},
    "report": {"groups_p": 0.96, "groups_f1": 0.93},
    None: {"groups_p": 0.93, "groups_f1": 0.87, "slogans_f1": 0.98},
}


def test_the_set_is_large_enough():
    passages = load_passages(NAME)["passages"]
    assert sum(1 for p in passages if p["part"] == "dev") >= 30
    assert sum(1 for p in passages if p["part"] == "report") >= 20


@pytest.mark.parametrize("script", ["simplified", "traditional"])
@pytest.mark.parametrize(
    ("name", "floors"),
    [
        (NAME, FLOOR),
        (NAME_2, FLOOR_2),
        (NAME_4, FLOOR_4),
        (NAME_9, FLOOR_9),
        (NAME_13, FLOOR_13),
        (NAME_16, FLOOR_16),
        (NAME_16R, FLOOR_16R),
        (NAME_18, FLOOR_18),
        (NAME_20, FLOOR_20),
        (NAME_22, FLOOR_22),
        (NAME_24, FLOOR_24),
        (NAME_27, FLOOR_27),
        (NAME_29, FLOOR_29),
    ],
)
def test_independent_groups_and_slogans(script, name, floors, capsys):
    scores = part_scores(load_passages(name), script, ("dev", "report", None), f"{name[:-5]:<36} ")
    for score in scores:
        floor = floors[score.part]
        p, _, f = score.groups
        assert p >= floor["groups_p"] and f >= floor["groups_f1"], score.line
        if "slogans_f1" in floor:
            assert score.slogans[2] >= floor["slogans_f1"], score.line
    with capsys.disabled():
        print("\n" + "\n".join(score.line for score in scores))
