"""Rewrite tests/golden/summary/ from the current summary backend: `python -m tests.update_golden`.

Review the diff before committing it: the golden files are what a reader of the summaries sees.
"""

from __future__ import annotations

import os
from pathlib import Path

from slac.backends import summary
from slac.pipeline import compile_paths

ROOT = Path(__file__).resolve().parent.parent
GOLDEN = ROOT / "tests" / "golden" / "summary"


def main() -> None:
    os.chdir(ROOT)  # source paths as `slac build contracts/` gives them
    compiled = compile_paths([Path("contracts")])
    if compiled.has_errors:
        raise SystemExit("contracts/ has errors: fix them before updating the golden files")
    GOLDEN.mkdir(parents=True, exist_ok=True)
    for contract in compiled.contracts:
        for name, text in summary.render(contract).items():
            (GOLDEN / name).write_text(text, encoding="utf-8", newline="\n")
            print(f"wrote {GOLDEN.relative_to(ROOT) / name}")


if __name__ == "__main__":
    main()
