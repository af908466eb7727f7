"""Incremental builds: the sources unchanged since the previous build into the same folder are
taken from it, and the result is byte for byte what a clean build of the same sources writes,
with the same diagnostics. Anything that makes the previous build untrustworthy (an output file
edited, another compiler, a damaged index) makes the build check every file again."""

from __future__ import annotations

import json
import os
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from click.testing import CliRunner
from slac import build, caches, output
from slac.cli import cli
from slac.sources import read_sources

CONTRACTS = Path(__file__).resolve().parent.parent / "contracts"
# Small contracts of several kinds, one with warnings and notes, one with a holiday table.
CHOSEN = ["cegid-api.sla", "public/slack.sla", "public/fastly.sla", "cegid-conciliator.sla"]


@pytest.fixture
def sources(tmp_path: Path) -> Path:
    folder = tmp_path / "src"
    for name in CHOSEN:
        (folder / name).parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(CONTRACTS / name, folder / name)
    return folder


def inputs(folder: Path) -> str:
    return output.input_hash(read_sources([folder]))


def built_from(folder: Path, previous: build.Previous | None = None) -> build.Built:
    """As `slac build` does: the sources read once, hashed, then built."""
    read = read_sources([folder])
    return build.build_sources(read, output.input_hash(read), previous=previous)


def slac_build(folder: Path, out: Path) -> tuple[int, str]:
    result = CliRunner().invoke(cli, ["build", str(folder), "--out", str(out), "--lang", "en"])
    return result.exit_code, result.stderr


def tree(folder: Path) -> dict[str, bytes]:
    return {p.relative_to(folder).as_posix(): p.read_bytes()
            for p in sorted(folder.rglob("*")) if p.is_file()}


def edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert text.count(old) == 1, old
    path.write_text(text.replace(old, new), encoding="utf-8")


def test_a_rebuild_after_edits_writes_what_a_clean_build_writes(sources: Path,
                                                                 tmp_path: Path) -> None:
    out, clean = tmp_path / "out", tmp_path / "clean"
    assert slac_build(sources, out)[0] == 0
    # One contract edited (its meeting delay), one removed, one added (a copy under a new id).
    edit(sources / "cegid-api.sla", "meeting within 15 days", "meeting within 12 days")
    (sources / "public/fastly.sla").unlink()
    text = (CONTRACTS / "cegid-loop.sla").read_text(encoding="utf-8")
    (sources / "loop.sla").write_text(text, encoding="utf-8")

    code, said = slac_build(sources, out)
    assert code == 0
    # slack and conciliator are reused; cegid-api (edited) and loop (new) are built.
    assert "for 4 contract(s) (2 unchanged)" in said
    clean_code, clean_said = slac_build(sources, clean)
    assert clean_code == 0 and "unchanged" not in clean_said
    assert tree(out) == tree(clean)
    # The diagnostics of the reused files are said again, the same, in the same order.
    assert said.splitlines()[:-1] == clean_said.splitlines()[:-1]
    assert "12 days" in (out / "cegid_api.en.md").read_text(encoding="utf-8")


def test_the_index_names_each_source_and_its_files(sources: Path) -> None:
    built = built_from(sources)
    index = json.loads(built.files[output.INDEX])
    assert len(index) == len(CHOSEN)
    conciliator = next(entry for name, entry in index.items() if name.endswith("conciliator.sla"))
    assert conciliator["contract"]["module"] == "cegid_conciliator"
    assert conciliator["files"] == ["_holidays_fr_2020_2040.py", "cegid_conciliator.en.md",
                                    "cegid_conciliator.fr.md", "cegid_conciliator.html",
                                    "cegid_conciliator.py"]
    # Its notes and warnings are kept, to be said again when it is reused: code, then span.
    assert ["contradicted", 78, 5, 78, 26] in [d[:5] for d in conciliator["diagnostics"]]


