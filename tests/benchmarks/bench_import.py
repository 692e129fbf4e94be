"""Import speed: a ~4 KB article (median of repeated in-process runs) and a ~1 MB text.

Run: python tests/benchmarks/bench_import.py
"""

from __future__ import annotations

import datetime as dt
import statistics
import sys
import tempfile
import time
from pathlib import Path

ARTICLES = Path(__file__).resolve().parents[1] / "data" / "articles"
PUBLISHED = dt.date(2025, 5, 16)


def _article_4k() -> str:
    """Our wire story repeated as paragraphs up to about 4 KB."""
    text = (ARTICLES / "manila-wire.txt").read_text(encoding="utf-8")
    body = text
    while len(body) < 4000:
        body += "\n\n" + text.split("\n\n", 1)[1]
    return body[:4200]


def _time(path: Path, runs: int) -> float:
    from briefgen.importing import import_sources

    times = []
    for _ in range(runs):
        start = time.perf_counter()
        import_sources([path], published=PUBLISHED)
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def main() -> int:
    from briefgen.importing import import_sources

    with tempfile.TemporaryDirectory() as folder:
        small = Path(folder) / "article.txt"
        small.write_text(_article_4k(), encoding="utf-8")
        import_sources([small], published=PUBLISHED)  # warm caches (gazetteer, patterns)
        four_k = _time(small, 21)
        print(f"~4 KB article ({small.stat().st_size} bytes): {four_k * 1000:.1f} ms "
              "(median of 21 runs; target < 50 ms)")
        sizes = []
        for factor in (1, 4):
            big = Path(folder) / f"big{factor}.txt"
            text = _article_4k()
            big.write_text((text + "\n\n") * (250 * factor // 4 or 1), encoding="utf-8")
            sizes.append((big.stat().st_size, _time(big, 1)))
        for size, seconds in sizes:
            print(f"{size / 1e6:.2f} MB text: {seconds:.2f} s")
        (s1, t1), (s2, t2) = sizes
        print(f"growth: {t2 / t1:.1f}x time for {s2 / s1:.1f}x size (1 MB target < 3 s)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
