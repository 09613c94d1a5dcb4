"""The tokenizer: pkuseg words on the Simplified view, offsets and surface of the original."""

from __future__ import annotations

import itertools
import subprocess
import sys
import textwrap

import pytest

import policytext as pt
from policytext.model_store import ModelError
from policytext.tokenizer import segmenter

pytestmark = pytest.mark.usefixtures("model_dir")


def test_tokens_point_into_the_original(essay):
    tokens = pt.tokenize(essay)
    assert len(tokens) > 1500
    for token in tokens:
        assert essay[token.start : token.end] == token.text
        assert token.norm == pt.simplified_view(token.text)
    assert tokens[0].text == "工會" and tokens[0].norm == "工会"
    assert all(a.end <= b.start for a, b in itertools.pairwise(tokens))


def test_policy_terms_stay_whole(essay):
    words = {t.text for t in pt.tokenize(essay)}
    assert {"工人階級", "三個代表", "科學發展觀", "小康社會", "農民工", "中國特色社會主義"} <= words


def test_same_words_in_both_scripts(essay):
    simplified = pt.to_simplified(essay)
    assert [(t.start, t.end, t.norm) for t in pt.tokenize(essay)] == [
        (t.start, t.end, t.norm) for t in pt.tokenize(simplified)
    ]


def test_users_add_their_own_terms():
    text = "推进智改数转工作"
    assert "智改数转" not in [t.text for t in pt.tokenize(text)]
    seg = segmenter()
    saved = seg.terms
    try:
        pt.add_terms(["智改數轉"])  # either script
        assert "智改数转" in [t.text for t in pt.tokenize(text)]
    finally:  # the segmenter is process-wide: later tests must see the shipped terms only
        seg.terms = ()
        seg.add_terms(saved)
    assert "智改数转" not in [t.text for t in pt.tokenize(text)]


@pytest.mark.parametrize("text", ["", "  \n", "\u3000"])
def test_empty_text(text):
    assert pt.tokenize(text) == ()


def test_spacy_language_keeps_the_original_text(essay):
    nlp = pt.load()
    assert pt.load() is nlp  # loaded once per process
    doc = nlp(essay)
    assert doc.text == essay
    assert [t.text for t in doc if not t.is_space][:3] == ["工會", "組織", "作用"]
    assert doc[0].norm_ == "工会"
    assert nlp.lang == "zh"


def test_spacy_whitespace_tokens():
    doc = pt.load()("北京 是首都\n\n上海。")
    assert doc.text == "北京 是首都\n\n上海。"
    assert doc[0].whitespace_ == " "


def test_a_model_directory_can_be_passed(model_dir):
    tokens = pt.tokenize("工会组织作用", model=model_dir)
    assert [t.text for t in tokens] == ["工会", "组织", "作用"]


def test_a_bad_model_directory_is_one_clear_error(tmp_path):
    with pytest.raises(ModelError, match=r"weights\.npz"):
        pt.tokenize("工会", model=tmp_path)


def test_works_from_the_cache_with_the_network_cut(model_dir):
    script = textwrap.dedent(
        """
        import socket, urllib.request, subprocess
        def refuse(*args, **kwargs):
            raise OSError("network cut")
        socket.socket.connect = refuse
        socket.create_connection = refuse
        urllib.request.urlopen = refuse
        import policytext as pt
        print(" ".join(t.text for t in pt.tokenize("工会组织作用发挥经验交流")))
        """
    )
    result = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, check=True
    )
    assert result.stdout.split() == ["工会", "组织", "作用", "发挥", "经验", "交流"]
