"""Worked examples of the contracts, run against the generated evaluator modules.

`load_generated` imports one module of a generated package from a folder under a fresh, unique
package name (two builds never clash in `sys.modules`), and `rendered_package` a package still in
memory, as the build renders it; `run_examples` evaluates every example of a contract with it,
each item's through its kind (`Kind.examples`), and returns the ones that fail, with the
example's line. An example and the evaluator's result are compared as values (`kinds.base.Result`),
never as the texts shown to the author.
"""

from __future__ import annotations

import hashlib
import importlib
import importlib.abc
import importlib.util
import itertools
import os
import sys
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from functools import lru_cache
from importlib.machinery import ModuleSpec
from pathlib import Path
from types import CodeType, ModuleType

from . import kinds, model
from .backends.python import names_of
from .kinds.base import Check, Worked

_COUNTER = itertools.count(1)
_PACKAGES: dict[tuple[Path, str], str] = {}


@dataclass(frozen=True)
class ExampleFailure:
    """An example that did not hold: expected vs actual, or why it could not be evaluated."""

    line: int
    expected: str = ""
    actual: str = ""
    reason: str | None = None


def load_generated(folder: Path, module: str) -> ModuleType:
    """Import `module` of the generated package in `folder` (see `load_package`)."""
    return importlib.import_module(f"{load_package(folder)}.{module}")


def load_package(folder: Path) -> str:
    """Import the generated package in `folder` under a unique package name, and return it.

    The package's relative imports (`from .runtime.schedules import Schedule`) resolve inside
    that package, so the folder's own name does not matter. Modules of one build share one
    package (and so one runtime, one SlaInputError class); another build, or changed files in
    the same folder, get a new package name, so nothing leaks between builds. The folder is
    hashed at each call: load its package once for many modules.
    """
    root = Path(folder).resolve()
    key = (root, _content_hash(root))
    package = _PACKAGES.get(key)
    if package is None or package not in sys.modules:
        package = f"_slac_generated_{os.getpid()}_{next(_COUNTER)}"
        spec = importlib.util.spec_from_file_location(
            package, root / "__init__.py", submodule_search_locations=[str(root)])
        if spec is None or spec.loader is None:
            raise ImportError(f"cannot import the generated package in {root}")
        parent = importlib.util.module_from_spec(spec)
        sys.modules[package] = parent
        try:
            spec.loader.exec_module(parent)
        except BaseException:
            del sys.modules[package]
            raise
        _PACKAGES[key] = package
    return package


def _content_hash(root: Path) -> str:
    digest = hashlib.sha256()
    for path in sorted(root.rglob("*.py")):
        digest.update(path.relative_to(root).as_posix().encode() + b"\0" + path.read_bytes())
    return digest.hexdigest()


@contextmanager
def rendered_package(files: dict[str, str]) -> Iterator[str]:
    """Import the generated package in `files` (relative path → text, as the build renders it)
    from memory under a fresh, unique package name, and yield that name.

    Its modules are compiled from their texts as an import compiles a file, and can be imported
    until the context ends; they are then forgotten. Nothing is written to disk.
    """
    package = _RenderedPackage(f"_slac_generated_{os.getpid()}_{next(_COUNTER)}", files)
    sys.meta_path.insert(0, package)
    try:
        importlib.import_module(package.name)
        yield package.name
    finally:
        sys.meta_path.remove(package)
        for name in [n for n in sys.modules if n.partition(".")[0] == package.name]:
            del sys.modules[name]


class _RenderedPackage(importlib.abc.MetaPathFinder, importlib.abc.InspectLoader):
    """Finds and loads the modules of one package from their texts."""

    def __init__(self, name: str, files: dict[str, str]) -> None:
        self.name = name
        self.sources: dict[str, tuple[str, str]] = {}   # module → (relative path, text)
        for path, text in files.items():
            if path.endswith(".py"):
                module = ".".join([name, *path.removesuffix(".py").split("/")])
                self.sources[module.removesuffix(".__init__")] = (path, text)

    def find_spec(self, fullname: str, path: Sequence[str] | None,
                  target: ModuleType | None = None) -> ModuleSpec | None:
        if fullname not in self.sources:
            return None
        return importlib.util.spec_from_loader(fullname, self, origin=self.sources[fullname][0])

    def is_package(self, fullname: str) -> bool:
        return self.sources[fullname][0].endswith("__init__.py")

    def get_source(self, fullname: str) -> str:
        return self.sources[fullname][1]

    def get_code(self, fullname: str) -> CodeType:
        path, text = self.sources[fullname]
        if path.startswith(SHARED):
            return _shared_code(path, text)
        return compile(text, path, "exec", dont_inherit=True)


SHARED = ("runtime/", "_holidays_")
"""The files of a generated package that are alike in every build: the runtime and the holiday
tables."""


@lru_cache(maxsize=64)
def _shared_code(path: str, text: str) -> CodeType:
    """A shared file's code, compiled once per process for every package that holds it (each
    package still runs it, into its own modules)."""
    return compile(text, path, "exec", dont_inherit=True)


def run_examples(contract: model.Contract, module: ModuleType) -> list[ExampleFailure]:
    """Evaluate every worked example of `contract` with its generated `module`.

    Returns the failures sorted by line: an example whose result differs (expected / actual as
    written in the contract's terms), or one that raised (reason).
    """
    failures: list[ExampleFailure] = []
    for line, expected, compute in _examples(contract, module):
        try:
            actual = compute()
        except Exception as exc:  # noqa: BLE001 - any error is the example's verdict
            failures.append(ExampleFailure(line, expected.text, "", f"{type(exc).__name__}: {exc}"))
            continue
        if actual != expected:
            failures.append(ExampleFailure(line, expected.text, actual.text))
    return sorted(failures, key=lambda f: f.line)


def _examples(contract: model.Contract, module: ModuleType) -> Iterator[Check]:
    ctx = Worked(contract, module, names_of(contract))
    for item in contract.items:
        yield from kinds.of(item).examples(item, ctx)
