"""Traditional/Simplified conversion, the length-preserving view and script detection."""

from __future__ import annotations

from pathlib import Path

import pytest

import policytext as pt


def test_conversion_both_ways():
    assert pt.to_simplified("工會組織作用發揮經驗交流") == "工会组织作用发挥经验交流"
    assert pt.to_traditional("工会组织作用发挥经验交流") == "工會組織作用發揮經驗交流"
    # phrase-aware: 干部 -> 幹部, 发展 -> 發展
    assert pt.to_traditional("干部发展") == "幹部發展"


def test_simplified_view_preserves_length_and_offsets(essay):
    view = pt.simplified_view(essay)
    assert len(view) == len(essay)
    assert view.startswith("工会组织作用发挥经验交流")
    # every character maps one for one; punctuation and ASCII are untouched
    for original, simplified in zip(essay, view, strict=True):
        if original.isascii() or not original.isalnum():
            assert original == simplified


def test_simplified_view_agrees_with_opencc_on_the_essay(essay):
    view = pt.simplified_view(essay)
    reference = pt.to_simplified(essay)
    assert len(reference) == len(essay)
    differing = sum(a != b for a, b in zip(view, reference, strict=True))
    assert differing <= len(essay) // 500


@pytest.mark.parametrize(
    ("text", "script"),
    [
        ("工會組織作用發揮經驗交流", "traditional"),
        ("工会组织作用发挥经验交流", "simplified"),
        ("工會組織作用发挥经验交流", "mixed"),
        ("一二三 abc 123", "unknown"),
        ("", "unknown"),
    ],
)
def test_detect_script(text, script):
    assert pt.detect_script(text) == script


def test_essay_is_traditional(essay):
    assert pt.detect_script(essay) == "traditional"
    assert pt.analyze(essay).script == "traditional"
    assert pt.detect_script(pt.to_simplified(essay)) == "simplified"


@pytest.mark.parametrize("bad", [b"\xe5\xb7\xa5", None, 3, ["工"]])
def test_non_str_is_refused(bad):
    for function in (pt.to_simplified, pt.to_traditional, pt.simplified_view, pt.detect_script):
        with pytest.raises(TypeError, match=type(bad).__name__):
            function(bad)


def test_bytes_message_says_decode():
    with pytest.raises(TypeError, match="decode"):
        pt.split_sentences(b"abc")


def _translated(text: str) -> str:
    """The view by str.translate alone (the short-text path) as the reference."""
    from policytext.script import _character_tables

    return text.translate(_character_tables()[0])


def test_the_code_point_table_gives_the_translate_view_on_every_corpus_document():
    from policytext.script import _character_view

    from .conftest import shared_path

    paths = sorted(shared_path("corpora").rglob("*.txt"))
    assert len(paths) >= 280
    for path in paths:
        text = path.read_text(encoding="utf-8")
        assert _character_view(text) == _translated(text), path.name


@pytest.mark.parametrize(
    "text",
    [
        "國家發展" * 100,  # long: the table
        "國家發展",  # short: translate
        "\ud800孤立代理\udfff" * 80,  # lone surrogates survive
        "𠮷野家🙂與𡈽地" * 60,  # beyond the BMP, beyond the table
        "\x00\u3000\U0010ffff體" * 90,
    ],
)
def test_the_code_point_table_on_edge_characters(text):
    view = pt.simplified_view(text)
    assert view == _translated(text) and len(view) == len(text)


def test_the_shipped_phrase_readings_are_those_of_the_installed_dictionaries():
    from policytext.data import __file__ as data_init
    from policytext.script import PHRASE_READINGS, compute_phrase_readings, shipped_phrase_readings
    from tools.build_phrase_readings import dumps, table

    shipped = shipped_phrase_readings()
    assert shipped is not None, (
        "OpenCC's dictionaries changed: python -m tools.build_phrase_readings"
    )
    assert shipped == compute_phrase_readings()
    assert "著" in shipped and "鍊" in shipped  # 著作 stays 著, 資金鍊 reads 资金链
    written = (Path(data_init).parent / PHRASE_READINGS).read_text(encoding="utf-8")
    assert written == dumps(table())


def test_simplified_view_reads_phrases_at_both_ends_of_the_text():
    from policytext.script import _character_view

    text = "瞭解資金鍊" * 100 + "瞭解"
    view = pt.simplified_view(text)
    assert view == "了解资金链" * 100 + "了解"
    assert view != _character_view(text)
