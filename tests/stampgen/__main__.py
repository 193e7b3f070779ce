"""python -m tests.stampgen OUT --n 32 --seed 1 [--look DIR]"""

from __future__ import annotations

import argparse
from pathlib import Path

from . import build, generate


def main() -> None:
    parser = argparse.ArgumentParser(prog="python -m tests.stampgen")
    parser.add_argument("out", type=Path)
    parser.add_argument("--n", type=int, default=32)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--look", type=Path, help="also save each message's first page as PNG here")
    args = parser.parse_args()
    generate(args.out, args.n, args.seed)
    if args.look:
        args.look.mkdir(parents=True, exist_ok=True)
        for i in range(args.n):
            _, obj, images = build(args.seed + i, i)
            images[0].convert("RGB").resize((827, 1170)).save(args.look / f"{i:04d}_{obj['family']}.png")


if __name__ == "__main__":
    main()