def test_an_unchanged_source_is_not_checked_again(sources: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    first = built_from(sources)
    output.replace_atomically(out, first.files)
    edit(sources / "cegid-api.sla", "meeting within 15 days", "meeting within 11 days")
    previous = build.previous_build(out, inputs(sources))
    assert previous is not None
    again = built_from(sources, previous)
    assert again.reused == 3 and again.contracts == 4
    # Only the edited contract went through the checker: the others have no model this time.
    assert [c.id for c in again.compiled.contracts] == ["cegid-api"]
    assert again.compiled.diagnostics == first.compiled.diagnostics


def test_the_build_is_of_the_bytes_hashed_not_of_the_file_as_rewritten_since(
        sources: Path) -> None:
    # `slac build` hashes the bytes it read into the stamp; a source rewritten after that
    # read must not be built in their place, or the stamp would name inputs other than those
    # the output was built from.
    read = read_sources([sources])
    edit(sources / "cegid-api.sla", "meeting within 15 days", "meeting within 11 days")
    result = build.build_sources(read, output.input_hash(read))
    summary = result.files["cegid_api.en.md"]
    assert isinstance(summary, str) and "15 days" in summary and "11 days" not in summary


@pytest.mark.parametrize("damage", ["edited output", "other compiler", "damaged index"])
def test_an_untrustworthy_previous_build_is_not_used(sources: Path, tmp_path: Path,
                                                     damage: str) -> None:
    out = tmp_path / "out"
    output.replace_atomically(out, built_from(sources).files)
    stamp_path = out / output.STAMP
    given, digest = stamp_path.read_text(encoding="utf-8").splitlines()
    if damage == "edited output":
        with (out / "cegid_api.py").open("a", encoding="utf-8") as file:
            file.write("# edited by hand\n")
    elif damage == "other compiler":
        stamp_path.write_text(f"{given.rsplit(' ', 1)[0]} compiler sha256:0\n{digest}\n",
                              encoding="utf-8")
    else:   # an index that is not one, under a stamp that matches it
        files = {name: data.decode() for name, data in tree(out).items()}
        files[output.INDEX] = '{"x": 1}\n'
        del files[output.STAMP]
        stamp_path.write_text(f"{given}\n{output.stamp(files)}\n", encoding="utf-8")
        (out / output.INDEX).write_text(files[output.INDEX], encoding="utf-8")
    assert build.previous_build(out, inputs(sources)) is None


def test_a_new_file_may_not_take_the_id_of_a_reused_one(sources: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    assert slac_build(sources, out)[0] == 0
    before = tree(out)
    shutil.copyfile(sources / "cegid-api.sla", sources / "zz-copy.sla")
    code, said = slac_build(sources, out)
    assert code == 1
    assert "zz-copy.sla:1:1: error" in said and "duplicate-contract" in said
    assert tree(out) == before   # a failed build writes nothing


@pytest.fixture
def cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """A cache folder of this test's own, where the status of the output files is recorded."""
    monkeypatch.setenv("SLAC_CACHE_DIR", str(tmp_path / "cache"))
    caches.folder.cache_clear()
    yield tmp_path / "cache"
    monkeypatch.undo()
    caches.folder.cache_clear()


def reads(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The output files that `output` reads to hash them, from now on."""
    read: list[str] = []
    hash_file = output._file_hash

    def counted(path: str) -> str:
        read.append(Path(path).name)
        return hash_file(path)

    monkeypatch.setattr(output, "_file_hash", counted)
    return read


def test_files_unchanged_since_the_build_are_not_read_again(
        sources: Path, tmp_path: Path, cache: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    out = tmp_path / "out"
    assert slac_build(sources, out)[0] == 0
    given = inputs(sources)
    read = reads(monkeypatch)
    assert output.cached(out, given) and read == []
    # Without the record every file is read, and the record is made again for the next check.
    [record] = (cache / "outputs").iterdir()
    record.unlink()
    assert output.cached(out, given) and len(read) == len(tree(out))
    read.clear()
    assert output.cached(out, given) and read == []
    # A damaged record is no record.
    record.write_text('{"cegid_api.py": [1, 2]}', encoding="utf-8")
    assert output.cached(out, given) and len(read) == len(tree(out))


def test_an_edit_that_keeps_the_size_and_the_time_is_seen(sources: Path, tmp_path: Path,
                                                          cache: Path) -> None:
    out = tmp_path / "out"
    assert slac_build(sources, out)[0] == 0
    path = out / "cegid_api.py"
    before, data = path.stat(), path.read_bytes()
    edited = data.replace(b"def ", b"def_", 1)
    assert edited != data and len(edited) == len(data)
    path.write_bytes(edited)
    os.utime(path, ns=(before.st_atime_ns, before.st_mtime_ns))   # the time put back
    assert not output.cached(out, inputs(sources))
    assert build.previous_build(out, inputs(sources)) is None
    code, said = slac_build(sources, out)
    assert code == 0 and "unchanged" not in said
    assert path.read_bytes() == data
