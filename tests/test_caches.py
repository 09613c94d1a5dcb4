"""clear_caches: the memo across texts goes, the shipped tables stay unless asked for."""

from __future__ import annotations

import policytext as pt
from policytext import script
from policytext.caches import clear_caches


def test_tables_stay_loaded_unless_asked_for():
    pt.analyze("一是加强领导，送政策、送技能、送维权。").parallels  # noqa: B018
    pt.simplified_view("資金鍊" * 100)
    assert script._phrase_readings.cache_info().currsize == 1
    cleared = clear_caches()
    assert "policytext.parallels.templates._find_template" in cleared
    assert "policytext.script._phrase_readings" not in cleared
    assert script._phrase_readings.cache_info().currsize == 1
    cleared = clear_caches(tables=True)
    assert "policytext.script._phrase_readings" in cleared
    assert script._phrase_readings.cache_info().currsize == 0
    assert "policytext.tokenizer._segmenter" not in cleared
    # the tables load again on the next use, with the same readings
    assert pt.simplified_view("資金鍊") == "资金链"
