"""The command line, run in-process and as ``python -m policytext``."""

from __future__ import annotations

import csv
import io
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

import policytext as pt
from policytext.cli import main
from tests.conftest import CORPORA

ESSAY = str(CORPORA / "reference_essay.txt")


def test_sentences_format_lists_paragraphs_and_sentences(capsys, essay):
    assert main(["analyze", ESSAY, "--format", "sentences"]) == 0
    out = capsys.readouterr().out
    assert "11 paragraphs, 58 sentences" in out
    assert "[638:645] 一要圍繞核心。" in out


def test_outline_shows_the_enumeration_tree(capsys, essay):
    assert main(["analyze", ESSAY]) == 0
    out = capsys.readouterr().out
    assert "17 enumeration items" in out
    assert "  3 三是要 突出重心 [1502:2376]" in out
    assert "    5.1 一是要 加強與有關部門的溝通和聯系 [2870:2911]" in out


def test_stdin_json_equals_analyze_to_dict(essay):
    result = subprocess.run(
        [sys.executable, "-m", "policytext", "analyze", "-", "--format", "json"],
        input=essay.encode("utf-8"),
        capture_output=True,
        check=True,
    )
    assert json.loads(result.stdout) == pt.analyze(essay).to_dict()


def test_jsonl_has_one_line_per_file(capsys):
    assert main(["analyze", ESSAY, ESSAY, "--format", "jsonl"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert len(lines) == 2 and json.loads(lines[1])["file"] == ESSAY


def test_missing_file_is_reported_with_exit_code_1(capsys, tmp_path):
    assert main(["analyze", str(tmp_path / "missing.txt")]) == 1
    assert "cannot read" in capsys.readouterr().err


def test_gbk_file_is_read_by_the_auto_encoding(capsys, tmp_path):
    path = tmp_path / "gbk.txt"
    path.write_bytes("一是加强领导。二是完善机制。".encode("gbk"))
    assert main(["analyze", str(path), "--format", "json"]) == 0
    assert json.loads(capsys.readouterr().out)["text"] == "一是加强领导。二是完善机制。"


UNDECODABLE = b"\xe5\xb7\xa5\x80\xff\xfe\x80"  # neither UTF-8 nor GB18030


def test_undecodable_file_is_reported(capsys, tmp_path):
    path = tmp_path / "bad.txt"
    path.write_bytes(UNDECODABLE)
    assert main(["analyze", str(path)]) == 1
    err = capsys.readouterr().err
    assert "cannot read" in err and "neither UTF-8 nor GB18030" in err


def test_csv_and_html_formats(capsys, tmp_path):
    assert main(["analyze", ESSAY, ESSAY, "--format", "csv", "--table", "slogans"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[0].startswith("file,slogan,kind,member_count") and len(lines) == 1 + 2 * 6
    assert main(["analyze", ESSAY, "--format", "html", "--out-dir", str(tmp_path)]) == 0
    assert "pt-marker" in (tmp_path / "reference_essay.html").read_text(encoding="utf-8")


def test_themes_command(capsys, model_dir):
    assert main(["themes", ESSAY, "--top-k", "3"]) == 0
    assert capsys.readouterr().out.startswith(f"{ESSAY}: 工會")


def test_usage_errors_exit_2():
    for argv in (["analyze"], ["themes", ESSAY, "--top-k", "0"], ["nonsense"]):
        with pytest.raises(SystemExit) as stop:
            main(argv)
        assert stop.value.code == 2


def _stdin(monkeypatch, data: bytes) -> None:
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(data), encoding="utf-8"))


def test_version(capsys):
    with pytest.raises(SystemExit) as stop:
        main(["--version"])
    assert stop.value.code == 0 and capsys.readouterr().out == f"policytext {pt.__version__}\n"


def test_json_of_several_files_is_one_document(capsys, tmp_path):
    other = tmp_path / "other.txt"
    other.write_text("一是加强领导。二是完善机制。", encoding="utf-8")
    assert main(["analyze", ESSAY, str(other), "--format", "json"]) == 0
    documents = json.loads(capsys.readouterr().out)
    assert [d["file"] for d in documents] == [ESSAY, str(other)]
    assert {k: v for k, v in documents[1].items() if k != "file"} == pt.analyze(
        other.read_text(encoding="utf-8")
    ).to_dict()


def test_html_of_several_files_needs_out_dir(capsys):
    assert main(["analyze", ESSAY, ESSAY, "--format", "html"]) == 2
    captured = capsys.readouterr()
    assert captured.out == "" and "need --out-dir" in captured.err


def test_out_dir_gives_same_file_names_distinct_outputs(capsys, tmp_path):
    (tmp_path / "a").mkdir()
    (tmp_path / "b").mkdir()
    (tmp_path / "a" / "report.txt").write_text("一是甲。二是乙。", encoding="utf-8")
    (tmp_path / "b" / "report.txt").write_text("（一）丙。\n（二）丁。", encoding="utf-8")
    out = tmp_path / "out"
    argv = ["analyze", str(tmp_path / "a" / "report.txt"), str(tmp_path / "b" / "report.txt")]
    assert main([*argv, "--format", "json", "--out-dir", str(out)]) == 0
    assert sorted(p.name for p in out.iterdir()) == ["report-2.json", "report.json"]
    first = json.loads((out / "report.json").read_text(encoding="utf-8"))
    second = json.loads((out / "report-2.json").read_text(encoding="utf-8"))
    assert (first["text"], second["text"]) == ("一是甲。二是乙。", "（一）丙。\n（二）丁。")
    assert "report-2.json" in capsys.readouterr().err


def test_out_dir_that_is_a_file_is_a_usage_error(capsys, tmp_path):
    target = tmp_path / "taken"
    target.write_text("x", encoding="utf-8")
    assert main(["analyze", ESSAY, "--out-dir", str(target)]) == 2
    assert f"--out-dir {target} is a file" in capsys.readouterr().err


def test_out_dir_that_cannot_be_created_is_a_usage_error(capsys, tmp_path):
    target = tmp_path / "taken"
    target.write_text("x", encoding="utf-8")
    assert main(["analyze", ESSAY, "--out-dir", str(target / "pages")]) == 2
    err = capsys.readouterr().err
    assert f"cannot create --out-dir {target / 'pages'}" in err and "Traceback" not in err


def test_closed_stdin_is_reported(capsys, monkeypatch):
    monkeypatch.setattr(sys, "stdin", None)  # what Python sets when descriptor 0 is closed
    assert main(["analyze", "-"]) == 1
    assert "cannot read <stdin>: standard input is closed" in capsys.readouterr().err
    closed = io.TextIOWrapper(io.BytesIO(b""))
    closed.close()
    monkeypatch.setattr(sys, "stdin", closed)
    assert main(["analyze", "-"]) == 1
    assert "standard input is closed" in capsys.readouterr().err


def test_closed_stdin_in_a_real_process():
    result = subprocess.run(
        [sys.executable, "-m", "policytext", "analyze", "-"],
        stdin=subprocess.DEVNULL,
        capture_output=True,
        text=True,
        preexec_fn=lambda: os.close(0),
        check=False,
    )
    assert result.returncode == 1 and "Traceback" not in result.stderr
    assert "standard input is closed" in result.stderr


def test_stdin_bytes_are_read_as_a_file_is(capsys, monkeypatch, tmp_path):
    path = tmp_path / "bad.txt"
    path.write_bytes(UNDECODABLE)
    assert main(["analyze", str(path)]) == 1
    from_path = capsys.readouterr().err
    _stdin(monkeypatch, UNDECODABLE)
    assert main(["analyze", "-"]) == 1
    assert capsys.readouterr().err == from_path.replace(str(path), "<stdin>")
    _stdin(monkeypatch, "一是加强领导。二是完善机制。".encode("gb18030"))
    assert main(["analyze", "-", "--format", "json"]) == 0
    assert json.loads(capsys.readouterr().out)["text"] == "一是加强领导。二是完善机制。"


def test_encoding_option(capsys, tmp_path):
    path = tmp_path / "big5.txt"
    path.write_bytes("一是加強領導。二是完善機制。".encode("big5"))
    assert main(["analyze", str(path), "--encoding", "big5", "--format", "json"]) == 0
    assert json.loads(capsys.readouterr().out)["text"] == "一是加強領導。二是完善機制。"
    with pytest.raises(SystemExit) as stop:
        main(["analyze", str(path), "--encoding", "klingon"])
    assert stop.value.code == 2
    assert "expected 'auto' or a Python codec name" in capsys.readouterr().err


def test_csv_keeps_its_header_when_the_first_file_is_unreadable(capsys, tmp_path):
    missing = str(tmp_path / "missing.txt")
    assert main(["analyze", missing, ESSAY, "--format", "csv", "--table", "slogans"]) == 1
    rows = list(csv.reader(io.StringIO(capsys.readouterr().out)))
    assert rows[0][:3] == ["file", "slogan", "kind"] and len(rows) == 1 + 6


def test_csv_cells_that_would_run_as_formulas_are_neutralised(capsys, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    path = Path("@list.txt")
    path.write_text("=HYPERLINK(1)。\n+86电话。\n-3度。\n@某人。\n正常。", encoding="utf-8")
    assert main(["analyze", str(path), "--format", "csv", "--table", "sentences"]) == 0
    rows = list(csv.DictReader(io.StringIO(capsys.readouterr().out)))
    assert [row["text"] for row in rows] == [
        "'=HYPERLINK(1)。",
        "'+86电话。",
        "'-3度。",
        "'@某人。",
        "正常。",
    ]
    assert {row["file"] for row in rows} == {"'@list.txt"}
    assert [row["start"] for row in rows] == ["0", "15", "22", "27", "32"]


def test_min_score_option_keeps_the_surer_groups(capsys):
    counts = {}
    for value in ("0", "0.9"):
        assert main(["analyze", ESSAY, "--format", "json", "--min-score", value]) == 0
        groups = json.loads(capsys.readouterr().out)["parallels"]
        assert all(g["score"] >= float(value) for g in groups)
        counts[value] = len(groups)
    assert counts["0"] > counts["0.9"] > 0
    with pytest.raises(SystemExit) as stop:
        main(["analyze", ESSAY, "--min-score", "1.5"])
    assert stop.value.code == 2
    assert (
        "expected a score between 0 and 1 (e.g. 0.8) or a kind of text" in capsys.readouterr().err
    )
    assert main(["analyze", ESSAY, "--format", "json", "--min-score", "report"]) == 0
    groups = json.loads(capsys.readouterr().out)["parallels"]
    assert all(g["score"] >= pt.parallels.genre_min_score("report") for g in groups)
    with pytest.raises(SystemExit) as stop:
        main(["analyze", ESSAY, "--min-score", "reports"])
    assert "(normative, report), got 'reports'" in capsys.readouterr().err


def test_bad_top_k_says_what_it_expected(capsys):
    for value in ("x", "0", "-2"):
        with pytest.raises(SystemExit) as stop:
            main(["themes", ESSAY, "--top-k", value])
        assert stop.value.code == 2
        assert f"expected a whole number of at least 1 (e.g. 10), got '{value}'" in (
            capsys.readouterr().err
        )


def test_default_report_reads_for_a_person(capsys, monkeypatch):
    from policytext import model_store as models

    monkeypatch.setattr(models, "is_installed", lambda *args, **kwargs: False)
    assert main(["analyze", ESSAY]) == 0
    out = capsys.readouterr().out
    assert (
        "\n    1 一要 圍繞核心 [638:1023]\n      一要圍繞核心。" in out
    )  # item text below its line
    assert "Parallel structures (" in out
    assert ": 圍繞核心 | 服務中心 | 突出重心 | 凝聚人心 | 團結一心" in out
    assert "Slogans (6)" in out
    assert "“五送” (numbered_formula, 5) = 送政策、送技能、送維權、送安全、送健康" in out
    assert "Themes: (the segmentation model is not installed" in out


def test_default_report_has_themes_when_the_model_is_installed(capsys, model_dir):
    import policytext as pt

    assert main(["analyze", ESSAY]) == 0
    out = capsys.readouterr().out
    with open(ESSAY, encoding="utf-8") as handle:
        top = [term for term, _ in pt.analyze(handle.read()).themes(3)]
    assert "\nThemes: " + ", ".join(top[:1]) in out and top[0] == "工會"
    line = out.split("\nThemes: ", 1)[1].splitlines()[0]
    assert [entry.split(" ")[0] for entry in line.split(", ")][:3] == top


def test_documents_in_other_formats(capsys, tmp_path):
    pytest.importorskip("docx")
    pytest.importorskip("bs4")
    pytest.importorskip("pypdf")
    from tests.test_readers import make_documents

    paths = make_documents(tmp_path)
    assert main(["analyze", *map(str, paths), "--format", "json"]) == 0
    documents = json.loads(capsys.readouterr().out)
    assert [d["text"] for d in documents] == [pt.read(p) for p in paths]
    assert [len(d["enumerations"][0]["items"]) for d in documents] == [2, 2, 2]
