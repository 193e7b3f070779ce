"""python -m tests.copygen OUT N SEED"""

from __future__ import annotations

import sys
from pathlib import Path

from . import generate

if __name__ == "__main__":
    if len(sys.argv) != 4:
        print("usage: python -m tests.copygen OUT N SEED", file=sys.stderr)
        raise SystemExit(2)
    generate(Path(sys.argv[1]), int(sys.argv[2]), int(sys.argv[3]))
