"""Consistency of the independently annotated parallel/slogan sets (issue 19).

The passages are offsets into ../shared/corpora. These checks keep each set on its side of the
document split (development or held out), its passages whole and apart from the other sets, and
its spans well formed, so a set can be scored without anyone reading its passages. They print
nothing about the passages (the held-out ones are not read while rules are written).
"""

from __future__ import annotations

import hashlib
import itertools
import re
from dataclasses import dataclass

import pytest

from tests.conftest import load_passages, passage_texts, shared_path
from tools.draw_passages import wrapped_files

OPENING = '“「‘"『'
CLOSING = '”」’"』'
SEPARATORS = "，、；。：,;:. \u3000\n"
#: a numbered formula opens with its numeral, inside its quotation marks when it has them
FORMULA_OPENING = re.compile(r"^[“「\"]?[0-9０-９一二两三四五六七八九十百千万双]")
#: the report folder whose files after the first 21 by name are held out
PROVINCIAL = "gwr_provincial_2026"
RECORD_KEYS = {"id", "part", "file", "start", "end", "groups", "slogans", "note"}
EARLIER = (
    "policy_parallel_passages.json",
    "parallel_passages.json",
    "independent_parallel_passages.json",
    "independent_parallel_passages_2.json",
    "heldout_parallel_passages.json",
)

#: every set annotated after the first five, in order: a later set keeps apart from them all
LATER = (
    *EARLIER,
    "heldout_parallel_passages_2.json",
    "independent_parallel_passages_4.json",
    "heldout_parallel_passages_3.json",
    "heldout_parallel_passages_3_report.json",
    "heldout_parallel_passages_4.json",
    "heldout_parallel_passages_4_report.json",
    "calibration_parallel_passages_5.json",
    "calibration_parallel_passages_5_report.json",
    "calibration_parallel_passages_6.json",
    "calibration_parallel_passages_6_report.json",
    "heldout_parallel_passages_5.json",
    "heldout_parallel_passages_5_report.json",
    "calibration_parallel_passages_7.json",
    "calibration_parallel_passages_7_report.json",
    "heldout_parallel_passages_6.json",
    "heldout_parallel_passages_6_report.json",
    "calibration_parallel_passages_8.json",
    "calibration_parallel_passages_8_report.json",
    "heldout_parallel_passages_7.json",
    "heldout_parallel_passages_7_report.json",
    "independent_parallel_passages_9.json",
    "heldout_parallel_passages_8.json",
    "heldout_parallel_passages_8_report.json",
    "heldout_parallel_passages_10.json",
    "heldout_parallel_passages_10_report.json",
    "heldout_parallel_passages_11.json",
    "heldout_parallel_passages_11_report.json",
    "calibration_parallel_passages_12.json",
    "calibration_parallel_passages_12_report.json",
    "independent_parallel_passages_13.json",
    "heldout_parallel_passages_14_report.json",
    "heldout_parallel_passages_14.json",
    "calibration_parallel_passages_15_report.json",
    "calibration_parallel_passages_15.json",
    "independent_parallel_passages_16_report.json",
    "independent_parallel_passages_16.json",
    "heldout_parallel_passages_17_report.json",
    "heldout_parallel_passages_17.json",
    "independent_parallel_passages_18_report.json",
    "heldout_parallel_passages_19_report.json",
    "heldout_parallel_passages_19.json",
    "independent_parallel_passages_20_report.json",
    "calibration_parallel_passages_21_report.json",
    "calibration_parallel_passages_21.json",
    "independent_parallel_passages_22_report.json",
    "calibration_parallel_passages_23_report.json",
    "calibration_parallel_passages_23.json",
    "independent_parallel_passages_24_report.json",
    "calibration_parallel_passages_25_report.json",
    "calibration_parallel_passages_25.json",
    "calibration_parallel_passages_26_report.json",
    "calibration_parallel_passages_26.json",
    "independent_parallel_passages_27_report.json",
    "calibration_parallel_passages_28_report.json",
    "calibration_parallel_passages_28.json",
    "independent_parallel_passages_29.json",
    "calibration_parallel_passages_30_report.json",
    "calibration_parallel_passages_30.json",
    "calibration_parallel_passages_31_report.json",
    "calibration_parallel_passages_31.json",
    "calibration_parallel_passages_32_report.json",
    "calibration_parallel_passages_32.json",
    "calibration_parallel_passages_33_report.json",
    "calibration_parallel_passages_33.json",
    "calibration_parallel_passages_34_report.json",
    "calibration_parallel_passages_34.json",
    "calibration_parallel_passages_35_report.json",
    "calibration_parallel_passages_35.json",
    "calibration_parallel_passages_36_report.json",
    "calibration_parallel_passages_37_report.json",
    "calibration_parallel_passages_37.json",
    "calibration_parallel_passages_38_report.json",
    "calibration_parallel_passages_39_report.json",
    "calibration_parallel_passages_39.json",
    "calibration_parallel_passages_40_report.json",
    "calibration_parallel_passages_41.json",
    "heldout_parallel_passages_42.json",
    "heldout_parallel_passages_42_report.json",
)


