"""Benchmarks, printed as ratios. Run each from the project root as a module,
``python -m benchmarks.<name>``, so that ``policytext`` and ``tests.support`` import
without path edits.
"""
