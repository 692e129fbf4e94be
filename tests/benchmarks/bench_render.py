"""Render benchmarks: cold start against the import floor, and batch throughput.

Run by hand (``make bench`` or ``python tests/benchmarks/bench_render.py``);
pytest does not collect it.
"""

from __future__ import annotations

import json
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
SAMPLE = ROOT / "assets" / "samples" / "ishiba-lee-tokyo-2025.brief.json"
FLOOR = "import docx, docxtpl, jinja2, pydantic"


def timed(argv: list[str], runs: int) -> float:
    """Median wall time of *runs* runs of *argv*, in seconds."""
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        subprocess.run(argv, check=True, capture_output=True)
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def main(runs: int = 15, batch: int = 200) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        floor = timed([sys.executable, "-c", FLOOR], runs)
        cold = timed([sys.executable, "-m", "briefgen", "render", str(SAMPLE),
                      "-t", "briefing-memo", "-o", str(folder / "memo.docx")], runs)
        print(f"floor (python -c '{FLOOR}'): {floor * 1000:.0f} ms")
        print(f"cold render of the sample memo: {cold * 1000:.0f} ms "
              f"= {cold / floor:.2f}x the floor (target <= 2x)")

        data = json.loads(SAMPLE.read_text(encoding="utf-8"))
        briefs = []
        for i in range(batch):
            data["title"] = f"Summit briefing {i:03d}"
            path = folder / f"b{i:03d}.brief.json"
            path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
            briefs.append(str(path))
        argv = [sys.executable, "-m", "briefgen", "render", *briefs, "-t", "briefing-memo",
                "-o", str(folder / "out")]
        total = timed(argv, 3)
        startup = cold
        print(f"batch: {batch} memos in {total:.2f} s = {batch / total:.0f} memos/s "
              f"({batch / max(total - startup, 1e-6):.0f}/s after start-up; target >= 50/s)")


if __name__ == "__main__":
    main()
