"""What a clause kind is: one class that owns its syntax, its check, its Python and its sentences.

A kind is a subclass of `Kind` registered in `kinds/__init__.py`. Its abstract members are the
places every stage needs it: leaving one out makes the registry's `Kind()` a type error under
`mypy --strict` ("Cannot instantiate abstract class"), and `tests/test_kinds.py` enumerates the
registry for what types cannot see (grammar rule, documentation, phrases used and defined).
`docs/design.md` walks through adding one.
"""

from __future__ import annotations

from abc import ABC, abstractmethod
from collections.abc import Mapping
from typing import TYPE_CHECKING, ClassVar, Generic, TypeVar

from .. import ast, model
from ..messages import KindNames, Phrase

if TYPE_CHECKING:
    from ..backends.pycode import Ctx, Unit
    from ..checking import Checker

ItemT = TypeVar("ItemT", bound=model.ItemBase)


class Kind(ABC, Generic[ItemT]):
    """One clause kind: `keyword NAME { statements }` in a contract, one model item type.

    Class attributes give its syntax and words; the methods are its stages:
    `check` (syntax tree → model item, reporting every problem), `python_names` and `python`
    (the generated module's definitions), and `summary` with `phrases` (the summaries' sentences,
    one structure for both languages).
    """

    keyword: ClassVar[str]
    """The block keyword, also the grammar rule of the block: `window`."""

    statements: ClassVar[tuple[type[ast.Statement], ...]] = ()
    """The syntax-tree classes of the kind's own statements, one per grammar alias."""

    words: ClassVar[Mapping[str, str]] = {}
    """Grammar aliases that stand for a choice of words, and the word each gives (`nd_good` →
    `good`): the parser makes them ast.Word."""

    @property
    @abstractmethod
    def item_type(self) -> type[ItemT]:
        """The model class of the kind's items."""

    @property
    @abstractmethod
    def names(self) -> KindNames:
        """How messages and documents name the kind."""

    @property
    @abstractmethod
    def summary(self) -> str:
        """Jinja source defining `{% macro summary(i, s) %}`: the item's paragraphs in the
        summaries, for both languages. Sentences come from `phrases` through `say(s, "key", …)`
        (put in for each language when the template is loaded: backends/localise.py)."""

    @property
    @abstractmethod
    def phrases(self) -> Mapping[str, Phrase]:
        """The summary's sentences by key, each a Jinja snippet in English and in French."""

    @abstractmethod
    def check(self, c: Checker, block: ast.Block, base: model.ItemFields) -> ItemT:
        """The checked item of `block`; problems are reported through `c`. `base` holds the
        fields every item has (name, line, clauses, label, notes); `block.body` holds the other
        statements only."""

    @abstractmethod
    def python_names(self, item: ItemT, name: str) -> list[str]:
        """Every top-level name the item's code may define when the item goes by `name`, known
        before any code is rendered (names are chosen so that items never clash)."""

    @abstractmethod
    def python(self, ctx: Ctx, item: ItemT) -> list[Unit]:
        """The item's definitions in the generated module."""

    cites_clauses: ClassVar[bool] = True
    """Whether an item must cite the contract's clause (`missing-clause` otherwise); a calendar,
    which only defines days, need not."""

    eval_rank: ClassVar[int] = 100
    """Of several items encoding one clause, `slac eval` evaluates the one of lowest rank: the
    most encompassing (tiers include the availability they are measured on, an availability
    its measurement window)."""
