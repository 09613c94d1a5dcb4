"""Parallel groups and slogans scored by the rule of ../shared/ANNOTATION.md.

``tests/data/policy_parallel_passages.json``: 50 passages annotated before the
rules of issue 19 were written (36 from the development policy documents of
``tests/data/document_split.json``, 14 of report prose). A predicted group
matches when two thirds of its members (all, for a pair) overlap gold members
by 80 %; non-core gold may be predicted but is not required; a predicted
group that matches nothing counts against precision. Slogans match by span
(±1 character), kind and count.

``tests/data/heldout_parallel_passages.json``, when present, is annotated by
another session on documents these rules were not written against; it is
scored with the bar of issue 19 and never read while writing rules.
``tests/data/heldout_parallel_passages_2.json`` is a second held-out set (policy and
report parts), first scored once on the rules of 33ab3bd. The third,
``heldout_parallel_passages_3.json`` (policy part) with
``heldout_parallel_passages_3_report.json`` (report part), was annotated after those
rules by sessions that had not seen them, and scored once on the rules of the next session.
"""

from __future__ import annotations

from pathlib import Path

import pytest

import policytext as pt
from tests.conftest import load_passages, passage_texts
from tests.support.parallel_scoring import part_scores

DEV = "policy_parallel_passages.json"
HELDOUT = "heldout_parallel_passages.json"
HELDOUT_2 = "heldout_parallel_passages_2.json"
#: the third held-out set: its policy and report parts, annotated side by side
HELDOUT_3 = ("heldout_parallel_passages_3.json", "heldout_parallel_passages_3_report.json")


def test_the_development_set_is_large_enough():
    passages = load_passages(DEV)["passages"]
    assert sum(1 for p in passages if p["part"] == "dev") >= 25
    assert sum(1 for p in passages if p["part"] == "report") >= 10
    assert sum(1 for p in passages for g in p["groups"] if g["core"]) >= 20


@pytest.mark.parametrize("script", ["simplified", "traditional"])
def test_development_groups_and_slogans(script, capsys):
    scores = part_scores(load_passages(DEV), script, ("dev", "report", None))
    for score in scores:
        p, _, f = score.groups
        if score.part == "dev":  # normative policy documents: the bar of issue 19
            assert p >= 0.80 and f >= 0.80, score.line
        if score.part is None:
            assert f >= 0.85 and score.slogans[2] >= 0.85, score.line
    with capsys.disabled():
        print("\n" + "\n".join(score.line for score in scores))


#: issue 19's bar on held-out normative passages: groups P and F1 >= 0.80, slogans F1 >= 0.80
BAR = 0.80
#: the least share of a right group's members on exactly the annotated edges
EXACT_EDGES = 0.90
#: what the held-out set scored when first read after the rule changes (groups F1 0.721,
#: P 0.732; slogans F1 0.509), after the rules studied on the independent development
#: passages (groups F1 0.745, P 0.747; slogans F1 0.739 after the calibrated slogan
#: evidence; 0.743, P 0.812 R 0.686, after the evidence studied on the development
#: documents' rejected quotations), and after joined items, three-character blocks, case
#: frames and counts in Chinese numerals (groups P 0.758 R 0.758 F1 0.758): asserted as
#: floors against regressions, NOT the bar (not met). With the precision-first default
#: threshold of the calibrated score (chosen on cross-validated development passages, not
#: here) the full suite prints groups P 0.788 R 0.710 F1 0.747: the F1 floor is 0.74
#: Lowered on the rules of 2026-12-02 (fifth part), which read groups P 0.775 R 0.677 F1 0.723
#: here (0.831 / 0.694 / 0.756 before): among them quoted members keep their quotation marks,
#: the convention the later sets settled and this first set's annotation predates; lowered
#: again when the calibration tool read hard-wrapped passages as find_parallels does
#: (2026-12-02, sixth part; default 0.688 -> 0.750): P 0.765 R 0.677 F1 0.719; after that
#: session's rule round 22 and refit (default 0.779): P 0.759 R 0.710 F1 0.734; lowered after
#: the rule round of 2026-12-03 (eighth part: norm23, rep23, rep24 merged by the round's written
#: criterion, refit, default 0.781): P 0.735 R 0.677 F1 0.705
HELD_OUT_FLOOR = {"groups_f1": 0.70, "groups_p": 0.73, "slogans_f1": 0.74}


#: the second held-out set (heldout_parallel_passages_2.json, 70 passages: 45 of held-out
#: policy documents, 25 of the held-out provincial reports) was annotated after the rule
#: changes of issue 19 by a session that had not seen the rules, and first scored once,
#: on the final rules: groups P 0.700 R 0.645 F1 0.671 (policy part P 0.581 R 0.600
#: F1 0.590, report part F1 0.778), slogans P 0.880 R 0.889 F1 0.884 (policy part 0.694,
#: report part 0.934), the same in both scripts. Floors just below, NOT the bar (not met)
HELD_OUT_2_FLOOR = {"groups_f1": 0.65, "groups_p": 0.68, "slogans_f1": 0.86}


# the second held-out set scored a second time, on the rules of the next session (the
# calibrated score's precision-first threshold, audited group rules, slogans): groups
# P 0.791 R 0.581 F1 0.670 (policy part P 0.720 R 0.533 F1 0.613), slogans F1 0.893

