"""Render benchmarks: a cold ``briefgen render`` against the import floor, and batch throughput.

Run by hand (``make bench`` or ``python tests/benchmarks/bench_render.py``);
pytest does not collect it.

* cold render: ``briefgen render`` of the sample memo in a fresh interpreter,
  paired with the floor ``python -c 'import docx, docxtpl, jinja2, pydantic'``
  (the libraries any render needs); the median of the per-pair ratios, target
  <= 1.6x.
* batch: one ``briefgen render`` of 200 briefings (the sample, retitled) with
  the memo template into a folder, start-up included, as memos per second
  (median of 5 runs); target >= 100/s on a 2-core machine.
"""

from __future__ import annotations

import json
import os
import statistics
import sys
import tempfile
from pathlib import Path

from pairing import Metric, byte_compile, paired, wall_seconds

ROOT = Path(__file__).resolve().parents[2]
SAMPLE = ROOT / "assets" / "samples" / "ishiba-lee-tokyo-2025.brief.json"
FLOOR = "import docx, docxtpl, jinja2, pydantic"
BRIEFGEN = [sys.executable, "-m", "briefgen", "render"]


def _briefs(folder: Path, count: int) -> list[str]:
    data = json.loads(SAMPLE.read_text(encoding="utf-8"))
    paths = []
    for i in range(count):
        data["title"] = f"Summit briefing {i:03d}"
        path = folder / f"b{i:03d}.brief.json"
        path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
        paths.append(str(path))
    return paths


def measure(pairs: int = 15, batch: int = 200, batch_runs: int = 5) -> list[Metric]:
    byte_compile()
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        env = {**os.environ, "BRIEFGEN_DATA_DIR": str(folder / "data")}
        env.pop("PYDANTIC_DISABLE_PLUGINS", None)       # briefgen sets it itself
        render = [*BRIEFGEN, str(SAMPLE), "-t", "briefing-memo", "-o", str(folder / "memo.docx")]
        wall_seconds(render, env)                       # warm the disk cache
        cold = paired(lambda: wall_seconds([sys.executable, "-c", FLOOR], env),
                      lambda: wall_seconds(render, env), pairs)

        many = [*BRIEFGEN, *_briefs(folder, batch), "-t", "briefing-memo",
                "-o", str(folder / "out")]
        total = statistics.median(wall_seconds(many, env) for _ in range(batch_runs))
    rate = batch / total
    return [
        Metric("cold render / import floor", cold.ratio, "x", "<= 1.6x", cold.ratio <= 1.6,
               f"median of {pairs} pairs; render {cold.measured * 1000:.0f} ms, "
               f"floor {cold.baseline * 1000:.0f} ms", headline=True),
        Metric(f"batch of {batch} memos", rate, "/s", ">= 100/s", rate >= 100,
               f"{total:.2f} s with start-up, median of {batch_runs}; "
               f"{os.cpu_count()} cores", headline=True),
    ]


def main() -> int:
    metrics = measure()
    for metric in metrics:
        print(metric)
    return 0 if all(m.ok for m in metrics) else 1


if __name__ == "__main__":
    sys.exit(main())
