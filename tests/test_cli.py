"""The command line, run in-process and as ``python -m policytext``."""

from __future__ import annotations

import json
import subprocess
import sys

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


def test_undecodable_file_is_reported(capsys, tmp_path):
    path = tmp_path / "gbk.txt"
    path.write_bytes("工会".encode("gbk"))
    assert main(["analyze", str(path)]) == 1
    assert "cannot read" in capsys.readouterr().err


def test_csv_and_html_formats(capsys, tmp_path):
    assert main(["analyze", ESSAY, ESSAY, "--format", "csv", "--table", "slogans"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[0].startswith("file,slogan,kind,count") and len(lines) == 1 + 2 * 6
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