#: the third held-out set (44 passages of held-out policy documents, 25 of the held-out
#: reports), annotated at the start of the session of 2026-12-02 (third part) by two sessions
#: that had not seen the rules, scored once on that session's final rules: groups P 0.674
#: R 0.900 F1 0.771 (policy part P 0.680 R 1.000 F1 0.810 on 11 core groups, report part
#: P 0.667 R 0.778 F1 0.718), slogans P 0.969 R 0.923 F1 0.945 (policy 0.923, report 0.951),
#: the same in both scripts. Floors just below, NOT the bar (groups precision not met)
#: slogans floor 0.92 -> 0.90 on the rules of 2026-12-02 (seventh part): slog23's slogan rules
#: (chosen on development documents only) read slogans F1 0.906 here (above 0.92 before), while the
#: tenth set's report slogans rose 0.722 -> 0.788; a regression on this set, disclosed
HELD_OUT_3_FLOOR = {"groups_f1": 0.75, "groups_p": 0.65, "slogans_f1": 0.90}
# read a second time on the rules of the session of 2026-12-02 (fourth part): groups P 0.744
# R 0.950 F1 0.834 (policy P 0.773 R 1.000 F1 0.872, report P 0.706 R 0.889 F1 0.787)
# and a third time on the rules of 2026-12-02 (fifth part): groups P 0.737 R 0.900 F1 0.810
# (policy unchanged, report P 0.688 R 0.778 F1 0.730); set 2's fourth read: P 0.824 R 0.581
# F1 0.681 (policy P 0.800 R 0.533, report P 0.857 R 0.625)

#: the fourth held-out set (42 passages of held-out policy documents, 30 of the held-out
#: reports), annotated at the start of the session of 2026-12-02 (fourth part) by two
#: sessions that had not seen the rules; on the rules it was annotated against (501f0cb):
#: groups P 0.745 R 0.781 F1 0.763 (policy P 0.800 R 0.800 F1 0.800, report P 0.704 R 0.765
#: F1 0.733); scored once more on that session's final rules and threshold: groups P 0.886
#: R 0.688 F1 0.774 (policy P 0.882 R 0.733 F1 0.801 on 15 core groups, report P 0.889
#: R 0.647 F1 0.749), slogans P 0.944 R 0.816 F1 0.876 (policy 0.916, report 0.863), the
#: same in both scripts. Floors just below; reports are short of the bar (F1 0.85)
HELD_OUT_4 = ("heldout_parallel_passages_4.json", "heldout_parallel_passages_4_report.json")
HELD_OUT_4_FLOOR = {"groups_f1": 0.77, "groups_p": 0.88, "slogans_f1": 0.87}
# read a third time on the rules of 2026-12-02 (fifth part): groups P 0.971 R 0.719 F1 0.826
# (policy P 0.944 R 0.800 F1 0.866, report P 1.000 R 0.647 F1 0.786), slogans F1 0.876

#: the fifth held-out set (38 passages of held-out policy documents, 30 of the held-out
#: reports), annotated at the start of the session of 2026-12-02 (fifth part) by two sessions
#: that had not seen the rules; on the rules it was annotated against (cd9d071): groups
#: P 0.812 R 0.786 F1 0.799 (policy P 0.923 R 0.750 F1 0.828 on 12 core groups, report P 0.737
#: R 0.812 F1 0.773); read once more on that session's final rules and tables: groups P 0.788
#: R 0.786 F1 0.787 (policy P 0.857 R 0.750 F1 0.800, report P 0.737 R 0.812 F1 0.773),
#: slogans F1 0.877, the same in both scripts. Floors just below; not the bar for reports
HELD_OUT_5 = ("heldout_parallel_passages_5.json", "heldout_parallel_passages_5_report.json")
HELD_OUT_5_FLOOR = {"groups_f1": 0.78, "groups_p": 0.78, "slogans_f1": 0.87}

#: the sixth held-out set (36 passages of held-out policy documents, 30 of the held-out
#: reports), annotated in the middle of the same session by two sessions that had not seen
#: the rules, after every rule of that session was written, and read ONCE, on its final rules
#: and tables: groups P 0.769 R 0.739 F1 0.754 (policy P 0.727 R 0.769 F1 0.748 on 13 core
#: groups, report P 0.824 R 0.700 F1 0.757 on 10), slogans F1 0.900, the same in both
#: scripts. Floors just below: the bar (P and F1 >= 0.80) is not met here
#: the seventh held-out set (34 passages of held-out policy documents, 30 of the held-out
#: reports), annotated blind at the start of the session of 2026-12-02 (sixth part) by two
#: sessions that had not seen the rules, and read ONCE, on that session's final rules and
#: tables (default 0.750; min_score="normative" 0.897, "report" 0.375): groups P 0.810
#: R 0.826 F1 0.818 (policy P 0.783 R 0.889 F1 0.832 on 9 core groups, report P 0.842
#: R 0.786 F1 0.813 on 14), slogans F1 0.900; each part at the threshold of its kind: policy
#: P 0.882 R 0.778 F1 0.827, report P 0.810 R 0.857 F1 0.833; the same in both scripts.
#: Read a second time after that session's rule round 22 and refit (default 0.779, which is
#: also "normative"'s; "report" 0.438): groups P 0.868 R 0.826 F1 0.847 (policy P 0.810
#: R 0.889 F1 0.847, report P 0.941 R 0.786 F1 0.856); "report" on its report part P 0.944
#: R 0.857 F1 0.899. Floors just below; the policy part's "normative" floor lowered after the
#: rule round of 2026-12-03 (eighth part; "normative" 0.779 -> 0.960): P 0.867 R 0.778 F1 0.820
HELD_OUT_7 = ("heldout_parallel_passages_7.json", "heldout_parallel_passages_7_report.json")
HELD_OUT_7_FLOOR = {
    "groups_f1": 0.84,
    "groups_p": 0.86,
    "slogans_f1": 0.89,
    "kinds": {"policy": (0.80, 0.81), "report": (0.94, 0.89)},
}

