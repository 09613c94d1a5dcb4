"""Build of the optional compiled cores: segmentation (``policytext._segcore``), the
parallels' template search (``policytext._parcore``) and the compiled twins of the
structure layers' modules (their own source compiled by Cython, see ``policytext._twins``).

Everything else is declared in pyproject.toml. Where Cython or a C++ compiler
is missing, or the build fails, the install still succeeds without the cores:
policytext segments with spacy_pkuseg instead (and says so once), and the
parallels use their pure-Python search and the layers their Python modules, which give the
same results."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from types import ModuleType

from setuptools import Extension, setup
from setuptools.command.build_ext import build_ext


class OptionalBuildExt(build_ext):
    """build_ext that leaves a compiled core out instead of failing the install."""

    def run(self) -> None:
        try:
            super().run()
        except Exception as error:  # no compiler, broken toolchain: install without the core
            self._skip(error)
        self._drop_old_twins()

    def _drop_old_twins(self) -> None:
        """Delete the twins of older sources (never loaded) where this build puts its own."""
        current = {twin_name(module).rsplit(".", 1)[1] for module in TWINS}
        for root in {Path(self.build_lib), Path(".")} if self.inplace else {Path(self.build_lib)}:
            for path in (root / "policytext").rglob("_c_*_*.*"):
                if path.suffix in (".so", ".pyd") and path.name.split(".")[0] not in current:
                    path.unlink()

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
            f"policytext: a compiled core or twin was not built ({error}); policytext will "
            "run its Python code there (spacy_pkuseg for words without the segmentation core)",
            file=sys.stderr,
        )


def _twins_module() -> ModuleType:
    """``policytext/_twins.py`` read by path (it imports only the standard library), so the
    build and the package share one list of twins and one rule for their names."""
    path = Path(__file__).resolve().parent / "policytext" / "_twins.py"
    spec = importlib.util.spec_from_file_location("_policytext_twins", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


_TWINS = _twins_module()
TWINS = _TWINS.TWINS
twin_name = _TWINS.twin_name


def extensions() -> list[Extension]:
    core = Extension("policytext._segcore", ["policytext/_segcore.pyx"], language="c++")
    parallels = Extension("policytext._parcore", ["policytext/_parcore.pyx"])
    twins = [
        Extension(twin_name(module), [f"policytext/{module.replace('.', '/')}.py"])
        for module in TWINS
    ]
    try:
        from Cython.Build import cythonize

        built = cythonize([core, parallels], compiler_directives={"language_level": 3}, quiet=True)
    except Exception as error:  # Cython absent or the source did not translate
        OptionalBuildExt._skip(error)
        return []
    # the twins run their source as Python does (annotations are not C types); each is
    # translated into a directory of its own source's digest, so no C of another source is
    # ever taken for it, and one that does not translate leaves the others
    directives = {"language_level": 3, "binding": True, "annotation_typing": False}
    for twin in twins:
        digest = twin.name.rsplit("_", 1)[1]
        try:
            built += cythonize(
                [twin],
                compiler_directives=directives,
                quiet=True,
                build_dir=f"build/twins/{digest}",
            )
        except Exception as error:
            OptionalBuildExt._skip(error)
    return built


setup(ext_modules=extensions(), cmdclass={"build_ext": OptionalBuildExt})
