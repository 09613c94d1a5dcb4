"""Coverage-guided fuzzing (atheris); run from the project root, ``python -m fuzz.<name>``."""