#: the eighth held-out set (29 passages of held-out policy documents, 20 of the 49 having no
#: free paragraph left; 30 of the held-out reports), annotated blind in the session of
#: 2026-12-02 (sixth part) before its rule round 22; read at the baseline (the rules of
#: cf13e6c): groups P 0.756 R 0.737 F1 0.746 (policy P 0.667 R 0.714 F1 0.690 on 7 core
#: groups, report P 0.808 R 0.750 F1 0.778 on 12); "normative" policy P 0.667 R 0.429,
#: "report" report P 0.793 R 0.750 F1 0.771; then once on the final rules and tables:
#: groups P 0.816 R 0.737 F1 0.774 (policy P 0.714 R 0.714 F1 0.714, report P 0.875 R 0.750
#: F1 0.808), "report" on its report part P 0.793 R 0.750 F1 0.771, slogans F1 0.858; the
#: same in both scripts. Floors just below: the bar is not met here. Lowered after the rule
#: round of 2026-12-03 (eighth part; refit: default 0.781, "normative" 0.960, "report" 0.562):
#: groups P 0.811 R 0.684 F1 0.742 (policy P 0.692 R 0.571 F1 0.626); "normative" on the policy
#: part P 0.714 R 0.286 F1 0.408, "report" on the report part P 0.778 R 0.750 F1 0.764.
#: Lowered when min35 merged (4 December, sixteenth part; report default 0.816 -> 0.625), read
#: once: groups P 0.756 R 0.789 F1 0.772 (policy P 0.625 F1 0.667, report P 0.828 R 0.833
#: F1 0.830); "normative" on the policy part P 0.643 R 0.571 F1 0.605
HELD_OUT_8 = ("heldout_parallel_passages_8.json", "heldout_parallel_passages_8_report.json")
HELD_OUT_8_FLOOR = {
    "groups_f1": 0.74,
    "groups_p": 0.75,
    "slogans_f1": 0.85,
    "kinds": {"policy": (0.64, 0.40), "report": (0.77, 0.76)},
}

#: the tenth held-out set (64 passages of held-out policy documents, up to three per file,
#: 30 core groups; 34 of the held-out reports, 30 core groups), drawn by the lead and annotated
#: blind at the start of the session of 2026-12-02 (seventh part), before its rule round 23;
#: read at the baseline (the rules and tables of fac2cfa): groups P 0.915 R 0.800 F1 0.854
#: (policy P 0.872 R 0.867 F1 0.869, report P 0.969 R 0.733 F1 0.835; "report" on its report
#: part P 0.919 R 0.833 F1 0.874), slogans F1 0.743 (report part 0.722); then once on the
#: final rules and tables (slog23's slogan rules merged, the parallel rules unchanged): groups
#: unchanged, slogans F1 0.789 (policy 0.800, report 0.788); the same in both scripts.
#: Floors just below. Lowered after the rule round of 2026-12-03 (eighth part; refit: default
#: 0.781, "normative" 0.960, "report" 0.562): groups P 0.901 R 0.783 F1 0.838 (policy P 0.850
#: R 0.867 F1 0.858, report P 0.968 R 0.700 F1 0.812); "normative" on the policy part P 0.964
#: R 0.667 F1 0.788; "report" on the report part P 0.944 R 0.833 F1 0.885
HELD_OUT_10 = ("heldout_parallel_passages_10.json", "heldout_parallel_passages_10_report.json")
HELD_OUT_10_FLOOR = {
    "groups_f1": 0.83,
    "groups_p": 0.90,
    "slogans_f1": 0.78,
    "kinds": {"policy": (0.84, 0.78), "report": (0.91, 0.87)},
}

#: the eleventh held-out set (64 passages of held-out policy documents, up to three per file,
#: 20 core groups; 36 of the held-out reports, 15 core), drawn by the lead and annotated blind
#: at the start of the session of 2026-12-03 (eighth part), before its rule round; read at the
#: baseline (the rules and tables of ceb0bf9): groups P 0.851 R 0.800 F1 0.825 (policy P 0.871
#: R 0.950 F1 0.909, report P 0.812 R 0.600 F1 0.690; "report" on its report part P 0.833
#: R 0.733 F1 0.780), slogans F1 0.931; then once on the final rules and tables (norm23, rep23,
#: rep24 and the rule_is_name fix; default 0.781, "normative" 0.960, "report" 0.562): groups
#: P 0.851 R 0.800 F1 0.825 (policy P 0.875 R 0.950 F1 0.911, report P 0.800 R 0.600 F1
#: 0.686); "normative" on the policy part P 0.957 R 0.900 F1 0.927, "report" on the report part
#: P 0.833 R 0.733 F1 0.780; slogans F1 0.931; the same in both scripts. Floors just below
HELD_OUT_11 = ("heldout_parallel_passages_11.json", "heldout_parallel_passages_11_report.json")
HELD_OUT_11_FLOOR = {
    "groups_f1": 0.82,
    "groups_p": 0.85,
    "slogans_f1": 0.93,
    "kinds": {"policy": (0.86, 0.90), "report": (0.83, 0.75)},
}

