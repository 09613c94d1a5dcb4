"""Helpers shared by the tests, the benchmarks and the fuzzers: offset invariants,
Hypothesis strategies, scoring against gold, and a printed-edition wrapper.

Imported the same way everywhere, as ``tests.support.<module>``, with the project
root on the path (pytest's rootdir; ``python -m benchmarks.<name>`` from the root).
"""
