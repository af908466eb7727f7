"""The `slac` command: check, build, summary and eval, over the pipeline; exit 0, 1 (contract
errors) or 2."""

from __future__ import annotations

import locale
import os
import re
import sys
from pathlib import Path
from typing import TYPE_CHECKING, NoReturn

import click

from . import __version__, output
from .sources import SOURCE_ENTRY_CODES, read_sources

if TYPE_CHECKING:
    from .diagnostics import Diagnostic
    from .evaluating import PeriodRef

EXIT_OK, EXIT_ERRORS, EXIT_USAGE, EXIT_INTERNAL = 0, 1, 2, 3
SUMMARY_WORDS = {
    "en": ("{errors} error(s), {warnings} warning(s), {notes} note(s) in {files} file(s)",),
    "fr": ("{errors} erreur(s), {warnings} avertissement(s), {notes} note(s) dans "
           "{files} fichier(s)",),
}


def default_language() -> str:
    """French when the environment's locale is French, English otherwise."""
    for variable in ("LC_ALL", "LC_MESSAGES", "LANG", "LANGUAGE"):
        value = os.environ.get(variable)
        if value:
            return "fr" if value.lower().startswith("fr") else "en"
    current = locale.getlocale()[0] or ""
    return "fr" if current.lower().startswith("fr") else "en"


lang_option = click.option("--lang", type=click.Choice(["fr", "en"]), default=None,
                           help="Language of messages (default: from the locale).")
format_option = click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text",
                             show_default=True, help="Diagnostics as text or as JSON.")
paths_argument = click.argument("paths", nargs=-1, type=click.Path(path_type=Path))


def existing(paths: tuple[Path, ...]) -> list[Path]:
    chosen = list(paths) or [Path("contracts")]
    for path in chosen:
        if not path.exists():
            fail(f"no such file or folder: {path}")
    return chosen


def fail(message: str) -> NoReturn:
    click.echo(f"slac: {message}", err=True)
    sys.exit(EXIT_USAGE)


def report(diagnostics: list[Diagnostic], sources: dict[str, str], fmt: str, lang: str) -> int:
    """Print the diagnostics, each under its line of `sources`; return the exit code they
    imply."""
    from .diagnostics import render_json, render_text

    if fmt == "json":
        click.echo(render_json(diagnostics, lang))
    else:
        counts = {s: sum(d.severity == s for d in diagnostics)
                  for s in ("error", "warning", "note")}
        lines = [render_text(d, sources.get(d.span.file), lang) for d in diagnostics]
        lines.append(SUMMARY_WORDS[lang][0].format(
            errors=counts["error"], warnings=counts["warning"], notes=counts["note"],
            files=len(sources)))
        click.echo("\n".join(lines), err=True)   # one write: thousands of notes print at once
    if any(d.code in SOURCE_ENTRY_CODES for d in diagnostics):   # not a readable regular file
        return EXIT_USAGE
    return EXIT_ERRORS if any(d.severity == "error" for d in diagnostics) else EXIT_OK


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="slac")
def cli() -> None:
    """slac compiles service-level agreements written in .sla files into Python evaluators and
    French and English summaries."""


@cli.command()
@paths_argument
@format_option
@lang_option
def check(paths: tuple[Path, ...], fmt: str, lang: str | None) -> None:
    """Check .sla files (default: contracts/) and report every problem found."""
    from .pipeline import compile_paths

    compiled = compile_paths(existing(paths))
    sys.exit(report(compiled.diagnostics, compiled.sources, fmt, lang or default_language()))


@cli.command()
@paths_argument
@click.option("--out", type=click.Path(path_type=Path), default=Path("generated"),
              show_default=True, help="Folder to write the generated package into.")
@click.option("--check", "check_only", is_flag=True,
              help="Write nothing; fail when the output folder is not up to date.")
@click.option("--jobs", "-j", type=click.IntRange(min=1), default=None, metavar="N",
              help="Processes to build with (default: one per processor, used from 50 files on).")
