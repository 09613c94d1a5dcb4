"""Bad, hostile and huge input: clear errors, valid results, linear time."""

from __future__ import annotations

import itertools
import multiprocessing
import time

import pytest

import policytext as pt
from tests.support.invariants import assert_valid
from tests.support.timing import growth_ratio

TEXT_FUNCTIONS = [
    pt.analyze,
    pt.PolicyDoc,
    pt.split_paragraphs,
    pt.split_sentences,
    pt.split_clauses,
    pt.find_enumerations,
    pt.find_parallels,
    pt.find_slogans,
    pt.to_simplified,
    pt.to_traditional,
    pt.detect_script,
    pt.simplified_view,
    pt.tokenize,
]


@pytest.mark.parametrize("function", TEXT_FUNCTIONS, ids=lambda f: f.__name__)
@pytest.mark.parametrize("bad", [b"\xe5\xb7\xa5", bytearray(b"x"), None, 3, 2.5, ["工"], {"a": 1}])
def test_non_str_is_a_type_error(function, bad):
    with pytest.raises(TypeError, match=type(bad).__name__):
        function(bad)


@pytest.mark.parametrize("function", TEXT_FUNCTIONS, ids=lambda f: f.__name__)
def test_bytes_say_decode(function):
    with pytest.raises(TypeError, match="decode"):
        function("工会".encode())


def test_bad_parameters_are_value_or_type_errors():
    doc = pt.analyze("工会要维护职工权益。")
    with pytest.raises(ValueError):
        doc.themes(top_k=0)
    with pytest.raises(ValueError):
        doc.themes(top_k=-3)
    with pytest.raises(TypeError):
        doc.themes(top_k=True)
    with pytest.raises(ValueError):
        doc.themes(by="chapter")
    with pytest.raises(TypeError):
        pt.add_terms([b"bytes"], model="/nonexistent")
    with pytest.raises(ValueError):
        pt.top_terms(None, 0, [])
    with pytest.raises(TypeError, match="int"):
        pt.load(model=123)
    with pytest.raises(TypeError, match="single string"):
        pt.add_terms("放管服")


HOSTILE = {
    "empty": "",
    "whitespace": " \t\u3000\n\r\n  ",
    "punctuation-only": "。。，，、、；；！！？？“”‘’（）《》……——",
    "no-punctuation": "工会组织发挥作用维护职工权益" * 3000,
    "unbalanced": "“一是加强。”二是完善“。‘送政策、送技能”、送维权（未闭合。《书名",
    "controls": "工会\x00\x01\x07组织。\x1b[31m一是\x7f加强。二是完善。\x0c三是落实。",
    "carriage-returns": "一是加强。\r二是完善。\r\r三是落实。",
    "line-separators": "一是加强。\u2028二是完善。\u2029三是落实。\x85四是推进。",
    "zero-width": "一\u200b是加强。二\u200d是完善。\ufeff送\u200c政策、送技能、送维权。",
    "surrogates": "工会\ud800组织。一是加强\udfff。二是完善。",
    "combining": "工会\u0301组织\u0308。一是加强。二是完善。",
    "emoji": "🎉一是加强👍。二是完善🚀。送政策、送技能、送维权😀。",
    "fullwidth-ascii": "ＡＢＣ１２３．一是加强。２．完善机制。",
    "mixed-scripts": "発展は重要です。發展是硬道理。发展是第一要务。Development matters. 一是加強。二是完善。",
    "html-debris": "<p>一是加强。</p><br/>二是完善。&nbsp;&amp;<script>x</script>",
    "deep-brackets": "（" * 2000 + "一是加强。" + "）" * 2000,
}


@pytest.mark.parametrize("name", list(HOSTILE))
def test_hostile_text_gives_valid_results(name):
    text = HOSTILE[name]
    doc = pt.analyze(text)
    assert_valid(doc)
    assert pt.to_simplified(text).__class__ is str and pt.detect_script(text) in {
        "traditional",
        "simplified",
        "mixed",
        "unknown",
    }


@pytest.mark.parametrize(
    "name", ["surrogates", "controls", "zero-width", "emoji", "no-punctuation"]
)
def test_hostile_text_tokenizes(name, model_dir):
    text = HOSTILE[name]
    tokens = pt.tokenize(text)
    for token in tokens:
        assert text[token.start : token.end] == token.text
    assert all(a.end <= b.start for a, b in itertools.pairwise(tokens))


