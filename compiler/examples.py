"""Worked examples of the contracts, run against the generated evaluator modules.

`load_generated` imports one module of a generated package from a folder under a fresh, unique
package name (two builds never clash in `sys.modules`); `run_examples` evaluates every example of
a contract with it and returns the ones that fail, with the example's line.
"""

from __future__ import annotations

import hashlib
import importlib
import importlib.util
import itertools
import os
import sys
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal
from pathlib import Path
from types import ModuleType
from typing import Any, cast

from . import model
from .backends.python import fee_fn, fee_parameters, fn, outcome_text
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


def load_generated(folder: Path, module: str) -> ModuleType:
    """Import `module` of the generated package in `folder` under a unique package name.

    The package's relative imports (`from .runtime.schedules import Schedule`) resolve inside
    that package, so the folder's own name does not matter. Modules of one build share one
    package (and so one runtime, one SlaInputError class); another build, or changed files in
    the same folder, get a new package name, so nothing leaks between builds.
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
    return importlib.import_module(f"{package}.{module}")


def _content_hash(root: Path) -> str:
    digest = hashlib.sha256()
    for path in sorted(root.rglob("*.py")):
        digest.update(path.relative_to(root).as_posix().encode() + b"\0" + path.read_bytes())
    return digest.hexdigest()


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
            failures.append(ExampleFailure(line, expected, "", f"{type(exc).__name__}: {exc}"))
            continue
        if actual != expected:
            failures.append(ExampleFailure(line, expected, actual))
    return sorted(failures, key=lambda f: f.line)


Check = tuple[int, str, Callable[[], str]]


def _examples(contract: model.Contract, module: ModuleType) -> Iterator[Check]:
    for item in contract.items:
        if isinstance(item, model.Window):
            yield from _window(item, module)
        elif isinstance(item, model.Availability):
            yield from _availability(item, module)
        elif isinstance(item, model.Tiers):
            yield from _tiers(contract, item, module)
        elif isinstance(item, model.Deadlines):
            yield from _deadlines(contract, item, module)
        elif isinstance(item, model.Term):
            yield from _term(item, module)
        elif isinstance(item, model.MoneyClause):
            yield from _money(item, module)


def _function(module: ModuleType, name: str) -> Callable[..., Any]:
    found = getattr(module, name, None)
    if found is None:
        raise LookupError(f"the generated module has no evaluator {name}()")
    return cast(Callable[..., Any], found)


def _window(item: model.Window, module: ModuleType) -> Iterator[Check]:
    for example in item.examples:
        def compute(example: model.WindowExample = example) -> str:
            inside = _function(module, fn(item.name, "contains"))(example.at)
            return "inside" if inside else "outside"
        yield example.line, "inside" if example.inside else "outside", compute


def _percent(value: Decimal) -> str:
    return f"{format(value, 'f')} %"


def _availability(item: model.Availability, module: ModuleType) -> Iterator[Check]:
    for example in item.examples:
        def compute(example: model.AvailabilityExample = example) -> str:
            report = _function(module, fn(item.name, "report"))
            outage = getattr(module, "Outage", None)
            if outage is None:
                raise LookupError("the generated module does not export Outage")
            outages = [outage(o.start, o.end) for o in example.outages]
            result = report(example.year, example.month, outages=outages)
            # Compare at the precision the author wrote.
            places = -example.availability.as_tuple().exponent  # type: ignore[operator]
            shown = result.availability.quantize(Decimal(1).scaleb(-places))
            return _percent(shown)
        yield example.line, _percent(example.availability), compute


def _tiers(contract: model.Contract, item: model.Tiers, module: ModuleType) -> Iterator[Check]:
    for example in item.examples:
        def compute(example: model.TierExample = example) -> str:
            evaluate = _function(module, fn(item.name))
            if item.measure == "notice":
                if not isinstance(example.value, model.Duration):
                    raise TypeError("a notice example needs a duration")
                given = _before(contract.dated, example.value)
                result = evaluate(given, contract.dated)
            else:
                result = evaluate(example.value)
            kind = result.outcome.kind
            amount = result.outcome.amount
            if result.capped and item.cap is not None and item.cap.kind == kind:
                amount = item.cap.amount
            return outcome_text(model.Outcome(kind, amount, result.outcome.currency))
        yield example.line, outcome_text(example.outcome), compute


def _before(event: date, period: model.Duration) -> date:
    """`event` minus a calendar period (notice examples are read against the contract's date)."""
    if period.unit not in ("day", "week", "month", "year"):
        raise ValueError(f"a notice is a calendar period, got {period.unit}")
    return subtract_period(event, Period(int(period.amount), period.unit))


def _instant(value: datetime, zone: Any) -> str:
    return value.astimezone(zone).isoformat(sep=" ", timespec="minutes")


def _deadlines(contract: model.Contract, item: model.Deadlines,
               module: ModuleType) -> Iterator[Check]:
    for example in item.examples:
        zone = example.due.tzinfo

        def compute(example: model.DeadlineExample = example, zone: Any = zone) -> str:
            due = _function(module, fn(item.name, "due"))
            kwargs = {"level": example.level} if example.level is not None else {}
            result = due(example.action, example.start, **kwargs)
            return "no deadline" if result is None else _instant(result, zone)
        yield example.line, _instant(example.due, zone), compute


def _term(item: model.Term, module: ModuleType) -> Iterator[Check]:
    for example in item.examples:
        def compute(example: model.TermExample = example) -> str:
            ends = _function(module, fn(item.name, "effective_termination"))
            result = ends(example.subscribed, example.requested)
            return str(result.isoformat())
        yield example.line, example.ends.isoformat(), compute


def _money_text(amount: Decimal, money: model.Money) -> str:
    return _amount_text(model.Money(amount, money.currency, money.tax))


def _amount_text(money: model.Money) -> str:
    tax = {"excl": " excl. tax", "incl": " incl. tax", None: ""}[money.tax]
    return f"{money.amount.normalize():f} {money.currency}{tax}"


def _money(item: model.MoneyClause, module: ModuleType) -> Iterator[Check]:
    fees = {fee.name: fee for fee in item.fees}
    for example in item.examples:
        def compute(example: model.MoneyExample = example) -> str:
            fee = fees.get(example.fee)
            if fee is None:
                raise LookupError(f"no fee {example.fee!r} in {item.name}")
            arguments = fee_arguments(fee, example.inputs)
            result = _function(module, fee_fn(fee.name))(**arguments)
            return _money_text(result, fee.amount)
        yield example.line, _amount_text(example.result), compute


def fee_arguments(fee: model.Fee, inputs: tuple[tuple[str, Decimal], ...]) -> dict[str, object]:
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
    chosen.update(zip(free, rest))
    for name in sorted(counts & set(chosen)):
        count = chosen[name]
        assert isinstance(count, Decimal)
        if count != count.to_integral_value():
            raise ValueError(f"{name} must be a whole number, got {count}")
        chosen[name] = int(count)
    return chosen
