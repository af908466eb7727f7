"""Worked examples of the contracts, run against the generated evaluator modules.

`load_generated` imports one module of a generated package from a folder under a fresh, unique
package name (two builds never clash in `sys.modules`), and `rendered_package` a package still in
memory, as the build renders it; `run_examples` evaluates every example of a contract with it and
returns the ones that fail, with the example's line. An example and the evaluator's result are
compared as values (`Result`), never as the texts shown to the author.
"""

from __future__ import annotations

import hashlib
import importlib
import importlib.abc
import importlib.util
import itertools
import os
import sys
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import date, datetime, tzinfo
from decimal import Decimal
from fractions import Fraction
from importlib.machinery import ModuleSpec
from pathlib import Path
from types import CodeType, ModuleType
from typing import Any, cast

from . import model
from .backends.pycode import Names, money_text
from .backends.python import names_of
from .kinds.availability import Availability, AvailabilityExample
from .kinds.deadlines import DeadlineExample, Deadlines
from .kinds.money import Fee, MoneyClause, MoneyExample, fee_parameters
from .kinds.retention import Retention, RetentionExample
from .kinds.term import Term, TermExample
from .kinds.tiers import Outcome, TierExample, Tiers, outcome_text
from .kinds.window import Window, WindowExample
from .runtime.periods import Period, subtract_period

_COUNTER = itertools.count(1)
_PACKAGES: dict[tuple[Path, str], str] = {}


@dataclass(frozen=True)
class ExampleFailure:
    """An example that did not hold: expected vs actual, or why it could not be evaluated."""

    line: int
    expected: str = ""
    actual: str = ""
    reason: str | None = None


@dataclass(frozen=True)
class Result:
    """A result as compared (`value`) and as shown in a diagnostic (`text`).

    Values compare as what they mean, not as they are written: 2.50 % and 2.5 % are the same
    share, 260.00 EUR and 260 EUR the same amount; a tax mention, a currency or a kind of outcome
    that differs makes them different.
    """

    value: object
    text: str = field(compare=False)


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
        return self.source_to_code(text.encode("utf-8"), path)


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


Check = tuple[int, Result, Callable[[], Result]]


def _examples(contract: model.Contract, module: ModuleType) -> Iterator[Check]:
    names = names_of(contract)
    for item in contract.items:
        if isinstance(item, Window):
            yield from _window(item, module, names)
        elif isinstance(item, Availability):
            yield from _availability(item, module, names)
        elif isinstance(item, Tiers):
            yield from _tiers(contract, item, module, names)
        elif isinstance(item, Deadlines):
            yield from _deadlines(item, module, names)
        elif isinstance(item, Retention):
            yield from _retention(item, module, names)
        elif isinstance(item, Term):
            yield from _term(item, module, names)
        elif isinstance(item, MoneyClause):
            yield from _money(item, module, names)


def _function(module: ModuleType, name: str) -> Callable[..., Any]:
    found = getattr(module, name, None)
    if found is None:
        raise LookupError(f"the generated module has no evaluator {name}()")
    return cast(Callable[..., Any], found)


def _inside(inside: bool) -> Result:
    return Result(inside, "inside" if inside else "outside")


def _window(item: Window, module: ModuleType, names: Names) -> Iterator[Check]:
    for example in item.examples:
        def compute(example: WindowExample = example) -> Result:
            return _inside(bool(_function(module, names.fn(item.name, "contains"))(example.at)))
        yield example.line, _inside(example.inside), compute


def _percent(value: Decimal) -> Result:
    return Result(value, f"{format(value, 'f')} %")


def _availability(item: Availability, module: ModuleType, names: Names) -> Iterator[Check]:
    for example in item.examples:
        def compute(example: AvailabilityExample = example) -> Result:
            report = _function(module, names.fn(item.name, "report"))
            outage = getattr(module, "Outage", None)
            if outage is None:
                raise LookupError("the generated module does not export Outage")
            outages = [outage(o.start, o.end) for o in example.outages]
            result = report(example.year, example.month, outages=outages)
            # The exact rate, rounded once to the decimals the author wrote, halves to even as
            # the report rounds (rounding the report's six decimals again would round twice).
            places = max(0, -cast(int, example.availability.as_tuple().exponent))
            exact: Fraction = result.exact
            digits = round(exact * 10**places)
            return _percent(Decimal(f"{digits}E-{places}"))  # exact, unlike scaleb
        yield example.line, _percent(example.availability), compute


def _outcome(outcome: Outcome) -> Result:
    return Result(outcome, outcome_text(outcome))