@dataclass(frozen=True)
class PassageSet:
    """One annotated set and what its annotator promised about it."""

    name: str
    prefix: str  # ids are prefix-NN, numbered from ``first``
    first: int
    count: int  # how many passages (at least, unless ``exact``)
    exact: bool
    lengths: tuple[int, int]
    heldout: bool  # which side of the document split its files are on
    others: tuple[str, ...]  # sets it must not overlap
    wrapped: int | None  # hard-wrapped files: None not sampled, -1 allowed, n exactly n
    per_file: int  # at most this many passages from one file
    seed: str | None = None  # the sampling seed its "about" names
    picks: bool = False  # notes open with how the passage was picked (random / cue)
    parts: tuple[str, str] | None = None  # (policy, report) part names; None: by the side

    def part_of(self, folder: str) -> str:
        policy, report = self.parts or ("policy" if self.heldout else "dev", "report")
        return policy if folder == "policy_docs" else report


SETS = (
    PassageSet(
        "independent_parallel_passages.json",
        "indep-par", 0, 60, False, (70, 400), False, EARLIER[:1], None, 99,
    ),
    PassageSet(
        "independent_parallel_passages_2.json",
        "indep2-par", 0, 60, False, (70, 400), False, EARLIER[:3], -1, 99,
    ),
    PassageSet(
        "independent_parallel_passages_4.json",
        "d4-dev", 1, 40, True, (100, 500), False,
        (*EARLIER, "heldout_parallel_passages_2.json"), 12, 1, "20261207", True,
    ),
    PassageSet(
        "heldout_parallel_passages_2.json",
        "heldout2-par", 0, 70, True, (100, 500), True, EARLIER, -1, 3, "20261204", True,
    ),
    PassageSet(
        "heldout_parallel_passages_3.json",
        "h3-policy", 1, 44, True, (100, 500), True,
        (*EARLIER, "heldout_parallel_passages_2.json", "independent_parallel_passages_4.json"),
        -1, 1, "20261205", True,
    ),
    PassageSet(
        "heldout_parallel_passages_3_report.json",
        "h3-report", 1, 25, True, (100, 500), True,
        (*EARLIER, "heldout_parallel_passages_2.json", "independent_parallel_passages_4.json"),
        None, 3, "20261206", True,
    ),
    PassageSet(
        "heldout_parallel_passages_4.json",
        "h4-policy", 1, 42, True, (100, 500), True, LATER[:9], -1, 1, "20261208", True,
    ),
    PassageSet(
        "heldout_parallel_passages_4_report.json",
        "h4-report", 1, 30, True, (100, 500), True, LATER[:10], None, 3, "20261209", True,
    ),
    PassageSet(
        "calibration_parallel_passages_5.json",
        "c5-policy", 1, 40, True, (100, 500), False, LATER[:11], 10, 1, "20261210", True,
        ("calibration", "calibration-report"),
    ),
    PassageSet(
        "calibration_parallel_passages_5_report.json",
        "c5-report", 1, 30, True, (100, 500), False, LATER[:12], None, 2, "20261211", True,
        ("calibration", "calibration-report"),
    ),
    PassageSet(
        "calibration_parallel_passages_6.json",
        "c6-policy", 1, 40, True, (100, 500), False, LATER[:13], 10, 1, "20261212", True,
        ("calibration", "calibration-report"),
    ),
    PassageSet(
        "calibration_parallel_passages_6_report.json",
        "c6-report", 1, 30, True, (100, 500), False, LATER[:14], None, 2, "20261213", True,
        ("calibration", "calibration-report"),
    ),
    PassageSet(
        "heldout_parallel_passages_5.json",
        "h5-policy", 1, 38, True, (100, 500), True, LATER[:15], -1, 1, "20261214", True,
    ),
    PassageSet(
        "heldout_parallel_passages_5_report.json",
        "h5-report", 1, 30, True, (100, 500), True, LATER[:16], None, 3, "20261215", True,
    ),
    PassageSet(
        "calibration_parallel_passages_7.json",
        "c7-policy", 1, 40, True, (100, 500), False, LATER[:17], 10, 1, "20261216", True,
        ("calibration", "calibration-report"),
    ),
    PassageSet(
        "calibration_parallel_passages_7_report.json",
        "c7-report", 1, 30, True, (100, 500), False, LATER[:18], None, 2, "20261217", True,
        ("calibration", "calibration-report"),
    ),
    PassageSet(
        "heldout_parallel_passages_6.json",
        "h6-policy", 1, 36, True, (100, 500), True, LATER[:19], -1, 1, "20261218", True,
    ),
    PassageSet(
        "heldout_parallel_passages_6_report.json",
        "h6-report", 1, 30, True, (100, 500), True, LATER[:20], None, 3, "20261219", True,
    ),
    PassageSet(
        "calibration_parallel_passages_8.json",
        "c8-policy", 1, 40, True, (100, 500), False, LATER[:21], 9, 1, "20261220", True,
        ("calibration", "calibration-report"),
    ),
    PassageSet(
        "calibration_parallel_passages_8_report.json",
        "c8-report", 1, 30, True, (100, 500), False, LATER[:22], None, 2, "20261221", True,
        ("calibration", "calibration-report"),
    ),
    PassageSet(
        "heldout_parallel_passages_7.json",
        "h7-policy", 1, 34, True, (100, 500), True, LATER[:23], -1, 1, "20261222", True,
    ),
    PassageSet(
        "heldout_parallel_passages_7_report.json",
        "h7-report", 1, 30, True, (100, 500), True, LATER[:24], None, 3, "20261223", True,
    ),
    PassageSet(
        "independent_parallel_passages_9.json",
        "d9-report", 1, 36, True, (100, 500), False, LATER[:25], None, 2, "20261226", True,
    ),
    PassageSet(
        "heldout_parallel_passages_8.json",
        "h8-policy", 1, 29, True, (100, 500), True, LATER[:26], -1, 1, "20261225", True,
    ),
    PassageSet(
        "heldout_parallel_passages_8_report.json",
        "h8-report", 1, 30, True, (100, 500), True, LATER[:27], None, 3, "20261224", True,
    ),
    PassageSet(
        "heldout_parallel_passages_10.json",
        "h10-policy", 1, 64, True, (100, 500), True, LATER[:28], -1, 3, "20261227", True,
    ),
    PassageSet(
        "heldout_parallel_passages_10_report.json",
        "h10-report", 1, 34, True, (100, 500), True, LATER[:29], None, 4, "20261228", True,
    ),
    PassageSet(
        "heldout_parallel_passages_11.json",
        "h11-policy", 1, 64, True, (100, 500), True, LATER[:30], -1, 3, "20261229", True,
    ),
    PassageSet(
        "heldout_parallel_passages_11_report.json",
        "h11-report", 1, 36, True, (100, 500), True, LATER[:31], None, 4, "20261230", True,
    ),
    PassageSet(
        "calibration_parallel_passages_12.json",
        "c12-policy", 1, 48, True, (100, 500), False, LATER[:32], 3, 1, "20261231", True,
        ("calibration", "calibration-report"),
    ),
    PassageSet(
        "calibration_parallel_passages_12_report.json",
        "c12-report", 1, 40, True, (100, 500), False, LATER[:33], None, 2, "20261232", True,
        ("calibration", "calibration-report"),
    ),
    PassageSet(
        "independent_parallel_passages_13.json",
        "d13-report", 1, 40, True, (100, 500), False, LATER[:34], None, 2, "20261233", True,
    ),
    PassageSet(
        "heldout_parallel_passages_14_report.json",
        "h14-report", 1, 48, True, (100, 500), True, LATER[:35], None, 6, "20261234", True,
    ),
    PassageSet(
        "heldout_parallel_passages_14.json",
        "h14-policy", 1, 32, True, (100, 500), True, LATER[:36], -1, 2, "20261235", True,
    ),
    PassageSet(
        "calibration_parallel_passages_15_report.json",
        "c15-report", 1, 48, True, (100, 500), False, LATER[:37], None, 3, "20261236", True,
        ("calibration", "calibration-report"),
    ),
    PassageSet(
        "calibration_parallel_passages_15.json",
        "c15-calibration", 1, 48, True, (100, 500), False, LATER[:38], -1, 1, "20261237", True,
        ("calibration", "calibration-report"),
    ),
    PassageSet(
        "independent_parallel_passages_16_report.json",
        "d16-report", 1, 48, True, (100, 500), False, LATER[:39], None, 3, "20261238", True,
    ),
    PassageSet(
        "independent_parallel_passages_16.json",
        "d16-dev", 1, 48, True, (100, 500), False, LATER[:40], -1, 1, "20261239", True,
    ),
    PassageSet(
        "heldout_parallel_passages_17_report.json",
        "h17-report", 1, 48, True, (100, 500), True, LATER[:41], None, 6, "20261240", True,
    ),
    PassageSet(
        "heldout_parallel_passages_17.json",
        "h17-policy", 1, 32, True, (100, 500), True, LATER[:42], -1, 2, "20261241", True,
    ),
    PassageSet(
        "independent_parallel_passages_18_report.json",
        "d18-report", 1, 48, True, (100, 500), False, LATER[:43], None, 3, "20261242", True,
    ),
    PassageSet(
        "heldout_parallel_passages_19_report.json",
        "h19-report", 1, 45, True, (100, 500), True, LATER[:44], None, 6, "20261250", True,
    ),
    PassageSet(
        "heldout_parallel_passages_19.json",
        "h19-policy", 1, 32, True, (100, 500), True, LATER[:45], 6, 2, "20261251", True,
    ),
    PassageSet(
        "independent_parallel_passages_20_report.json",
        "d20-report", 1, 48, True, (100, 500), False, LATER[:44], None, 3, "20261252", True,
    ),
    PassageSet(
        "calibration_parallel_passages_21_report.json",
        "c21-report", 1, 96, True, (100, 500), False, LATER[:47], None, 5, "20261260", True,
        ("calibration", "calibration-report"),
    ),
    PassageSet(
        "calibration_parallel_passages_21.json",
        "c21-policy", 1, 64, True, (100, 500), False, LATER[:48], 7, 1, "20261261", True,
        ("calibration", "calibration-report"),
    ),
    PassageSet(
        "independent_parallel_passages_22_report.json",
        "d22-report", 1, 48, True, (100, 500), False, LATER[:49], None, 1, "20261270", True,
    ),
    PassageSet(
        "calibration_parallel_passages_23_report.json",
        "c23-report", 1, 67, True, (100, 500), False, LATER[:50], None, 2, "20261310", True,
        ("calibration", "calibration-report"),
    ),
    PassageSet(
        "calibration_parallel_passages_23.json",
        "c23-policy", 1, 48, True, (100, 500), False, LATER[:51], 2, 2, "20261311", True,
        ("calibration", "calibration-report"),
    ),
    PassageSet(
        "independent_parallel_passages_24_report.json",
        "d24-report", 1, 48, True, (100, 500), False, LATER[:52], None, 2, "20261312", True,
    ),
    PassageSet(
        "calibration_parallel_passages_25_report.json",
        "c25-report", 1, 48, True, (100, 500), False, LATER[:53], None, 2, "20261320", True,
        ("calibration", "calibration-report"),
    ),
    PassageSet(
        "calibration_parallel_passages_25.json",
        "c25-policy", 1, 48, True, (100, 500), False, LATER[:54], 2, 2, "20261321", True,
        ("calibration", "calibration-report"),
    ),
    PassageSet(
        "calibration_parallel_passages_26_report.json",
        "c26-report", 1, 48, True, (100, 500), False, LATER[:55], None, 2, "20261330", True,
        ("calibration", "calibration-report"),
    ),
    PassageSet(
        "calibration_parallel_passages_26.json",
        "c26-policy", 1, 48, True, (100, 500), False, LATER[:56], 2, 2, "20261331", True,
        ("calibration", "calibration-report"),
    ),
    PassageSet(
        "independent_parallel_passages_27_report.json",
        "d27-report", 1, 48, True, (100, 500), False, LATER[:57], None, 2, "20261340", True,
    ),
    PassageSet(
        "calibration_parallel_passages_28_report.json",
        "c28-report", 1, 48, True, (100, 500), False, LATER[:58], None, 2, "20261341", True,
        ("calibration", "calibration-report"),
    ),
    PassageSet(
        "calibration_parallel_passages_28.json",
        "c28-policy", 1, 48, True, (100, 500), False, LATER[:59], 2, 2, "20261342", True,
        ("calibration", "calibration-report"),
    ),
    PassageSet(
        "independent_parallel_passages_29.json",
        "d29-dev", 1, 48, True, (100, 500), False, LATER[:60], 7, 2, "20261343", True,
    ),
    PassageSet(
        "calibration_parallel_passages_30_report.json",
        "c30-report", 1, 48, True, (100, 500), False, LATER[:61], None, 2, "20261350", True,
        ("calibration", "calibration-report"),
    ),
    PassageSet(
        "calibration_parallel_passages_30.json",
        "c30-policy", 1, 48, True, (100, 500), False, LATER[:62], 3, 2, "20261351", True,
        ("calibration", "calibration-report"),
    ),
    PassageSet(
        "calibration_parallel_passages_31_report.json",
        "c31-report", 1, 48, True, (100, 500), False, LATER[:63], None, 2, "20261360", True,
        ("calibration", "calibration-report"),
    ),
    PassageSet(
        "calibration_parallel_passages_31.json",
        "c31-policy", 1, 48, True, (100, 500), False, LATER[:64], 4, 2, "20261361", True,
        ("calibration", "calibration-report"),
    ),
    PassageSet(
        "calibration_parallel_passages_32_report.json",
        "c32-report", 1, 48, True, (100, 500), False, LATER[:65], None, 2, "20261370", True,
        ("calibration", "calibration-report"),
    ),
    PassageSet(
        "calibration_parallel_passages_32.json",
        "c32-policy", 1, 48, True, (100, 500), False, LATER[:66], 2, 2, "20261371", True,
        ("calibration", "calibration-report"),
    ),
    PassageSet(
        "calibration_parallel_passages_33_report.json",
        "c33-report", 1, 48, True, (100, 500), False, LATER[:67], None, 2, "20261380", True,
        ("calibration", "calibration-report"),
    ),
    PassageSet(
        "calibration_parallel_passages_33.json",
        "c33-policy", 1, 48, True, (100, 500), False, LATER[:68], 2, 2, "20261381", True,
        ("calibration", "calibration-report"),
    ),
    PassageSet(
        "calibration_parallel_passages_34_report.json",
        "c34-report", 1, 48, True, (100, 500), False, LATER[:69], None, 2, "20261390", True,
        ("calibration", "calibration-report"),
    ),
    PassageSet(
        "calibration_parallel_passages_34.json",
        "c34-policy", 1, 45, True, (100, 500), False, LATER[:70], 2, 2, "20261391", True,
        ("calibration", "calibration-report"),
    ),
    PassageSet(
        "calibration_parallel_passages_35_report.json",
        "c35-report", 1, 48, True, (100, 500), False, LATER[:71], None, 2, "20261400", True,
        ("calibration", "calibration-report"),
    ),
    PassageSet(
        "calibration_parallel_passages_35.json",
        "c35-policy", 1, 33, True, (100, 500), False, LATER[:72], 2, 2, "20261401", True,
        ("calibration", "calibration-report"),
    ),
    PassageSet(
        "calibration_parallel_passages_36_report.json",
        "c36-report", 1, 48, True, (100, 500), False, LATER[:73], None, 2, "20261410", True,
        ("calibration", "calibration-report"),
    ),
    PassageSet(
        "calibration_parallel_passages_37_report.json",
        "c37-report", 1, 48, True, (100, 500), False, LATER[:74], None, 2, "20261420", True,
        ("calibration", "calibration-report"),
    ),
    PassageSet(
        "calibration_parallel_passages_37.json",
        "c37-policy", 1, 29, True, (100, 500), False, LATER[:75], 2, 2, "20261421", True,
        ("calibration", "calibration-report"),
    ),
    PassageSet(
        "calibration_parallel_passages_38_report.json",
        "c38-report", 1, 48, True, (100, 500), False, LATER[:76], None, 2, "20261430", True,
        ("calibration", "calibration-report"),
    ),
    PassageSet(
        "calibration_parallel_passages_39_report.json",
        "c39-report", 1, 48, True, (100, 500), False, LATER[:77], None, 2, "20261440", True,
        ("calibration", "calibration-report"),
    ),
    PassageSet(
        "calibration_parallel_passages_39.json",
        "c39-policy", 1, 25, True, (100, 500), False, LATER[:78], 2, 2, "20261441", True,
        ("calibration", "calibration-report"),
    ),
    PassageSet(
        "calibration_parallel_passages_40_report.json",
        "c40-report", 1, 48, True, (100, 500), False, LATER[:79], None, 2, "20261450", True,
        ("calibration", "calibration-report"),
    ),
    PassageSet(
        "calibration_parallel_passages_41.json",
        "c41-policy", 1, 48, True, (100, 500), False, LATER[:80], 6, 6, "20261460", True,
        ("calibration", "calibration-report"),
    ),
    PassageSet(
        "heldout_parallel_passages_42.json",
        "h42-policy", 1, 48, True, (100, 500), True, LATER[:81], 10, 3, "20261470", True,
    ),
    PassageSet(
        "heldout_parallel_passages_42_report.json",
        "h42-report", 1, 48, True, (100, 500), True, LATER[:82], None, 7, "20261471", True,
    ),
)  # fmt: skip