#: the fourteenth held-out set (48 passages of the held-out reports, up to six per file, 33 core
#: groups; 32 of held-out policy documents, up to two per file, 12 core), drawn by the lead and
#: annotated blind (ann14r1, ann14r2, ann14p) at the start of the session of 3 December (ninth
#: part), before its changes; read at the baseline (6c35cd0): report P 0.821 R 0.697 F1 0.754,
#: policy P 0.684 R 0.667 F1 0.675; then once on the final rules and tables (rep25b, rep26, the
#: score reading the kind of text, default 0.812): report P 0.825 R 0.727 F1 0.773, policy
#: P 0.667 R 0.667 F1 0.667, all P 0.776 R 0.711 F1 0.742; slogans F1 0.872; the same in both
#: scripts. Floors just below. Read a third time by this test after rep27's rules and refit
#: (tenth part; merged by its written criterion on development and calibration sets):
#: report P 0.821 R 0.697 F1 0.754 (one core group fewer), all F1 0.730; the all and report
#: F1 floors lowered to just below.
HELD_OUT_14 = ("heldout_parallel_passages_14.json", "heldout_parallel_passages_14_report.json")
HELD_OUT_14_FLOOR = {
    "groups_f1": 0.72,
    "groups_p": 0.76,
    "slogans_f1": 0.86,
    "kinds": {"policy": (0.65, 0.65), "report": (0.81, 0.75)},
}

#: the seventeenth held-out set (48 passages of the held-out reports, up to six per file, 29 core
#: groups; 32 of held-out policy documents, up to two per file, 8 core), drawn by the lead and
#: annotated blind (ann17r1, ann17r2, ann17p) at the start of the session of 3 December (tenth
#: part), before its rule round; read at the baseline (the fixes that landed first, 396d582)
#: and once on the final rules and tables (rep27, its refit): the same both times, report
#: P 0.900 R 0.897 F1 0.898, policy P 0.769 R 0.625 F1 0.690, all P 0.868 R 0.838 F1 0.853,
#: slogans F1 0.918; the same in both scripts (main before the session, 6c35cd0: report
#: 0.892 / 0.793 / 0.840, policy 0.714 / 0.625 / 0.667). Floors just below.
HELD_OUT_17 = ("heldout_parallel_passages_17.json", "heldout_parallel_passages_17_report.json")
HELD_OUT_17_FLOOR = {
    "groups_f1": 0.84,
    "groups_p": 0.86,
    "slogans_f1": 0.90,
    "kinds": {"policy": (0.75, 0.67), "report": (0.89, 0.88)},
}

#: the nineteenth held-out set (45 passages of the held-out reports, up to six per file, the
#: last eligible ones, 23 core groups; 32 of held-out policy documents, up to two per file, 16
#: core), drawn by the lead and annotated blind (ann19r1, ann19r2, ann19p) at the start of the
#: session of 3 December (eleventh part); read at the baseline (main ccc1bfd): report P 0.833
#: R 0.870 F1 0.851, policy P 0.696 R 0.812 F1 0.750; then once on the final rules and tables
#: (feat29's level reading, prec29's rules, default 0.816): report unchanged, policy P 0.727
#: R 0.812 F1 0.768, all P 0.788 R 0.846 F1 0.816, slogans F1 0.886; the same in both
#: scripts. Floors just below. The report floor at min_score="report" lowered when the held-out
#: sets were read once on cal39 (4 December, seventeenth part; "report" threshold 0.625 ->
#: 0.697): P 0.806 R 0.870 F1 0.837 (all at the default 0.719: P 0.884 R 0.821 F1 0.851).
HELD_OUT_19 = ("heldout_parallel_passages_19.json", "heldout_parallel_passages_19_report.json")
HELD_OUT_19_FLOOR = {
    "groups_f1": 0.81,
    "groups_p": 0.78,
    "slogans_f1": 0.88,
    "kinds": {"policy": (0.72, 0.76), "report": (0.80, 0.83)},
}

#: the forty-second held-out set (48 passages of held-out policy documents, up to three a file,
#: 17 core groups; 48 of the held-out provincial reports, up to seven a file, 22 core), drawn
#: by the lead after cal39 merged and annotated blind (ann42p1, ann42p2, ann42r1, ann42r2) in
#: the seventeenth part, pre-registered as part of the pool the resolution of issue 19 is
#: judged on; read once on main 2d10b6b: policy P 1.000 R 0.706 F1 0.828, report P 1.000
#: R 0.818 F1 0.900, slogans 0.834 and 0.900 (all: P 1.000 R 0.769 F1 0.870, slogans 0.888;
#: exact edges 94/97); the same in both scripts. Floors just below.
HELD_OUT_42 = ("heldout_parallel_passages_42.json", "heldout_parallel_passages_42_report.json")
HELD_OUT_42_FLOOR = {
    "groups_f1": 0.86,
    "groups_p": 0.97,
    "slogans_f1": 0.88,
    "kinds": {"policy": (0.97, 0.82), "report": (0.97, 0.89)},
}

