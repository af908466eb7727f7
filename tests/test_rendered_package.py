"""A rendered package imported from memory, as the build runs its worked examples."""

from __future__ import annotations

import importlib
import sys

import pytest
from slac.examples import rendered_package

FILES = {
    "__init__.py": '"""A package."""\n',
    "runtime/__init__.py": "",
    "runtime/base.py": "VALUE = 41\n",
    "answer.py": "from .runtime.base import VALUE\n\nANSWER = VALUE + 1\n",
    "answer.html": "<p>not Python</p>\n",
}


def test_modules_import_each_other_inside_the_package() -> None:
    with rendered_package(FILES) as package:
        answer = importlib.import_module(f"{package}.answer")
        assert answer.ANSWER == 42
        assert sys.modules[package].__doc__ == "A package."
        with pytest.raises(ModuleNotFoundError):
            importlib.import_module(f"{package}.answer_html")


def test_each_package_has_its_own_name_and_is_forgotten_after() -> None:
    with rendered_package(FILES) as first, rendered_package(FILES) as second:
        assert first != second
        importlib.import_module(f"{first}.answer")
    assert [name for name in sys.modules if name.split(".")[0] in (first, second)] == []
    with pytest.raises(ModuleNotFoundError):
        importlib.import_module(f"{first}.answer")


def test_a_module_that_raises_is_not_kept() -> None:
    with rendered_package({**FILES, "broken.py": "raise ValueError('no')\n"}) as package:
        with pytest.raises(ValueError, match="no"):
            importlib.import_module(f"{package}.broken")
        assert f"{package}.broken" not in sys.modules