@format_option
@lang_option
def build(paths: tuple[Path, ...], out: Path, check_only: bool, jobs: int | None, fmt: str,
          lang: str | None) -> None:
    """Check, then generate Python evaluators and summaries; writes nothing if anything fails."""
    lang = lang or default_language()
    sources = existing(paths)
    refusal = output.unsafe_output(out)
    if refusal and not check_only:
        fail(f"will not replace --out {out}: {refusal}")
    read = read_sources(sources)
    refused = [d for d in read.values() if not isinstance(d, bytes)]
    if refused:   # not a regular file, too large or unreadable: refused before anything else
        sys.exit(report(refused, {}, fmt, lang))
    files = {name: data for name, data in read.items() if isinstance(data, bytes)}
    inputs = output.input_hash(files)
    if not check_only and output.cached(out, inputs):
        click.echo(f"slac: {out} is up to date", err=True)
        sys.exit(EXIT_OK)
    from . import build as builder  # the compiler proper, loaded only when there is work

    previous = None if check_only else builder.previous_build(out, inputs)
    built = builder.build_sources(files, inputs, jobs, previous)
    compiled, rendered = built.compiled, built.files
    if compiled.has_errors:
        sys.exit(report(compiled.diagnostics, compiled.sources, fmt, lang))
    code = report(compiled.diagnostics + built.failures, compiled.sources, fmt, lang)
    if code != EXIT_OK:
        sys.exit(code)
    if check_only:
        if not output.is_up_to_date(out, rendered):
            click.echo(f"slac: {out} is stale; run `slac build` and commit the result", err=True)
            sys.exit(EXIT_ERRORS)
        click.echo(f"slac: {out} is up to date", err=True)
        sys.exit(EXIT_OK)
    output.replace_atomically(out, rendered, previous.hashes if previous else None)
    reused = f" ({built.reused} unchanged)" if built.reused else ""
    click.echo(f"slac: wrote {len(rendered)} files for {built.contracts} contract(s){reused} "
               f"into {out}", err=True)


@cli.command()
@click.argument("contract")
@lang_option
def summary(contract: str, lang: str | None) -> None:
    """Print a contract's summary (CONTRACT: a .sla file or a contract id under contracts/)."""
    from .backends import summary as summary_backend
    from .pipeline import compile_paths

    compiled = compile_paths([_contract_path(contract)])
    if compiled.has_errors or not compiled.contracts:
        sys.exit(report(compiled.diagnostics, compiled.sources, "text", lang or default_language()))
    click.echo(summary_backend.summary_text(compiled.contracts[0], lang or default_language()))


@cli.command("eval")
@click.argument("contract")
@click.argument("clause")
@click.option("--period", metavar="YYYY-MM", help="The period to evaluate (availability, "
              "tiers, windows, calendars): a month YYYY-MM, a quarter YYYY-QN, a year YYYY.")
@click.option("--input", "inputs", multiple=True, type=click.Path(path_type=Path),
              help="A .csv or .json file of records (outages, probe samples, error rates, "
                   "tickets…); repeatable.")
@click.option("--set", "settings", multiple=True, metavar="NAME=VALUE",
              help="A value for the evaluators' parameter NAME, or a decision the contract "
                   "leaves open; repeatable.")
@click.option("--invoice", metavar="AMOUNT", help="The invoice amount (same as --set invoice=…).")
@click.option("--zone", metavar="IANA", help="Read times written without a UTC offset in this "
              "zone (e.g. Europe/Paris); without it such times are refused.")
