"""python -m tests.plaingen OUT [--n 32] [--seed 1]"""

from __future__ import annotations

import argparse
from pathlib import Path

from . import generate


def main() -> None:
    parser = argparse.ArgumentParser(prog="python -m tests.plaingen")
    parser.add_argument("out", type=Path)
    parser.add_argument("--n", type=int, default=32)
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    generate(args.out, args.n, args.seed)


if __name__ == "__main__":
    main()
