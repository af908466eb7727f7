"""What a clause kind is: one class that owns its syntax, its check, its Python and its sentences.

A kind is a subclass of `Kind` registered in `kinds/__init__.py`. Its abstract members are the
places every stage needs it: leaving one out makes the registry's `Kind()` a type error under
`mypy --strict` ("Cannot instantiate abstract class"), and `tests/test_kinds.py` enumerates the
registry for what types cannot see (grammar rule, documentation, phrases used and defined).
`docs/design.md` walks through adding one.
"""

from __future__ import annotations

from abc import ABC, abstractmethod
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass, field
from types import ModuleType
from typing import Any, ClassVar, Generic, Literal, TypeVar, cast

from .. import ast, model
from ..backends.pycode import Ctx, Names, Unit
from ..checking import Checker
from ..evaluating import EvalContext, Evaluation
from ..messages import KindNames, Phrase

ItemT = TypeVar("ItemT", bound=model.ItemBase)


@dataclass(frozen=True)
class Result:
    """A result as compared (`value`) and as shown in a diagnostic (`text`).

    Values compare as what they mean, not as they are written: 2.50 % and 2.5 % are the same
    share, 260.00 EUR and 260 EUR the same amount; a tax mention, a currency or a kind of outcome
    that differs makes them different.
    """

    value: object
    text: str = field(compare=False)


Check = tuple[int, Result, Callable[[], Result]]
"""A worked example: its line, the result the contract states, and how to compute it."""


@dataclass(frozen=True)
class Worked:
    """What a kind's worked examples are run with: the contract, its generated module (imported
    by the build from memory) and the names its items go by there."""

    contract: model.Contract
    module: ModuleType
    names: Names

    def function(self, name: str) -> Callable[..., Any]:
        """The generated module's function `name`; LookupError if it has none."""
        found = getattr(self.module, name, None)
        if found is None:
            raise LookupError(f"the generated module has no evaluator {name}()")
        return cast(Callable[..., Any], found)


class Kind(ABC, Generic[ItemT]):
    """One clause kind: `keyword NAME { statements }` in a contract, one model item type.

    Class attributes give its syntax and words; the methods are its stages:
    `check` (syntax tree → model item, reporting every problem), `python_names` and `python`
    (the generated module's definitions), and `summary` with `phrases` (the summaries' sentences,
    one structure for both languages).
    """

    @property
    @abstractmethod
    def keyword(self) -> str:
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

    legal_force: ClassVar[Literal["none", "optional", "decide"]] = "optional"
    """Whether an item states a duty or a right (`obligation of …`, `condition …`): `none` for
    kinds that only define (calendars, severity scales, contacts); `decide` where the checker
    makes the author say who is bound and how firmly (`force-undecided` otherwise)."""

    cites_clauses: ClassVar[bool] = True
    """Whether an item must cite the contract's clause (`missing-clause` otherwise); a calendar,
    which only defines days, need not."""

    def examples(self, item: ItemT, ctx: Worked) -> Iterator[Check]:
        """The item's worked examples (`example …` statements), run by the build against the
        generated code. None by default; tests/test_kinds.py checks that every kind whose items
        hold examples overrides this."""
        return iter(())

    def report(self, item: ItemT, ctx: EvalContext) -> Evaluation | None:
        """The item's `slac eval` report, or None (the default) for the generic one,
        `evaluating.by_signature`: each evaluator whose parameters are all given, per record."""
        return None

    def eval_sources(self, item: ItemT) -> tuple[str, ...]:
        """The other items whose evaluators `report` calls, so that `--set` may name their
        parameters too (none by default)."""
        return ()

    report_gives: ClassVar[frozenset[str]] = frozenset()
    """The evaluators' parameters that `report` gives itself (from the period), which `--set`
    may not name (none by default)."""

    eval_rank: ClassVar[int] = 100
    """Of several items encoding one clause, `slac eval` evaluates the one of lowest rank: the
    most encompassing (tiers include the availability they are measured on, an availability
    its measurement window)."""
