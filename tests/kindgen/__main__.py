"""python -m tests.kindgen OUT_DIR [--n N] [--seed S]"""

from __future__ import annotations

import argparse
from pathlib import Path

from tests.kindgen import generate


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m tests.kindgen", description="write a kindgen corpus")
    parser.add_argument("out_dir", type=Path)
    parser.add_argument("--n", type=int, default=32)
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args(argv)
    generate(args.out_dir, args.n, args.seed)
    print(f"{args.n} messages in {args.out_dir}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