@pytest.fixture(scope="module", params=SETS, ids=lambda s: s.prefix)
def passage_set(request: pytest.FixtureRequest) -> PassageSet:
    return request.param


@pytest.fixture(scope="module")
def data(passage_set: PassageSet) -> dict:
    return load_passages(passage_set.name)


@pytest.fixture(scope="module")
def texts(data: dict) -> list[tuple[dict, str]]:
    return list(passage_texts(data))


def _wrapped_files() -> set[str]:
    shared_path("corpora", "policy_docs", "SOURCES.md")
    return wrapped_files(shared_path("corpora"))


def _overlap(p: dict, q: dict) -> bool:
    return p["file"] == q["file"] and p["start"] < q["end"] and q["start"] < p["end"]


def test_ids_parts_size_and_provenance(data: dict, passage_set: PassageSet) -> None:
    passages = data["passages"]
    first = passage_set.first
    assert [p["id"] for p in passages] == [
        f"{passage_set.prefix}-{n:02d}" for n in range(first, first + len(passages))
    ]
    if passage_set.exact:
        assert len(passages) == passage_set.count
    else:
        assert len(passages) >= passage_set.count
    assert isinstance(data["about"], str) and data["about"]
    if passage_set.seed:
        assert passage_set.seed in data["about"]
    for p in passages:
        assert set(p) == RECORD_KEYS, p["id"]
        folder = p["file"].split("/", 1)[0]
        assert p["part"] == passage_set.part_of(folder), p["id"]
        assert p["note"], p["id"]
        if passage_set.picks:
            assert p["note"].startswith(("random", "cue")), p["id"]
    files = [p["file"] for p in passages]
    assert max(files.count(f) for f in set(files)) <= passage_set.per_file


