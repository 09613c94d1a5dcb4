"""The compiled twins of the layers' modules (``policytext._twins``) give what the Python
modules give, and only a twin built from a module's current source is loaded."""

from __future__ import annotations

import hashlib
import importlib.util
import json
import random
import sys
from pathlib import Path

import pytest

import policytext as pt
from policytext import _twins
from tests.support.pure_python import run_pure_python

from .conftest import shared_path

ROOT = Path(__file__).resolve().parent.parent

#: pieces the generated texts are built of: shared openings, endings and frames, marks
PIECES = (
    *[
        "送政策",
        "送技能",
        "送健康",
        "坚持",
        "推进",
        "加快",
        "建设",
        "发展",
        "体系",
        "机制",
        "是",
        "也是",
        "既",
        "又",
        "更加",
        "和",
        "及",
        "等",
        "我们要",
    ],
    *[
        "甲乙",
        "丙丁",
        "新型工业化",
        "城镇化",
        "从严治党",
        "一是",
        "二是",
        "在思想上",
        "“四个自信”",
        "《纲要》",
    ],
)
MARKS = ("、", "、", "，", "，", "；", "。", "：", "")


def _generated_texts(count: int, seed: int = 19) -> list[str]:
    """Texts of short pieces and marks, so that units share material often (fixed seed)."""
    rng = random.Random(seed)
    texts = []
    for _ in range(count):
        parts = []
        for _ in range(rng.randint(3, 40)):
            parts.append(rng.choice(PIECES) + rng.choice(PIECES)[: rng.randint(0, 3)])
            parts.append(rng.choice(MARKS))
            if rng.random() < 0.05:
                parts.append("\n")
        texts.append("".join(parts))
    return texts


def _development_texts() -> list[str]:
    """The essay and the development documents of one shared corpus, in both scripts."""
    corpus = shared_path("corpora", "gwr_cpc_wikisource")
    texts = [(ROOT / "corpora" / "reference_essay.txt").read_text(encoding="utf-8")]
    texts += [p.read_text(encoding="utf-8") for p in sorted(corpus.glob("*.txt"))[:12]]
    return texts + [pt.to_traditional(t) for t in texts]


def _layers(texts: list[str]) -> list[dict]:
    """Every structure layer of each text (``analyze(text).to_dict()`` but the text)."""
    return [{k: v for k, v in pt.analyze(t).to_dict().items() if k != "text"} for t in texts]


def test_twins_give_the_layers_the_python_modules_give():
    pt.analyze("送政策、送技能、送健康。").parallels  # noqa: B018 (every layer imported)
    if not _twins.COMPILED:
        pytest.skip("no compiled twin is built from the current source")
    texts = _development_texts() + _generated_texts(400)
    script = (
        "import json, sys, policytext as pt\n"
        "from policytext import _twins\n"
        "texts = json.loads(sys.stdin.read())\n"
        "out = [{k: v for k, v in pt.analyze(t).to_dict().items() if k != 'text'} for t in texts]\n"
        "assert not _twins.COMPILED\n"
        "print(json.dumps(out, ensure_ascii=False))\n"
    )
    python = json.loads(run_pure_python(script, json.dumps(texts, ensure_ascii=False)))
    compiled = json.loads(json.dumps(_layers(texts), ensure_ascii=False))
    assert sum(len(layers["parallels"]) for layers in compiled) > 500  # groups to compare
    differing = [k for k, (a, b) in enumerate(zip(python, compiled, strict=True)) if a != b]
    assert not differing, f"{len(differing)} texts differ, first {differing[:5]}"


def test_a_loaded_twin_is_built_from_the_current_source():
    pt.analyze("送政策、送技能、送健康。").parallels  # noqa: B018
    for module, twin in _twins.COMPILED.items():
        path = ROOT / "policytext" / f"{module.replace('.', '/')}.py"
        digest = hashlib.sha256(path.read_bytes()).hexdigest()[:16]
        *package, name = f"policytext.{module}".split(".")
        assert twin.__name__ == ".".join([*package, f"_c_{name}_{digest}"])
        assert sys.modules[f"policytext.{module}"] is twin
        assert getattr(sys.modules[".".join(package)], name) is twin


def test_a_twin_of_another_source_is_not_found(tmp_path):
    """A module changed since the build: its twin's name no longer matches, the Python runs."""
    (tmp_path / "parallels").mkdir()
    for module in _twins.TWINS:
        path = tmp_path / f"{module.replace('.', '/')}.py"
        path.write_text("# changed\n", encoding="utf-8")
        name = _twins.twin_name(module, tmp_path)
        assert name != _twins.twin_name(module)
        assert importlib.util.find_spec(name) is None
    assert _twins.TwinFinder().find_spec("layout") is None  # not policytext's


def test_python_modules_are_kept_when_asked():
    script = (
        "from policytext import _twins, segment\n"
        "from policytext.parallels import grouping\n"
        "print(len(_twins.COMPILED), grouping.__file__.endswith('.py'), segment.__file__[-3:])\n"
    )
    assert run_pure_python(script).split() == ["0", "True", ".py"]
