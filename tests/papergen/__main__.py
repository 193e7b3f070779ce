"""`python -m tests.papergen OUT_DIR --n N --seed S` — write a papergen corpus."""

from __future__ import annotations

import argparse
from pathlib import Path

from tests.papergen.generate import generate


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m tests.papergen", description="Write a papergen corpus.")
    parser.add_argument("out_dir", type=Path)
    parser.add_argument("--n", type=int, default=20)
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args(argv)
    generate(args.out_dir, args.n, args.seed)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