def test_files_are_on_their_side_of_the_split(data: dict, passage_set: PassageSet) -> None:
    split = load_passages("document_split.json")
    side = set(split["heldout" if passage_set.heldout else "dev"])
    reports = sorted(f.name for f in shared_path("corpora", PROVINCIAL).glob("*.txt"))
    reports = reports[21:] if passage_set.heldout else reports[:21]
    for p in data["passages"]:
        folder, name = p["file"].split("/", 1)
        if folder == "policy_docs":
            assert p["file"] in side, p["id"]
            held = int(hashlib.sha1(name.encode()).hexdigest(), 16) % 3 == 0
            assert held == passage_set.heldout, p["id"]
        elif folder == PROVINCIAL:
            assert name in reports, p["id"]
        else:
            assert folder == "gwr_cpc_wikisource" and not passage_set.heldout, p["id"]


def test_passages_are_whole_and_apart_from_the_other_sets(
    data: dict, texts: list[tuple[dict, str]], passage_set: PassageSet
) -> None:
    low, high = passage_set.lengths
    wrapped = _wrapped_files()
    for p, text in texts:
        assert low <= len(text) <= high, p["id"]
        assert text == text.strip(), p["id"]
        assert "\n" not in text or (passage_set.wrapped is not None and p["file"] in wrapped)
    if passage_set.wrapped is not None and passage_set.wrapped >= 0:
        assert sum(p["file"] in wrapped for p in data["passages"]) == passage_set.wrapped
    others = [q for name in passage_set.others for q in load_passages(name)["passages"]]
    for p in data["passages"]:
        assert not any(_overlap(p, q) for q in others if "file" in q), p["id"]
    for p, q in itertools.combinations(data["passages"], 2):
        assert not _overlap(p, q), (p["id"], q["id"])