N = 30_000
ADVERSARIAL = {
    "marker-run": "一是" * (N // 2),
    "paren-marker-run": "（一）" * (N // 3),
    "nested-brackets": "（" * (N // 2) + "深" + "）" * (N // 2),
    "commas": "，" * N,
    "enumeration-commas": "、" * N,
    "open-quotes": "“" * N,
    "ellipsis": "…" * N,
    "dotted-numbers": "1." * (N // 2),
    "newlines": "\n" * N,
    "marker-lines": "一是\n" * (N // 3),
    "identical-sentences": "在思想上，要统一认识。" * (N // 11),
    "phrase-list": "送政策、" * (N // 4),
    "no-punctuation": "工会组织发挥作用" * (N // 8),
}


def _structure_seconds(text: str) -> float:
    start = time.perf_counter()
    doc = pt.analyze(text)
    for layer in ("paragraphs", "sentences", "clauses", "enumerations", "parallels", "slogans"):
        getattr(doc, layer)
    return time.perf_counter() - start


@pytest.mark.parametrize("name", list(ADVERSARIAL))
def test_adversarial_input_takes_time_like_plain_text(name):
    text = ADVERSARIAL[name]
    plain = ("工会组织要发挥作用，维护职工合法权益。" * (len(text) // 19 + 1))[: len(text)]
    baseline = min(_structure_seconds(plain) for _ in range(2))
    took = _structure_seconds(text)
    assert took <= 20 * baseline + 0.5, (
        f"{name}: {took:.2f}s against {baseline:.2f}s for plain text"
    )
    assert_valid(pt.analyze(text[:3000]))


def _first_use(home: str, log: str, ready) -> None:  # runs in a child process
    import os

    os.environ["POLICYTEXT_HOME"] = home
    from tests.test_model_store import install_fake_index

    install_fake_index(log)
    ready.wait()
    from policytext import model_store

    model_store.ensure_model()


def test_concurrent_first_use_downloads_once(tmp_path):
    context = multiprocessing.get_context("fork")
    ready = context.Event()
    log = tmp_path / "downloads.log"
    processes = [
        context.Process(target=_first_use, args=(str(tmp_path / "home"), str(log), ready))
        for _ in range(2)
    ]
    for process in processes:
        process.start()
    ready.set()
    for process in processes:
        process.join(60)
        assert process.exitcode == 0
    assert log.read_text().count("download") == 1
    import os

    os.environ["POLICYTEXT_HOME"] = str(tmp_path / "home")
    try:
        from policytext import model_store

        assert model_store.is_installed(model_store.default_model_dir())
    finally:
        del os.environ["POLICYTEXT_HOME"]


# --- linear growth (issue 20): time at n and 4n characters, as a ratio -------------------

GROWTH_N = 50_000
#: 4n takes at most this many times n (linear is 4, quadratic 16)
GROWTH_RATIO = 6
#: cases measured above issue 20's bar of 6 (still far below quadratic): none since the
#: splitter looks for addresses only where a "." or "://" is ("domains" measured 3.6)
ABOVE_THE_BAR: dict[str, float] = {}


def _wrapped_with_closers(n: int) -> str:
    """Hard-wrapped text with one line of ``n`` closing quotes (and a last character)."""
    body = "\n".join(["工会组织要发挥作用维护职工合法权益推进改革发展稳定大局，"] * 20)
    return f"{body}\n{'”' * n}甲”\n{body}"


def _many_groups(n: int) -> pt.PolicyDoc:
    """About ``n`` characters, one parallel group and one enumeration a line (thousands
    of groups), its layers already computed so that only the view is timed."""
    line = "{}号文件要求送政策、送技能、送维权。一是加强领导。二是完善机制。\n"
    doc = pt.analyze("".join(line.format(i) for i in range(n // len(line))))
    for layer in ("paragraphs", "sentences", "enumerations", "parallels", "slogans"):
        getattr(doc, layer)
    return doc


def _repeat(unit: str):
    return lambda n: unit * (n // len(unit))


#: name -> (input of about n characters, what is timed on it, n): quadratic time shows
#: well below these sizes (the old layout took 50 s on 20,000 newlines after a （)
GROWTH_CASES = {
    "stray-closers": (lambda n: "（" * (n // 2) + "》" * (n // 2), pt.split_sentences),
    "domains": (_repeat("a.cn "), pt.split_sentences),
    "stops-and-commas": (_repeat("。，"), pt.split_sentences),
    "list-marker-periods": (_repeat("1."), pt.split_sentences),
    "decimals": (_repeat("增长3.5%，"), pt.split_sentences),
    "ellipsis-continued": (_repeat("工会……等"), pt.split_sentences),
    "open-bracket-newlines": (lambda n: "（" + "\n" * n + "x", pt.split_paragraphs, 50_000),
    "wrapped-closing-quotes": (_wrapped_with_closers, pt.split_sentences),
    "html-many-groups": (_many_groups, lambda doc: doc._repr_html_(), 35_000),
}


@pytest.mark.parametrize("name", list(GROWTH_CASES))
def test_time_grows_linearly(name, monkeypatch):
    make, function, *size = GROWTH_CASES[name]
    n = size[0] if size else GROWTH_N
    if name == "html-many-groups":  # the view without the themes (they need the model)
        monkeypatch.setattr("policytext.model_store.is_installed", lambda *args: False)
    small, large = make(n), make(4 * n)
    bound = ABOVE_THE_BAR.get(name, GROWTH_RATIO)
    ratio = growth_ratio(function, small, large, bound)
    assert ratio <= bound, f"{name}: 4n takes {ratio:.1f} times n"


@pytest.mark.parametrize(
    "text",
    [
        "\u200e\u200f" * 5,  # left-to-right and right-to-left marks
        "\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069\u061c",  # embeddings, isolates
        "\u00ad" * 7,  # soft hyphens
        "\u3164" * 4 + "\n\u3164\n\uffa0",  # Hangul fillers, which look like spaces
        " \u200e\u3000\u00ad\n\t\u3164 ",  # mixed with ordinary whitespace
    ],
)
@pytest.mark.parametrize("layout", ["auto", "lines", "wrapped"])
def test_invisible_only_text_gives_empty_results(text, layout):
    doc = pt.analyze(text, layout=layout)
    for layer in ("paragraphs", "sentences", "clauses", "enumerations", "parallels", "slogans"):
        assert getattr(doc, layer) == (), layer


def test_invisible_marks_at_the_edges_are_trimmed_inside_kept():
    text = "\u200f工会\u00ad组织。\u3164"
    (sentence,) = pt.split_sentences(text)
    assert (sentence.start, sentence.end) == (1, 7)
