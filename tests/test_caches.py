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


def test_collector_paused_counts_callers_across_threads():
    """The collector stays off while any caller is inside and comes back on when the last
    leaves, whatever the order threads come and go in; nested calls likewise."""
    import gc
    import threading

    from policytext.caches import collector_paused

    assert gc.isenabled()
    first_in, second_in, first_out, second_may_leave = (threading.Event() for _ in range(4))
    seen: dict[str, bool] = {}

    def first() -> None:
        with collector_paused():
            first_in.set()
            second_in.wait(5)
        first_out.set()

    def second() -> None:
        first_in.wait(5)
        with collector_paused():
            second_in.set()
            first_out.wait(5)
            seen["after the first left"] = gc.isenabled()
            with collector_paused():  # nested in the same thread
                seen["nested"] = gc.isenabled()
            seen["after the nested call"] = gc.isenabled()
            second_may_leave.wait(5)

    threads = [threading.Thread(target=first), threading.Thread(target=second)]
    for thread in threads:
        thread.start()
    first_out.wait(5)
    second_may_leave.set()
    for thread in threads:
        thread.join(5)
    assert seen == {"after the first left": False, "nested": False, "after the nested call": False}
    assert gc.isenabled()


def test_collector_paused_leaves_a_collector_the_caller_switched_off():
    import gc

    from policytext.caches import collector_paused

    gc.disable()
    try:
        with collector_paused():
            pt.analyze("一是加强领导。二是送政策、送技能、送维权。")
        assert not gc.isenabled()
    finally:
        gc.enable()