@click.option("--json", "as_json", is_flag=True, help="Print the result as JSON.")
@lang_option
def eval_(contract: str, clause: str, period: str | None, inputs: tuple[Path, ...],
          settings: tuple[str, ...], invoice: str | None, zone: str | None, as_json: bool,
          lang: str | None) -> None:
    """Evaluate one clause (an id such as T4, or an item name) of a contract on inputs.

    CONTRACT is a .sla file or a contract id under contracts/. Exit 0 when evaluated; 1 when the
    contract has errors, an input is bad or the inputs reach a point the contract leaves open;
    2 when the command line is (an unknown clause, a missing period or file…).
    """
    import importlib
    import json
    from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

    from . import build as builder
    from .backends.formatting import visible
    from .diagnostics import render_text
    from .evaluate import COMMAND_LINE, EvalError, Request, command_line_text, evaluate
    from .examples import rendered_package
    from .inputs import InputError, source_text
    from .pipeline import compile_paths

    lang = lang or default_language()
    settings = settings + ((f"invoice={invoice}",) if invoice is not None else ())
    try:
        request = Request(clause, _period(period), settings, inputs,
                          ZoneInfo(zone) if zone else None)
    except (ZoneInfoNotFoundError, ValueError):
        fail(f"unknown time zone '{zone}': give an IANA name such as Europe/Paris")
    for path in inputs:
        if not path.is_file():
            fail(f"no such input file: {path}")
    compiled = compile_paths([_contract_path(contract)])
    if compiled.has_errors or not compiled.contracts:
        sys.exit(report(compiled.diagnostics, compiled.sources, "text", lang))
    checked = compiled.contracts[0]
    with rendered_package(builder.render_all([checked], "")) as package:
        module = importlib.import_module(f"{package}.{checked.module}")
        try:
            result = evaluate(checked, module, request, lang)
        except InputError as problem:
            span = problem.diagnostic.span
            source = (command_line_text(settings) if span.file == COMMAND_LINE
                      else source_text(Path(span.file).read_text(encoding="utf-8-sig",
                                                                 errors="replace")))
            click.echo(render_text(problem.diagnostic, _shown(source, span.line), lang), err=True)
            sys.exit(EXIT_ERRORS)
        except EvalError as problem:
            click.echo(f"slac: {problem}", err=True)
            sys.exit(EXIT_USAGE if problem.usage else EXIT_ERRORS)
    if as_json:
        click.echo(json.dumps(result.data, ensure_ascii=False, indent=2))
    else:
        click.echo("\n".join(visible(line) for line in result.lines))
    for undecided in result.undecided:
        click.echo(f"slac: {undecided.text(lang)}", err=True)
    if result.undecided:
        sys.exit(EXIT_ERRORS)


SHOWN_LINE = 1000
"""A line of an input file longer than this is not shown under its diagnostic."""


def _shown(source: str, line: int) -> str | None:
    """`source`, unless its line `line` is too long to be shown under a diagnostic."""
    lines = source.split("\n")
    return source if not 1 <= line <= len(lines) or len(lines[line - 1]) <= SHOWN_LINE else None


def _period(period: str | None) -> PeriodRef | None:
    """`YYYY-MM`, `YYYY-QN` or `YYYY`, in the years `slac eval` reads (evaluating.YEARS)."""
    from .evaluating import YEARS, PeriodRef

    if period is None:
        return None
    match = re.fullmatch(r"([0-9]{4})(?:-(?:([0-9]{2})|Q([0-9])))?", period, re.ASCII)
    if match is None or (match[2] and not 1 <= int(match[2]) <= 12) \
            or (match[3] and not 1 <= int(match[3]) <= 4):
        fail("--period must be a month YYYY-MM (e.g. 2024-05), a quarter YYYY-QN (2024-Q2) "
             f"or a year YYYY, not '{period}'")
    if not YEARS[0] <= int(match[1]) <= YEARS[1]:
        fail(f"--period must be in the years {YEARS[0]} to {YEARS[1]}, not '{period}'")
    return PeriodRef(int(match[1]), int(match[2]) if match[2] else None,
                     int(match[3]) if match[3] else None)


def _contract_path(contract: str) -> Path:
    path = Path(contract)
    if path.suffix == ".sla" or path.exists():
        if not path.exists():
            fail(f"no such file: {path}")
        return path
    candidate = Path("contracts") / f"{contract}.sla"
    if not candidate.exists():
        fail(f"no contract '{contract}': give a .sla file, or an id with contracts/{contract}.sla")
    return candidate


def main() -> None:
    """Entry point: never lets a Python traceback reach the user."""
    try:
        cli.main(standalone_mode=True)
    except SystemExit:
        raise
    except KeyboardInterrupt:
        click.echo("slac: interrupted", err=True)
        sys.exit(130)
    except Exception as exc:  # noqa: BLE001 - last line of defence, reported plainly
        click.echo(f"slac: internal error ({type(exc).__name__}: {exc}); please report it with the "
                   "input that caused it", err=True)
        sys.exit(EXIT_INTERNAL)
