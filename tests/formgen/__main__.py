"""`python -m tests.formgen OUT_DIR --n N --seed S [--families a,b]`: write a corpus of request emails."""

from __future__ import annotations

import argparse
from pathlib import Path

from tests.formgen.families import FAMILIES
from tests.formgen.generate import generate


def main() -> None:
    parser = argparse.ArgumentParser(prog="python -m tests.formgen", description=__doc__)
    parser.add_argument("out", type=Path)
    parser.add_argument("--n", type=int, default=24)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--families", default="", help=f"comma-separated subset of {', '.join(FAMILIES)}")
    args = parser.parse_args()
    families = [name for name in args.families.split(",") if name] or list(FAMILIES)
    unknown = set(families) - set(FAMILIES)
    if unknown:
        parser.error(f"unknown families: {', '.join(sorted(unknown))}")
    generate(args.out, args.n, args.seed, families)


if __name__ == "__main__":
    main()
