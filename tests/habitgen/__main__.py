"""python -m tests.habitgen OUT_DIR [N] [SEED]"""

from __future__ import annotations

import argparse
from pathlib import Path

from tests.habitgen import generate

parser = argparse.ArgumentParser(prog="python -m tests.habitgen")
parser.add_argument("out_dir", type=Path)
parser.add_argument("n", type=int, nargs="?", default=16)
parser.add_argument("seed", type=int, nargs="?", default=1)
args = parser.parse_args()
generate(args.out_dir, args.n, args.seed)