#: (3 December, ninth part) the score reads the kind of text and min_score="normative" is the
#: default's 0.812 (was 0.960, precision-leaning): the "normative" precision floors of sets 8,
#: 10 and 11 were lowered to just below their new reads (0.692, 0.850, 0.875), and set 11's
#: "report" F1 floor (its threshold rose from 0.562 to 0.812: F1 0.780 -> 0.757) to 0.75; disclosed.
#: the kind of text (policytext.parallels.GENRES) of each part of a held-out set
KIND = {"policy": "normative", "report": "report"}
HELD_OUT_6 = ("heldout_parallel_passages_6.json", "heldout_parallel_passages_6_report.json")
#: held-out set 6's precision floor lowered when min35 merged (sixteenth part), read once:
#: groups P 0.744 R 0.826 F1 0.783 (policy P 0.636 F1 0.697, report P 0.857 R 0.900 F1 0.878)
HELD_OUT_6_FLOOR = {"groups_f1": 0.75, "groups_p": 0.74, "slogans_f1": 0.89}


@pytest.mark.parametrize("script", ["simplified", "traditional"])
@pytest.mark.parametrize(
    ("names", "floor"),
    [
        ((HELDOUT,), HELD_OUT_FLOOR),
        ((HELDOUT_2,), HELD_OUT_2_FLOOR),
        (HELDOUT_3, HELD_OUT_3_FLOOR),
        (HELD_OUT_4, HELD_OUT_4_FLOOR),
        (HELD_OUT_5, HELD_OUT_5_FLOOR),
        (HELD_OUT_6, HELD_OUT_6_FLOOR),
        (HELD_OUT_7, HELD_OUT_7_FLOOR),
        (HELD_OUT_8, HELD_OUT_8_FLOOR),
        (HELD_OUT_10, HELD_OUT_10_FLOOR),
        (HELD_OUT_11, HELD_OUT_11_FLOOR),
        (HELD_OUT_14, HELD_OUT_14_FLOOR),
        (HELD_OUT_17, HELD_OUT_17_FLOOR),
        (HELD_OUT_19, HELD_OUT_19_FLOOR),
        (HELD_OUT_42, HELD_OUT_42_FLOOR),
    ],
    ids=[
        *(f"heldout_{n}" for n in range(1, 9)),
        *(f"heldout_{n}" for n in (10, 11, 14, 17, 19, 42)),
    ],
)
def test_heldout_passages(names, floor, script, capsys):
    for name in names:
        path = Path(__file__).parent / "data" / name
        if not path.exists():
            pytest.skip(f"{path.name} is absent: the held-out set is annotated by another session")
    data = {"passages": [p for name in names for p in load_passages(name)["passages"]]}
    name = names[0].removesuffix(".json")
    parts = sorted({p.get("part") for p in data["passages"]} - {None})
    scores = part_scores(data, script, [*parts, None] if len(parts) > 1 else [None], f"{name} ")
    # each part also at the threshold of its kind of text (min_score="normative"/"report")
    by_kind = [
        score
        for part in parts
        if len(parts) > 1
        for score in part_scores(
            data, script, [part], f"{name} min_score={KIND[part]:<9} ", KIND[part]
        )
    ]
    with capsys.disabled():
        print("\n" + "\n".join(score.line for score in [*scores, *by_kind]))
        print(f"   (issue 19's bar: {BAR})")
    whole = scores[-1]
    assert whole.groups[2] >= floor["groups_f1"] and whole.groups[0] >= floor["groups_p"], (
        whole.line
    )
    assert whole.slogans[2] >= floor["slogans_f1"], whole.line
    for score in by_kind:
        if score.part in floor.get("kinds", {}):
            least_p, least_f1 = floor["kinds"][score.part]
            assert score.groups[0] >= least_p and score.groups[2] >= least_f1, score.line
    # members on the right edges: of the members of groups matching a core group, at least
    # nine in ten on exactly the annotated edges (held-out sets 1-8 read 129/135, 59/64,
    # 55/55, 75/76, 74/76, 66/67, 69/70, 51/53 on the rules of 2026-12-02, sixth part; set 10
    # 146/154 on those of the seventh part; set 11 on those of the eighth part: see README)
    exact, members = whole.edges
    assert members and exact >= EXACT_EDGES * members, whole.line


