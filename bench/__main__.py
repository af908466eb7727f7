"""`python -m bench`: run every benchmark and print slac's figures beside their baselines.

    python -m bench                 full sizes (1,000 contracts, 10,000 outages, ...)
    python -m bench --quick         small sizes, for a quick look
    python -m bench --only T3 N5 --outages 50000 --deadlines 20000 --repeat 3 --profile
"""

from __future__ import annotations

import argparse
import dataclasses
import sys
from pathlib import Path

from .run import BENCHMARKS, FULL, QUICK, main, use_generated


def arguments(argv: list[str] | None = None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(
        prog="python -m bench", description="Benchmarks of slac against baselines measured in "
        "the same run: build throughput, no-op rebuild, evaluators against pandas.")
    parser.add_argument("--quick", action="store_true", help="small sizes")
    parser.add_argument("--contracts", type=int, help="synthetic contracts to build (1000)")
    parser.add_argument("--rate-months", type=int, choices=range(1, 13), metavar="1-12",
                        help="months of per-minute error rates for N1 (12)")
    parser.add_argument("--outages", type=int, help="outages in the month for T3 (10000)")
    parser.add_argument("--deadlines", type=int, help="deadlines for N5 and T5 (100000)")
    parser.add_argument("--rows", type=int,
                        help="rows of the CSV file of the end-to-end benchmark CSV (527040)")
    parser.add_argument("--generated", metavar="PATH",
                        help="measure the package built at PATH (slac build SRC --out PATH) "
                        "instead of the committed generated/")
    parser.add_argument("--only", nargs="+", choices=BENCHMARKS, default=list(BENCHMARKS),
                        help="benchmarks to run (default: all; 'build' is the build and no-op "
                        "rebuild)")
    parser.add_argument("--seed", type=int, default=1, help="seed of the generated data (1)")
    parser.add_argument("--repeat", type=int, default=3,
                        help="runs of each evaluator step; the shortest is shown (3)")
    parser.add_argument("--profile", action="store_true",
                        help="also print where slac spends its time (cProfile, own time)")
    return parser.parse_args(argv)


def run(argv: list[str] | None = None) -> int:
    options = arguments(argv)
    sizes = QUICK if options.quick else FULL
    chosen = {name: value for name in ("contracts", "rate_months", "outages", "deadlines", "rows")
              if (value := getattr(options, name)) is not None}
    for name, value in chosen.items():
        if value < 1:
            print(f"python -m bench: --{name.replace('_', '-')} must be at least 1",
                  file=sys.stderr)
            return 2
    sizes = dataclasses.replace(sizes, **chosen)
    try:
        if options.generated:
            use_generated(Path(options.generated))
        return main(sizes, options.seed, options.only, max(1, options.repeat), options.profile)
    except KeyboardInterrupt:
        print("python -m bench: interrupted", file=sys.stderr)
        return 130
    except Exception as exc:  # noqa: BLE001 - reported plainly, never as a traceback
        print(f"python -m bench: failed ({type(exc).__name__}: {exc})", file=sys.stderr)
        return 2


if __name__ == "__main__":
    sys.exit(run())