def _inside(span: list[int], size: int) -> bool:
    return type(span[0]) is int and type(span[1]) is int and 0 <= span[0] < span[1] <= size


def test_groups_well_formed(texts: list[tuple[dict, str]]) -> None:
    for p, text in texts:
        for group in p["groups"]:
            members = group["members"]
            assert set(group) == {"kind", "core", "members"}, p["id"]
            assert len(members) >= 2, p["id"]
            assert group["kind"] == ("pair" if len(members) == 2 else "parallelism"), p["id"]
            assert isinstance(group["core"], bool), p["id"]
            if group["core"]:
                assert len(members) >= 3, p["id"]
            for span in members:
                assert _inside(span, len(text)), (p["id"], span)
                piece = text[span[0] : span[1]]
                assert piece[0] not in SEPARATORS and piece[-1] not in SEPARATORS, (p["id"], span)
            for before, after in itertools.pairwise(members):
                assert before[1] <= after[0], (p["id"], "members overlap", before, after)


def test_slogans_well_formed(texts: list[tuple[dict, str]]) -> None:
    for p, text in texts:
        for slogan in p["slogans"]:
            assert set(slogan) == {"span", "kind", "count", "core", "expansion"}, p["id"]
            span = slogan["span"]
            assert _inside(span, len(text)), (p["id"], span)
            piece = text[span[0] : span[1]]
            if slogan["kind"] == "quoted":
                assert piece[0] in OPENING and piece[-1] in CLOSING, p["id"]
                assert slogan["count"] is None, p["id"]
            else:
                assert slogan["kind"] == "numbered_formula", p["id"]
                count = slogan["count"]
                assert type(count) is int and count >= 1, p["id"]
                assert FORMULA_OPENING.match(piece), p["id"]
            expansion = slogan["expansion"] or []
            assert all(_inside(part, len(text)) for part in expansion), p["id"]
            for before, after in itertools.pairwise(expansion):
                assert before[1] <= after[0], (p["id"], "expansion out of order")
            assert isinstance(slogan["core"], bool), p["id"]
        spans = [s["span"] for s in p["slogans"]]
        for before, after in itertools.pairwise(spans):
            assert before[1] <= after[0], (p["id"], "slogans unsorted or nested")
