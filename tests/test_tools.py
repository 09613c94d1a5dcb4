"""The README's benchmark table is made from the results the benchmarks write as data."""

from __future__ import annotations

import json

from benchmarks.bench_scale import summary
from tools import results_table


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
