"""Runs every benchmark module in this folder (bench_*.py), then repeats the headline numbers.

The headline numbers: cold render / import floor, first paint / bare
QMainWindow (medians of paired runs), and batch memos per second.
"""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent


def main() -> int:
    status, headline = 0, []
    for path in sorted(HERE.glob("bench_*.py")):
        print(f"== {path.stem}", flush=True)
        spec = importlib.util.spec_from_file_location(path.stem, path)
        module = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(module)
        if not hasattr(module, "measure"):
            status |= module.main()
            continue
        for metric in module.measure():
            print(metric, flush=True)
            status |= not metric.ok
            if metric.headline:
                headline.append(metric)
    print("== headline")
    for metric in headline:
        print(metric)
    return status


if __name__ == "__main__":
    sys.exit(main())
