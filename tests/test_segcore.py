"""The compiled segmentation core: the same words as spacy_pkuseg, from verified arrays."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import textwrap

import numpy as np
import pytest

from policytext import segcore
from policytext.script import simplified_view
from policytext.tokenizer import Segmenter, policy_terms

from .conftest import shared_path

core_module = pytest.importorskip("policytext._segcore", reason="the compiled core is not built")


@pytest.fixture(scope="module")
def both(model_dir):
    """The compiled core and spacy_pkuseg, each with the shipped policy terms."""
    return Segmenter(model_dir, backend="core"), Segmenter(model_dir, backend="pkuseg")


def test_identical_words_on_every_corpus_document(both):
    """Every document of ../shared/corpora: the same word offsets from both backends."""
    core, pkuseg = both
    assert core.backend == "core" and pkuseg.backend == "pkuseg"
    assert (
        core.terms
        == pkuseg.terms
        == tuple(dict.fromkeys(simplified_view(t) for t in policy_terms()))
    )
    paths = sorted(shared_path("corpora").rglob("*.txt"))
    chars = 0
    differing = []
    for path in paths:
        view = simplified_view(path.read_text(encoding="utf-8"))
        chars += len(view)
        if core.spans(view) != pkuseg.spans(view):
            differing.append(path.name)
    assert len(paths) >= 280 and chars > 2_500_000
    assert differing == []


HARD_CASES = [
    "",
    "工会",
    "一",
    "2024年第3季度GDP增长5.2%，ＡＢＣ公司和ｘｙｚ集团签约。",
    "a-b.c_d,e|f/g*h:i&j **Num **Letter **noWord",
    "几十万亿元 零点五 十二五 １２３４５％ 三千",
    "𠮷野家和𡈽地 🙂 表情𝄞符号",  # beyond the BMP
    "北京\u3000上海\t广州\n深圳\x1c杭州\x85南京\u2028苏州",
    "\x00空字符\x00",
    "孤立\ud800代理\udfff字符",  # lone surrogates
    "(*´ω`*) 金** *** ******",
    "全面建成小康社会，坚持和发展中国特色社会主义，推进全面从严治党。",
    "中国特色社会主义市场经济体制和中国特色社会主义",
    "小康社" + "会" * 3 + "科学发展观科学发展",
]


@pytest.mark.parametrize("text", HARD_CASES)
def test_identical_words_on_hard_cases(both, text):
    core, pkuseg = both
    view = simplified_view(text)
    assert core.spans(view) == pkuseg.spans(view)


def test_terms_match_like_spacy_pkuseg(model_dir):
    """pkuseg's dictionary pass keeps walking past a term's end; the core does the same."""
    core = Segmenter(model_dir, backend="core")
    pkuseg = Segmenter(model_dir, backend="pkuseg")
    terms = ["数字经济", "数字经济发展规划", "经济", "规划纲要"]
    for seg in (core, pkuseg):
        seg.add_terms(terms)
    for text in ["数字经济发展的规划纲要", "推进数字经济发展规", "数字经济", "经济规划纲要数字"]:
        assert core.spans(text) == pkuseg.spans(text)
    # the walk past 数字经济 into 发展 gives one piece 数字经济发展 in both
    assert (0, 6) in core.spans("数字经济发展的规划纲要")


def test_the_fallback_gives_the_same_tokens_with_one_warning(model_dir):
    """Without the extension policytext says so once and still tokenises, identically."""
    script = textwrap.dedent(
        """
        import sys, warnings
        if sys.argv[1] == "hidden":
            sys.modules["policytext._segcore"] = None  # as where it was never built
        with warnings.catch_warnings(record=True) as caught:
            warnings.simplefilter("always")
            import policytext as pt
            from policytext.tokenizer import segmenter
            words = [(t.start, t.end) for t in pt.tokenize(open(sys.argv[2]).read())]
            pt.tokenize("再来一次")
        notices = [w for w in caught if "spacy_pkuseg" in str(w.message)]
        print(segmenter().backend, len(notices), words)
        """
    )
    essay = os.path.join(os.path.dirname(__file__), "..", "corpora", "reference_essay.txt")
    outputs = {}
    for mode, env in (("hidden", {}), ("forced", {segcore.BACKEND_ENV: "pkuseg"}), ("core", {})):
        result = subprocess.run(
            [sys.executable, "-c", script, mode, essay],
            capture_output=True,
            text=True,
            check=True,
            env={**os.environ, **env},
        )
        backend, notices, words = result.stdout.split(" ", 2)
        outputs[mode] = (backend, int(notices), words)
    assert outputs["hidden"][:2] == ("pkuseg", 1)
    assert outputs["forced"][:2] == ("pkuseg", 0)  # asked for: no warning
    assert outputs["core"][:2] == ("core", 0)
    assert outputs["hidden"][2] == outputs["forced"][2] == outputs["core"][2]
    assert len(outputs["core"][2]) > 10_000


def test_a_bad_backend_name_is_a_clear_error(model_dir):
    with pytest.raises(ValueError, match="backend"):
        Segmenter(model_dir, backend="fast")


@pytest.fixture
def core_copy(model_dir, tmp_path):
    """A model directory of links to the real model files and a copy of its converted arrays."""
    segcore.load_core(model_dir)  # converted if it was not yet
    for name in segcore.SOURCES:
        os.symlink(model_dir / name, tmp_path / name)
    shutil.copytree(segcore.core_dir(model_dir), segcore.core_dir(tmp_path))
    return tmp_path


def test_arrays_are_checked_before_use(core_copy):
    assert segcore.load_core(core_copy, convert_missing=False).spans("工会组织") == [(0, 2), (2, 4)]
    path = segcore.core_dir(core_copy) / "nodemap.npy"
    data = bytearray(path.read_bytes())
    data[-1] ^= 1
    path.write_bytes(bytes(data))
    with pytest.raises(segcore.CoreUnavailable, match=r"nodemap in .* failed its sha256"):
        segcore.load_core(core_copy, convert_missing=False)


def test_arrays_of_another_model_file_are_not_used(core_copy):
    manifest_path = segcore.core_dir(core_copy) / segcore.CORE_MANIFEST
    manifest = json.loads(manifest_path.read_text(encoding="utf-8"))
    manifest["source"]["weights.npz"]["size"] += 1
    manifest_path.write_text(json.dumps(manifest), encoding="utf-8")
    with pytest.raises(segcore.CoreUnavailable, match="out of date"):
        segcore.load_core(core_copy, convert_missing=False)


def test_arrays_are_mapped_read_only(core_copy):
    arrays, _ = segcore.open_arrays(core_copy)
    for name in segcore.ARRAYS:
        assert isinstance(arrays[name], np.memmap) and not arrays[name].flags.writeable, name


def test_feature_strings_become_exact_keys():
    nodes = segcore._Nodes()
    words = {segcore.NO_WORD: 0, "发展": 5, "": 9}
    key = core_module.feature_key
    t = core_module.FEATURE_TYPES
    han, nian = ord("发") + 1, ord("年") + 1
    cases = {
        "c.发": [key(t["c"], han)],
        "c-2.**Letter": [key(t["c-2"], segcore.LETTER_ID)],
        "c-1c.**Num.年": [key(t["c-1c"], segcore.NUM_ID, nian)],
        "w1.发展": [key(t["w1"], 5)],
        "ww.l.**noWord*发展": [key(t["ww.l"], 0, 5)],
        "ww.r.*发展": [key(t["ww.r"], 9, 5)],  # "" beyond the text's end is a word
        "c.-": [],  # keyword characters are renamed before features are built
        "c.1": [],  # digits are **Num
        "w-1.未知": [],
        "xx.发": [],
    }
    for feature, expected in cases.items():
        assert segcore._feature_keys(feature, nodes, words, core_module) == expected, feature
    assert len({k for keys in cases.values() for k in keys}) == 6


def test_repeated_keys_are_refused():
    keys = np.array([5, 7, 5], dtype=np.uint64)
    with pytest.raises(ValueError, match="repeated"):
        core_module.build_table(keys, np.arange(3, dtype=np.int32), 8)
    table, values = core_module.build_table(keys[:2], np.arange(2, dtype=np.int32), 8)
    assert sorted(table[table != 0].tolist()) == [5, 7] and sorted(values[values >= 0]) == [0, 1]