def test_score_is_calibrated_on_the_development_passages(capsys):
    """Groups scoring 0.8 or more are right at least four times in five (annotation rule)."""
    from policytext.parallels.scoring import GENRES, calibrated, calibration_table
    from tests.support.parallel_scoring import covers

    for genre in GENRES:
        rows = calibration_table(genre)
        assert rows and [r[4] for r in rows] == sorted(r[4] for r in rows)
        assert calibrated(0.0, genre) == rows[0][4] and calibrated(1.0, genre) == rows[-1][4]
    high = right = 0
    for name in (DEV, "parallel_passages.json"):
        for passage, text in passage_texts(load_passages(name)):
            gold = [[tuple(m) for m in g["members"]] for g in passage["groups"]]
            for group in pt.find_parallels(text):
                if group.score >= 0.8:
                    high += 1
                    members = [(m.start, m.end) for m in group.members]
                    right += any(covers(members, g) for g in gold)
    with capsys.disabled():
        print(f"\nscore >= 0.8: {right} of {high} groups right ({right / high:.3f})")
    assert right / high >= 0.8


#: calibration set 12 (48 passages of development policy documents, 40 of the development
#: reports), annotated blind after the shipped score tables were fitted and left out of them:
#: the refit that would take it in moved the default past a core group of the reference essay
#: (its 在思想上… group, probability 0.766, fell in a band of precision 0.500), so it checks the
#: shipped tables instead. Read once on them: at the default P 0.873 R 0.811 F1 0.841; groups
#: scoring 0.9 or more right 32 of 36; the same in both scripts. Floors just below. Read again
#: on the tables refit after that session's rule round (default 0.781): P 0.870 R 0.784
#: F1 0.825, 32 of 36; on the tables of 3 December (ninth part: rep25's rules, the score
#: reading the kind of text, default 0.812): P 0.877 R 0.865 F1 0.871 (report part 0.805 ->
#: 0.883), 24 of 26.
#: calibration set 15 (48 + 48 passages of development documents, annotated blind on
#: 3 December, ninth part): taken into the fit it moved set 12's normative part down 0.044
#: F1, so it too checks the shipped tables. Read on the tables of 6c35cd0: P 0.842 R 0.811
#: F1 0.826; on those of the ninth part: P 0.860 R 0.838 F1 0.849, groups scoring 0.8 or more
#: right 49 of 57 (0.860), 0.9 or more 19 of 23 (0.826; on the tables of 6c35cd0 25 of 30):
#: so set 15 holds the documented meaning of 0.8, not set 12's 0.9 figure.
#: calibration set 21 (64 passages of development policy documents, one per file; 96 of the
#: development reports, up to five per file; annotated blind on 3 December, eleventh part, by
#: six sessions): taken into the calibration passages (alone, or with the development sets 13,
#: 16, 18 and 20 in the fit) it moved the report parts of sets 12 and 15 down 0.013 to 0.042
#: F1, so it too checks the shipped tables. Read on the tables of that session (feat29's
#: level reading, prec29's rules): P 0.894 R 0.822 F1 0.857 (policy 0.838 / 0.781 / 0.809,
#: report 0.919 / 0.845 / 0.880), groups scoring 0.9 or more right 52 of 56, 0.8 or more 110
#: of 123; the same in both scripts. Floors just below.
#: calibration set 23 (48 passages of development policy documents, 67 of development reports,
#: national and provincial, all from the half of the documents no rule writer studies;
#: annotated blind on 3 December, thirteenth part, by five sessions, before any rule of that
#: part ran on it): never fitted, a check of the tables and of the rule rounds. Read on the
#: tables of that part (rec30's rules, refit): P 0.861 R 0.806 F1 0.833 (policy 0.825 / 0.792
#: / 0.808, report 0.885 / 0.814 / 0.848, as on the rules before rec30), groups scoring 0.9 or
#: more right 56 of 61, 0.8 or more 87 of 101; the same in both scripts. Floors just below.
#: calibration sets 25 and 26 (each 48 policy and 48 report passages of half-B development
#: documents, annotated blind in the thirteenth part, each before the one rule candidate it
#: judged ran on it): on the same tables, set 25 P 0.878 R 0.838 F1 0.857 (policy 0.926 /
#: 0.864 / 0.894, report 0.818 / 0.800 / 0.809), groups scoring 0.9 or more right 23 of 25;
#: set 26 P 0.817 R 0.703 F1 0.755 (policy 0.750 / 0.714 / 0.732, report 0.850 / 0.696 /
#: 0.765), 23 of 25; the same in both scripts. Floors just below.
#: calibration set 28 (48 policy and 48 report passages of half-B development documents,
#: annotated blind in the fourteenth part before rule round 34's candidate ran on it): on the
#: tables of main c03989d P 0.859 R 0.774 F1 0.814 (policy 0.800 / 0.800 / 0.800, report
#: 0.882 / 0.763 / 0.818), groups scoring 0.9 or more right 36 of 39; the same in both
#: scripts. Floors just below.
#: calibration set 30 (48 policy and 48 report passages of half-B development documents,
#: annotated blind in the fourteenth part, after rule round 34 was judged on set 28 and before
#: round 34L's candidate ran on it): on the tables of main c03989d P 0.846 R 0.778 F1 0.811
#: (policy 0.947 / 0.700 / 0.805, report 0.804 / 0.808 / 0.806), groups scoring 0.9 or more
#: right 28 of 30; the same in both scripts. Floors just below.
#: calibration set 31 (48 policy and 48 report passages of half-B development documents,
#: annotated blind in the fifteenth part before rule round 35's candidate ran on it): on the
#: tables of main 49fe668 P 0.863 R 0.618 F1 0.720 (policy 0.812 / 0.500 / 0.619, report
#: 0.886 / 0.750 / 0.812), groups scoring 0.9 or more right 20 of 23; the same in both
#: scripts. Floors just below.
#: calibration set 32 (the same, drawn after set 31, annotated blind in the fifteenth part
#: after rule round 35's candidate was judged on set 31 and before it was judged on this
#: one): on the tables of main 49fe668 P 0.883 R 0.821 F1 0.851 (policy 0.938 / 0.692 /
#: 0.796, report 0.864 / 0.885 / 0.874), groups scoring 0.9 or more right 22 of 23; the
#: same in both scripts. Floors just below.
#: calibration sets 33 and 34 (the same, 48 + 48 and 45 + 48 passages, drawn after set 32,
#: annotated blind in the fifteenth part after rule round 35's candidate was judged on sets
#: 31 and 32 and before it was judged on these two pooled): on the tables of main 49fe668,
#: set 33 P 0.839 R 0.763 F1 0.799 (policy 0.857 / 0.792 / 0.823, report 0.815 / 0.714 /
#: 0.761), groups scoring 0.9 or more right 26 of 29; set 34 P 0.886 R 0.811 F1 0.847
#: (policy 0.900 / 0.850 / 0.874, report 0.875 / 0.765 / 0.816), 34 of 38; the same in both
#: scripts. Floors just below.
#: calibration sets 35 to 38 (48 report passages each, with 33 and 29 policy passages in sets
#: 35 and 37: the last of half B; drawn and annotated blind at the end of the fifteenth part,
#: banked unscored): they judged min35 by the rule written before they were annotated
#: (sixteenth part: report F1 pooled 0.756 -> 0.790, normative 0.844 -> 0.844; over all check
#: sets 12-38 report 0.825 -> 0.843, normative 0.813 -> 0.812), and it merged. Read on main
#: with min35 (report default 0.625): set 35 P 0.804 R 0.708 F1 0.753 (policy 0.810 / 0.750 /
#: 0.779, report 0.800 / 0.688 / 0.739), groups scoring 0.9 or more right 20 of 23; set 36
#: (report) 0.796 / 0.774 / 0.785, 20 of 23; set 37 0.873 / 0.828 / 0.850 (policy 0.952 /
#: 0.846 / 0.896, report 0.824 / 0.812 / 0.818), 22 of 23; set 38 (report) 0.850 / 0.778 /
#: 0.812, 15 of 16. The floors of sets 32 to 34 were lowered to min35's reads then: set 32
#: 0.857 / 0.821 / 0.838 (25 of 25), set 33 0.806 / 0.763 / 0.784 (27 of 30), set 34 0.868 /
#: 0.838 / 0.853 (33 of 37). The same in both scripts. Floors just below.
#: calibration sets 39 (48 report passages and the last 25 policy passages of half B) and 40
#: (48 report passages), drawn and annotated blind in the sixteenth part after min35 merged
#: and before rule round 36's candidate (rep36) was frozen: they judged rep36 with all the
#: check sets (report F1 on 39 and 40 pooled 0.818 -> 0.824, over sets 12-40 0.841 -> 0.841:
#: not merged). Read on main with min35: set 39 P 0.800 R 0.870 F1 0.833 (policy 1.000 /
#: 0.800 / 0.889, report 0.773 / 0.889 / 0.827), groups scoring 0.9 or more right 24 of 25;
#: set 40 (report) 0.775 / 0.850 / 0.811, 12 of 14; the same in both scripts. Floors just
#: below.
#: calibration set 41 (48 policy passages of the 12 half-B development documents with free
#: paragraphs left, up to six a file; drawn and annotated blind in the sixteenth part after
#: rep36 was judged and before prec36 was frozen): it judged prec36 with all the check sets
#: (set 41 normative F1 0.758 -> 0.758, over sets 12-41 0.810 -> 0.812: not merged). Read on
#: main with min35: P 0.739 R 0.778 F1 0.758 (9 core groups), groups scoring 0.9 or more right
#: 6 of 7; the same in both scripts. Floors just below.
CALIBRATION_CHECKS = {
    "calibration set 12": (
        "calibration_parallel_passages_12.json",
        "calibration_parallel_passages_12_report.json",
    ),
    "calibration set 15": (
        "calibration_parallel_passages_15.json",
        "calibration_parallel_passages_15_report.json",
    ),
    "calibration set 21": (
        "calibration_parallel_passages_21.json",
        "calibration_parallel_passages_21_report.json",
    ),
    "calibration set 23": (
        "calibration_parallel_passages_23.json",
        "calibration_parallel_passages_23_report.json",
    ),
    "calibration set 25": (
        "calibration_parallel_passages_25.json",
        "calibration_parallel_passages_25_report.json",
    ),
    "calibration set 26": (
        "calibration_parallel_passages_26.json",
        "calibration_parallel_passages_26_report.json",
    ),
    "calibration set 28": (
        "calibration_parallel_passages_28.json",
        "calibration_parallel_passages_28_report.json",
    ),
    "calibration set 30": (
        "calibration_parallel_passages_30.json",
        "calibration_parallel_passages_30_report.json",
    ),
    "calibration set 31": (
        "calibration_parallel_passages_31.json",
        "calibration_parallel_passages_31_report.json",
    ),
    "calibration set 32": (
        "calibration_parallel_passages_32.json",
        "calibration_parallel_passages_32_report.json",
    ),
    "calibration set 33": (
        "calibration_parallel_passages_33.json",
        "calibration_parallel_passages_33_report.json",
    ),
    "calibration set 34": (
        "calibration_parallel_passages_34.json",
        "calibration_parallel_passages_34_report.json",
    ),
    "calibration set 35": (
        "calibration_parallel_passages_35.json",
        "calibration_parallel_passages_35_report.json",
    ),
    "calibration set 36": ("calibration_parallel_passages_36_report.json",),
    "calibration set 37": (
        "calibration_parallel_passages_37.json",
        "calibration_parallel_passages_37_report.json",
    ),
    "calibration set 38": ("calibration_parallel_passages_38_report.json",),
    "calibration set 39": (
        "calibration_parallel_passages_39.json",
        "calibration_parallel_passages_39_report.json",
    ),
    "calibration set 40": ("calibration_parallel_passages_40_report.json",),
    "calibration set 41": ("calibration_parallel_passages_41.json",),
}
#: the least precision and F1 at the default each check set holds (just below its reads), and
#: a score at or above which the set's groups are right at least 0.85 (sets 12, 31, 33 to 36,
#: 40 and 41), 0.8 (sets 15 and 26) or 0.9 (sets 21, 23, 25, 28, 30, 32 and 37 to 39) of the
#: time. Lowered where cal39 (seventeenth part; default 0.625 -> 0.719) read below them: set 26
#: score >= 0.9 right 21 of 25; F1 of set 34 0.797, 35 0.738, 36 0.775, 38 0.778
CALIBRATION_CHECK_FLOOR = {
    "calibration set 12": (0.85, 0.82, 0.9, 0.85),
    "calibration set 15": (0.84, 0.83, 0.8, 0.8),
    "calibration set 21": (0.88, 0.85, 0.9, 0.9),
    "calibration set 23": (0.85, 0.82, 0.9, 0.9),
    "calibration set 25": (0.86, 0.84, 0.9, 0.9),
    "calibration set 26": (0.80, 0.74, 0.9, 0.8),
    "calibration set 28": (0.83, 0.79, 0.9, 0.9),
    "calibration set 30": (0.82, 0.79, 0.9, 0.9),
    "calibration set 31": (0.85, 0.71, 0.9, 0.85),
    "calibration set 32": (0.85, 0.83, 0.9, 0.9),
    "calibration set 33": (0.80, 0.78, 0.9, 0.85),
    "calibration set 34": (0.86, 0.79, 0.9, 0.85),
    "calibration set 35": (0.80, 0.73, 0.9, 0.85),
    "calibration set 36": (0.79, 0.77, 0.9, 0.85),
    "calibration set 37": (0.87, 0.84, 0.9, 0.9),
    "calibration set 38": (0.84, 0.77, 0.9, 0.9),
    "calibration set 39": (0.79, 0.83, 0.9, 0.9),
    "calibration set 40": (0.77, 0.81, 0.9, 0.85),
    "calibration set 41": (0.73, 0.75, 0.9, 0.85),
}


