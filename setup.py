"""Build of the optional compiled cores: segmentation (``policytext._segcore``) and the
parallels' template search (``policytext._parcore``).

Everything else is declared in pyproject.toml. Where Cython or a C++ compiler
is missing, or the build fails, the install still succeeds without the cores:
policytext segments with spacy_pkuseg instead (and says so once), and the
parallels use their pure-Python search, which gives the same results.
"""

from __future__ import annotations

import sys

from setuptools import Extension, setup
from setuptools.command.build_ext import build_ext


class OptionalBuildExt(build_ext):
    """build_ext that leaves a compiled core out instead of failing the install."""

    def run(self) -> None:
        try:
            super().run()
        except Exception as error:  # no compiler, broken toolchain: install without the core
            self._skip(error)

    def build_extension(self, ext: Extension) -> None:
        if self.compiler.compiler_type == "unix":
            ext.extra_compile_args = [*ext.extra_compile_args, "-O3"]
        try:
            super().build_extension(ext)
        except Exception as error:
            self._skip(error)

    @staticmethod
    def _skip(error: Exception) -> None:
        print(
            f"policytext: a compiled core was not built ({error}); policytext will use "
            "spacy_pkuseg for words, its pure-Python search for parallels",
            file=sys.stderr,
        )


def extensions() -> list[Extension]:
    core = Extension("policytext._segcore", ["policytext/_segcore.pyx"], language="c++")
    parallels = Extension("policytext._parcore", ["policytext/_parcore.pyx"])
    try:
        from Cython.Build import cythonize

        return cythonize([core, parallels], compiler_directives={"language_level": 3}, quiet=True)
    except Exception as error:  # Cython absent or the source did not translate
        OptionalBuildExt._skip(error)
        return []


setup(ext_modules=extensions(), cmdclass={"build_ext": OptionalBuildExt})
