"""python -m tests.issuegen OUT N SEED — write N messages for seeds SEED … SEED+N-1 into OUT."""

from __future__ import annotations

import sys
from pathlib import Path

from . import generate


def main(argv: list[str]) -> int:
    if len(argv) != 3:
        print("usage: python -m tests.issuegen OUT N SEED", file=sys.stderr)
        return 2
    out, n, seed = Path(argv[0]), int(argv[1]), int(argv[2])
    generate(out, n, seed)
    print(f"wrote {n} messages to {out}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
