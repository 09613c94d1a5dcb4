"""Simplified reports and their Traditional conversion give the same structure (issue 20).

The analysis reads the length-preserving Simplified view of its text; OpenCC's
phrase conversion turns some characters into ones the character table alone reads
otherwise (资金链 → 資金鍊, 鍊 alone reads 炼), so the view reads them as the phrase
says. Checked on a sample of the reports (each takes a few seconds), Sichuan included.
"""

from __future__ import annotations

import pytest

import policytext as pt
from tests.conftest import shared_path

REPORTS = [
    "gwr_provincial_2026/2026_gwr_sichuan.txt",
    "gwr_provincial_2026/2026_gwr_guangdong.txt",
    "gwr_cpc_wikisource/gwr_1957.txt",
    "gwr_cpc_wikisource/gwr_2019.txt",
    "gwr_cpc_wikisource/cpc_congress_11_report_1977.txt",
]


def _structure(doc: pt.PolicyDoc) -> dict:
    """The structure results with their offsets (texts differ in script by design)."""

    def offsets(value):
        if isinstance(value, pt.Span):
            return (value.start, value.end, value.label)
        if isinstance(value, tuple):
            return tuple(offsets(v) for v in value)
        if hasattr(value, "to_dict"):
            return {
                k: offsets(getattr(value, k))
                for k in value.__dataclass_fields__
                if k not in ("shared", "text")
            }
        return value

    layers = ("paragraphs", "sentences", "clauses", "enumerations", "parallels", "slogans")
    return {layer: offsets(getattr(doc, layer)) for layer in layers}


def test_view_reads_phrase_conversions_back():
    simplified = "促进创新链、产业链、资金链、人才链深度融合，了解情况，锻炼队伍，答复意见。"
    traditional = pt.to_traditional(simplified)
    assert "鍊" in traditional and "瞭" in traditional
    assert pt.simplified_view(traditional) == simplified


@pytest.mark.parametrize("name", REPORTS)
def test_traditional_twin_has_the_same_structure(name):
    text = shared_path("corpora", name).read_text(encoding="utf-8")
    twin = pt.to_traditional(text)
    assert len(twin) == len(text)
    assert _structure(pt.analyze(twin)) == _structure(pt.analyze(text))
