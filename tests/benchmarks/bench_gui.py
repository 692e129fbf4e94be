"""Desktop app benchmarks (offscreen): launch to window shown, preview refresh, peak memory.

Run: python tests/benchmarks/bench_gui.py  (pytest does not collect it)

* launch: a fresh interpreter until the main window on the sample is shown,
  against a bare PySide6 QMainWindow shown the same way (median of 5 each);
  the budget is 2x the bare window.
* preview: time from the debounce firing to the new preview shown, after an edit
  of the sample memo (median of 10); the budget is 300 ms.
* memory: peak RSS of the preview run; the budget is 300 MB.
"""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import tempfile

RUNS = 5

BARE = """
import time, sys
t0 = float(sys.argv[1])
from PySide6.QtWidgets import QApplication, QMainWindow
from PySide6.QtCore import QTimer
app = QApplication([])
w = QMainWindow(); w.setWindowTitle("bare"); w.resize(1200, 800); w.show()
QTimer.singleShot(0, lambda: (print(time.time() - t0), app.quit()))
app.exec()
"""

APP = """
import time, sys
t0 = float(sys.argv[1])
from PySide6.QtCore import QTimer
from briefgen.gui.app import application, create_window
app = application()
w = create_window(None); w.show()
QTimer.singleShot(0, lambda: (print(time.time() - t0), app.quit()))
app.exec()
w.document.undo_stack.setClean()
"""

PREVIEW = """
import resource, statistics, time
from PySide6.QtCore import QEventLoop, QTimer
from briefgen.gui.app import application, create_window
app = application()
w = create_window(None); w.show(); w.load_choices()
w.preview.wait(); app.processEvents()
times = []
for i in range(10):
    loop = QEventLoop()
    w.preview.refreshed.connect(loop.quit)
    w.document.set_value(("meeting", "venue"), f"Akasaka Palace {i}")
    w.preview.refresh_now()          # what the debounce timer does when it fires
    start = time.perf_counter(); loop.exec(); times.append(time.perf_counter() - start)
    w.preview.refreshed.disconnect(loop.quit)
    assert f"Akasaka Palace {i}" in w.preview.browser.toPlainText()
print(statistics.median(times) * 1000, resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024)
w.document.undo_stack.setClean()
"""


def _run(code: str, env: dict[str, str]) -> str:
    import time

    out = subprocess.run([sys.executable, "-c", code, repr(time.time())], env=env,
                         capture_output=True, text=True, check=True, timeout=120)
    return out.stdout.strip().splitlines()[-1]


def main() -> int:
    with tempfile.TemporaryDirectory() as home:
        env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "BRIEFGEN_DATA_DIR": home,
               "XDG_CONFIG_HOME": home, "HOME": home}
        _run(APP, env)                        # warm the disk cache and bytecode
        bare = statistics.median(float(_run(BARE, env)) for _ in range(RUNS))
        app = statistics.median(float(_run(APP, env)) for _ in range(RUNS))
        preview_ms, peak_mb = map(float, _run(PREVIEW, env).split())
    ratio = app / bare
    print(f"launch to shown: bare QMainWindow {bare * 1000:.0f} ms, briefgen {app * 1000:.0f} ms "
          f"({ratio:.2f}x; budget 2x)")
    print(f"preview refresh after an edit: {preview_ms:.0f} ms (budget 300 ms)")
    print(f"peak memory: {peak_mb:.0f} MB (budget 300 MB)")
    return 0 if ratio <= 2 and preview_ms < 300 and peak_mb < 300 else 1


if __name__ == "__main__":
    sys.exit(main())
