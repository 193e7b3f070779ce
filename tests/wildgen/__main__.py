"""python -m tests.wildgen OUT_DIR [--n N] [--seed S]"""

from __future__ import annotations

import argparse
from pathlib import Path

from tests.wildgen import generate

parser = argparse.ArgumentParser(prog="python -m tests.wildgen")
parser.add_argument("out_dir", type=Path)
parser.add_argument("--n", type=int, default=16)
parser.add_argument("--seed", type=int, default=1)
args = parser.parse_args()
generate(args.out_dir, args.n, args.seed)
