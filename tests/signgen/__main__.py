"""`python -m tests.signgen OUT_DIR --n N --seed S`."""

from __future__ import annotations

import argparse
from pathlib import Path

from tests.signgen import generate


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(prog="python -m tests.signgen", description="Write a signgen corpus.")
    parser.add_argument("out_dir", type=Path)
    parser.add_argument("--n", type=int, default=40)
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args(argv)
    generate(args.out_dir, args.n, args.seed)


if __name__ == "__main__":
    main()
