"""Project tools, not part of the library: run from the project root as
``python -m tools.<name>``.
"""
