"""Other projects' sentence-splitting cases (../shared/external/sentences/peer_suites.jsonl).

Convention where the peers disagree (documented in README, "Sentence conventions"):
sentences never carry leading or trailing whitespace (stanza's cases strip it,
sentsplit's case sent-ext-43 keeps a leading space), and a line break ends a
sentence unless the layout layer judges it a soft wrap. stanza's cases
sent-ext-37/38 break lines every two or three characters ("北\n京是中\n国的首\n都。"):
too short for ``layout="auto"`` to see a page width, they split as the user
who knows the source says (``layout="blank-lines"``).
"""

from __future__ import annotations

import json

import policytext as pt
from tests.conftest import shared_path

#: cases that conflict with the documented conventions above
CONVENTION_CONFLICTS = {"sent-ext-37", "sent-ext-38", "sent-ext-43"}


def _cases():
    path = shared_path("external", "sentences", "peer_suites.jsonl")
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line]


def test_peer_suites_exact_split(capsys):
    cases = _cases()
    passed, failed = [], []
    for case in cases:
        got = pt.split_sentences(case["text"])
        for span in got:
            assert case["text"][span.start : span.end] == span.text
        (passed if [s.text for s in got] == case["expected"] else failed).append(case["id"])
    with capsys.disabled():
        print(f"\npeer suites: {len(passed)} of {len(cases)} split exactly as expected")
        for case_id in failed:
            print(f"  differs: {case_id}")
    assert len(cases) == 31
    assert len(passed) >= 28
    assert set(failed) <= CONVENTION_CONFLICTS


def test_stanza_wrapped_cases_with_the_layout_the_source_needs():
    cases = {c["id"]: c for c in _cases()}
    for case_id in ("sent-ext-37", "sent-ext-38"):
        case = cases[case_id]
        got = pt.split_sentences(case["text"], layout="blank-lines")
        assert [[s.start, s.end] for s in got] == case["sentences"], case_id


def test_peer_suites_offsets_agree_where_whitespace_is_not_at_issue():
    for case in _cases():
        if case["id"] in CONVENTION_CONFLICTS:
            continue
        got = [[s.start, s.end] for s in pt.split_sentences(case["text"])]
        expected = []
        for start, end in case["sentences"]:
            text = case["text"]
            while start < end and text[start].isspace():
                start += 1
            while end > start and text[end - 1].isspace():
                end -= 1
            expected.append([start, end])
        assert got == expected, case["id"]
