"""The README's benchmark table is made from the results the benchmarks write as data."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from benchmarks.bench_scale import summary
from tests.test_parallel_passage_data import SETS as PASSAGE_SETS
from tools import results_table
from tools.draw_passages import HELD_OUT


def test_the_readme_table_is_the_one_made_from_the_results():
    readme = results_table.README.read_text(encoding="utf-8")
    assert "<!-- results: bench_scale -->" in readme
    assert results_table.render(readme) == readme


def test_a_new_result_changes_the_table(tmp_path):
    data = {"summary": [{"what": "structure n_process=2 vs 1", "ratio": "1.50×"}]}
    (tmp_path / "demo.json").write_text(json.dumps(data), encoding="utf-8")
    readme = "a\n<!-- results: demo -->\n| old |\n<!-- /results -->\nb\n"
    made = results_table.render(readme, tmp_path)
    assert made == (
        "a\n<!-- results: demo -->\n| what | ratio |\n| --- | --- |\n"
        "| structure n_process=2 vs 1 | 1.50× |\n<!-- /results -->\nb\n"
    )


def test_the_benchmark_summary_reads_its_measured_rows():
    measured = {
        "1. structure layers, one core, shared corpora; ratio = speed / 1 M chars/s"
        " | analyze (structure)": {"chars_per_s": 560_000, "ratio": 0.56},
        "4. processes and Dask, ratio = speed / n_process=1 | structure n_process=2": {
            "ratio": 1.93
        },
        "5. peak RSS | 10 characters": {"peak_mb": 150},
        "5. peak RSS | 40 characters": {"peak_mb": 159},
    }
    rows = {row["what"]: row["ratio"] for row in summary(measured)}
    assert rows == {
        "structure `analyze`, one core": "0.56 M chars/s (0.56× issue 7's 1 M bar, 1.12× issue 19's 0.5 M bar)",
        "structure `n_process=2` vs 1": "1.93×",
        "peak RSS of one worker, largest vs smallest corpus streamed": "1.06 (150 MB, 159 MB)",
    }


#: the sets drawn by tools.draw_passages, in the order they were drawn (each one apart from
#: the sets registered before it): the registered sets from set 31 on, each draw asking for
#: 48 passages of its kind from half B of the development documents (the held-out documents
#: for a held-out set), at most its ``per_file`` of one file
DRAWN = tuple(
    (
        s.name,
        int(s.seed),
        "report" if s.name.endswith("_report.json") else "normative",
        HELD_OUT if s.heldout else "B",
        48,
        s.per_file,
    )
    for s in PASSAGE_SETS
    if s.seed and int(s.seed) >= 20261360
)


@pytest.mark.parametrize("index", [0, 9, 10, 12, 15, 16, 17, 18, 19])
def test_the_draw_gives_again_the_passages_a_set_says_it_drew(index):
    """Redrawn with its seed, apart from the sets registered before it (the later ones
    ignored), a set's draw gives its passages: files, offsets, and random/cue picks in order
    (the normative draws of sets 35, 37 and 39 ran out of eligible paragraphs at 33, 29 and
    25; set 41 drew up to six a file; held-out set 42 from the held-out documents)."""
    from tests.conftest import load_passages, shared_path
    from tools.draw_passages import draw

    shared_path("corpora", "policy_docs", "SOURCES.md")
    name, seed, kind, half, count, most_per_file = DRAWN[index]
    later = [drawn[0] for drawn in DRAWN[index:]]
    got = draw(seed, kind, half, count, ignore=later, most_per_file=most_per_file)
    passages = load_passages(name)["passages"]
    assert [(p["file"], p["start"], p["end"], p["pick"]) for p in got] == [
        (p["file"], p["start"], p["end"], p["note"].split(";")[0]) for p in passages
    ]
    assert all(p["text"] for p in got)


def test_the_draw_keeps_to_its_cap_of_passages_a_file():
    """Two passages a file unless told otherwise; a higher cap draws more where the half's
    files with free paragraphs are few (half B of the normative documents since set 35)."""
    from collections import Counter

    from tests.conftest import shared_path
    from tools.draw_passages import draw, main

    shared_path("corpora", "policy_docs", "SOURCES.md")
    capped = Counter(p["file"] for p in draw(20261460, "normative", "B", 48))
    raised = Counter(p["file"] for p in draw(20261460, "normative", "B", 48, most_per_file=6))
    assert max(capped.values()) <= 2 < max(raised.values()) <= 6
    assert sum(raised.values()) > sum(capped.values())
    with pytest.raises(SystemExit):
        main(["1", "normative", "B", "4", "out.json", "--per-file", "0"])


def test_the_drawn_paragraphs_of_wrapped_text_run_to_a_sentence_end():
    from tools.draw_passages import paragraphs

    text = "  一、总体要求\n坚持系统推进，统筹\n发展和安全。\n\n二、重点任务"
    assert [text[s:e] for s, e in paragraphs(text, wrapped=False)] == [
        "一、总体要求",
        "坚持系统推进，统筹",
        "发展和安全。",
        "二、重点任务",
    ]
    assert [text[s:e] for s, e in paragraphs(text, wrapped=True)] == [
        "一、总体要求\n坚持系统推进，统筹\n发展和安全。",
        "二、重点任务",
    ]


def test_the_pooled_scores_are_the_sums_of_the_sets_and_the_halves_split_them():
    from tests.conftest import load_passages, shared_path
    from tests.support.parallel_scoring import score_passages
    from tools import score_parallel_sets as tool

    shared_path("corpora")
    names = (
        "calibration_parallel_passages_31_report.json",
        "independent_parallel_passages_27_report.json",
    )
    files = [Path(__file__).parent / "data" / name for name in names]
    groups = [0, 0, 0, 0]
    for name in names:
        counts, _, _ = score_passages(load_passages(name), "simplified")
        groups = [a + b for a, b in zip(groups, counts, strict=True)]
    whole = tool.pooled(files, "simplified")
    assert whole["report"][0] == groups and whole["report"][2] == 2
    assert whole["normative"][2] == 0  # no policy passages in report sets
    halves = [tool.pooled(files, "simplified", half)["report"][0] for half in "AB"]
    assert [a + b for a, b in zip(*halves, strict=True)] == groups
    assert all(sum(half) for half in halves)  # both halves are in the two sets
    line = tool.lines(files, ["simplified"])[0]
    assert line.startswith("simplified  report     files 2 groups " + str(groups))
