"""Start-up: the wall time of `polybius code` on one article, from process start to output.

    .venv/bin/python bench/startup.py [--runs 3]

Runs the real command in a fresh process (model, lexicons and gazetteer loading included)
and prints each run and the best, and the share spent loading the Coder.
"""
from __future__ import annotations

import argparse
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
EXAMPLE = ROOT / "examples" / "missiles-kursk.txt"
LOAD_ONLY = "import time; t=time.perf_counter(); from polybius.pipeline import Coder; Coder().gazetteer; print(time.perf_counter()-t)"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    command = [sys.executable, "-m", "polybius", "code", str(EXAMPLE), "--date", "2024-11-18", "--format", "jsonl"]
    times = []
    for _ in range(args.runs):
        start = time.perf_counter()
        subprocess.run(command, check=True, capture_output=True)
        times.append(time.perf_counter() - start)
    load = min(float(subprocess.run([sys.executable, "-c", LOAD_ONLY], check=True, capture_output=True,
                                    text=True).stdout) for _ in range(args.runs))
    print("polybius code on one article (fresh process): " + ", ".join(f"{t:.2f} s" for t in times))
    print(f"best: {min(times):.2f} s; of which loading the Coder (model, lexicons, gazetteer): {load:.2f} s")


if __name__ == "__main__":
    main()