def test_the_check_sets_are_the_blind_sets_the_tables_halve():
    """The check sets guarded here are those ``tools.calibrate_parallels`` splits between
    fitting and calibration (``BLIND_SETS``): a set added to one list is added to both."""
    from tools.calibrate_parallels import BLIND_SETS

    checked = [name for names in CALIBRATION_CHECKS.values() for name in names]
    assert sorted(checked) == sorted(BLIND_SETS)


@pytest.mark.parametrize("script", ["simplified", "traditional"])
@pytest.mark.parametrize("label", list(CALIBRATION_CHECKS))
def test_shipped_score_holds_on_each_blind_check_set(label, script, capsys):
    """The default keeps the precision of the check set's floor and high-scoring groups are
    right as often as the floor says (annotation rule: a group matching any annotated
    group). Until round 39 the tables never saw these sets; since cal39 the model is also
    fitted on one half of their documents and the bands measured on the other
    (``tools.calibrate_parallels.BLIND_SETS``), so they guard against regressions and the
    held-out sets are the independent measure."""
    from tests.support.parallel_scoring import covers

    names = CALIBRATION_CHECKS[label]
    least_p, least_f1, high_score, least_right = CALIBRATION_CHECK_FLOOR[label]
    for name in names:
        if not (Path(__file__).parent / "data" / name).exists():
            pytest.skip(f"{name} is absent: the calibration set is annotated by another session")
    data = {"passages": [p for name in names for p in load_passages(name)["passages"]]}
    whole = part_scores(data, script, [None], f"{label} ")[0]
    high = right = 0
    for passage, text in passage_texts(data):
        if script == "traditional":
            text = pt.to_traditional(text)
        gold = [[tuple(m) for m in g["members"]] for g in passage["groups"]]
        for group in pt.find_parallels(text):
            if group.score >= high_score:
                high += 1
                right += any(covers([(m.start, m.end) for m in group.members], g) for g in gold)
    with capsys.disabled():
        print(f"\n{whole.line}\nscore >= {high_score}: {right} of {high} groups right")
    assert whole.groups[0] >= least_p and whole.groups[2] >= least_f1, whole.line
    assert high and right >= least_right * high