def _tiers(contract: model.Contract, item: Tiers, module: ModuleType,
           names: Names) -> Iterator[Check]:
    for example in item.examples:
        def compute(example: TierExample = example) -> Result:
            evaluate = _function(module, names.fn(item.name))
            if item.measure == "notice":
                if not isinstance(example.value, model.Duration):
                    raise TypeError("a notice example needs a duration")
                given = _before(contract.dated, example.value)
                result = evaluate(given, contract.dated)
            else:
                result = evaluate(example.value)
            if result.capped and item.cap is not None:
                return _outcome(item.cap)
            # The evaluator's outcome has no tax mention: it is the tier's, as written.
            tax = None if result.tier is None else item.tiers[result.tier].outcome.tax
            found = result.outcome
            return _outcome(Outcome(found.kind, found.amount, found.currency, tax))
        yield example.line, _outcome(example.outcome), compute


def _before(event: date, period: model.Duration) -> date:
    """`event` minus a calendar period (notice examples are read against the contract's date)."""
    if period.unit not in ("day", "week", "month", "year"):
        raise ValueError(f"a notice is a calendar period, got {period.unit}")
    return subtract_period(event, Period(int(period.amount), period.unit))


def _instant(value: datetime, zone: tzinfo | None) -> Result:
    """An instant compared as the wall-clock time of the contract's zone, as the author writes
    it (either reading of an hour repeated when clocks go back matches); seconds are shown
    when there are some."""
    local = value.astimezone(zone)
    whole_minute = local.second == 0 and local.microsecond == 0
    return Result(local.replace(tzinfo=None),
                  local.isoformat(sep=" ", timespec="minutes" if whole_minute else "auto"))


def _deadlines(item: Deadlines, module: ModuleType, names: Names) -> Iterator[Check]:
    for example in item.examples:
        zone = example.due.tzinfo

        def compute(example: DeadlineExample = example,
                    zone: tzinfo | None = zone) -> Result:
            due = _function(module, names.fn(item.name, "due"))
            kwargs = {"level": example.level} if example.level is not None else {}
            result = due(example.action, example.start, **kwargs)
            return Result(None, "no deadline") if result is None else _instant(result, zone)
        yield example.line, _instant(example.due, zone), compute


def _copies(count: int) -> Result:
    return Result(count, f"{count} {'copy' if count == 1 else 'copies'}")


def _retention(item: Retention, module: ModuleType, names: Names) -> Iterator[Check]:
    for example in item.examples:
        def compute(example: RetentionExample = example) -> Result:
            points = _function(module, names.fn(item.name, "restore_points"))(example.at)
            return _copies(len(points))
        yield example.line, _copies(example.copies), compute


def _term(item: Term, module: ModuleType, names: Names) -> Iterator[Check]:
    for example in item.examples:
        def compute(example: TermExample = example) -> Result:
            ends = _function(module, names.fn(item.name, "effective_termination"))
            result = ends(example.subscribed, example.requested)
            return Result(result, str(result.isoformat()))
        yield example.line, Result(example.ends, example.ends.isoformat()), compute


def _amount(money: model.Money) -> Result:
    return Result(money, money_text(money))


def _money(item: MoneyClause, module: ModuleType, names: Names) -> Iterator[Check]:
    fees = {fee.name: fee for fee in item.fees}
    for example in item.examples:
        def compute(example: MoneyExample = example) -> Result:
            fee = fees.get(example.fee)
            if fee is None:
                raise LookupError(f"no fee {example.fee!r} in {item.name}")
            arguments = fee_arguments(fee, example.inputs)
            result = _function(module, names.fee(fee.name))(**arguments)
            return _amount(model.Money(result, fee.amount.currency, fee.amount.tax))
        yield example.line, _amount(example.result), compute


def fee_arguments(fee: Fee, inputs: tuple[tuple[str, Decimal], ...]) -> dict[str, object]:
    """Map an example's named inputs onto the fee function's parameters.

    Inputs named like a parameter go to it; the others fill the remaining parameters in order
    (`restore hours 2 files 1` gives hours=2, units=1). Counts are passed as ints.
    """
    parameters = fee_parameters(fee)
    counts = {"units", "count"}
    chosen: dict[str, object] = {}
    rest: list[Decimal] = []
    for name, value in inputs:
        if name in parameters and name not in chosen:
            chosen[name] = value
        else:
            rest.append(value)
    free = [p for p in parameters if p not in chosen]
    if len(rest) > len(free):
        raise ValueError(f"fee {fee.name} takes {', '.join(parameters)}; the example gives "
                         f"{', '.join(n for n, _ in inputs)}")
    chosen.update(zip(free, rest, strict=False))   # the first len(rest) free parameters
    for name in sorted(counts & set(chosen)):
        count = chosen[name]
        assert isinstance(count, Decimal)
        if count != count.to_integral_value():
            raise ValueError(f"{name} must be a whole number, got {count}")
        chosen[name] = int(count)
    return chosen
