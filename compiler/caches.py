"""What slac derives from its own files, kept between runs in a folder of the user's own: the
parse tables of the grammar (Lark's cache), the compiled templates (Jinja's bytecode cache) and
the hash and file status of each file of the output folders it wrote (`output.files_on_disk`).

Both libraries key each entry by the text it was made from and make it again when that text
changes, so a stale entry is never used. The folder is `$XDG_CACHE_HOME/slac` (default
`~/.cache/slac`), or `$SLAC_CACHE_DIR`; it is used only if this user owns it and no one else
may write in it, since its entries are loaded as code. `SLAC_CACHE_DIR=off`, or a folder that
cannot be made or is not safe, means no cache: slac is then slower to start, never wrong.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import stat
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import jinja2


@cache
def folder() -> Path | None:
    """The cache folder, made if needed, or None when there is none to use."""
    chosen = os.environ.get("SLAC_CACHE_DIR")
    if chosen == "off":
        return None
    try:
        base = Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache")
        path = Path(chosen) if chosen else base / "slac"
        path.mkdir(mode=0o700, parents=True, exist_ok=True)
        info = path.lstat()
    except (OSError, RuntimeError):   # no home, a read-only or missing file system
        return None
    owner = os.getuid() if hasattr(os, "getuid") else info.st_uid
    if not stat.S_ISDIR(info.st_mode) or info.st_uid != owner or info.st_mode & 0o022:
        return None
    return path


def parser_cache(name: str) -> str | bool:
    """Lark's `cache` option for the parser called `name`: its file in the folder, or False."""
    where = folder()
    return False if where is None else str(where / f"{name}.lark-cache")


@cache
def templates(environment: str) -> jinja2.BytecodeCache | None:
    """Jinja's bytecode cache of the templates of one `environment`, or None. Each environment
    has a folder of its own: Jinja keys an entry by the template's name and text only, and the
    code compiled for one environment's options (HTML escaping) is wrong for another's."""
    where = folder()
    if where is None:
        return None
    path = where / f"templates-{environment}"
    try:
        path.mkdir(mode=0o700, exist_ok=True)
    except OSError:
        return None
    return _template_cache()(str(path))


@cache
def _template_cache() -> type[jinja2.FileSystemBytecodeCache]:
    """Jinja's cache in files, where an entry that cannot be read or written (damaged, a full
    disk) is as if absent: the template is then compiled from its text. Jinja is loaded here,
    out of the way of a build that renders nothing."""
    import jinja2.bccache

    class TemplateCache(jinja2.FileSystemBytecodeCache):
        def load_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
            try:
                super().load_bytecode(bucket)
            except Exception:  # noqa: BLE001 - any damaged entry: compile the template anew
                bucket.reset()

        def dump_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
            with contextlib.suppress(OSError):
                super().dump_bytecode(bucket)

    return TemplateCache


def output_record(out: Path) -> Path | None:
    """The file that keeps what slac knows of the output folder `out` (see
    `output.files_on_disk`), or None when there is no cache."""
    where = folder()
    if where is None:
        return None
    key = hashlib.sha256(os.fsencode(out.resolve())).hexdigest()[:32]
    return where / "outputs" / key
