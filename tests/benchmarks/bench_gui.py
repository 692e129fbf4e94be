"""Desktop app benchmarks (offscreen): launch to window shown, preview refresh, peak memory.

Run: python tests/benchmarks/bench_gui.py  (pytest does not collect it)

* launch: a fresh interpreter until the main window's first paint, against a
  bare PySide6 QMainWindow painted the same way (median of 7 each); the budget
  is 2x the bare window.  The app starts as a user starts it (``briefgen gui``),
  with its modules byte-compiled as a wheel install leaves them.  A third line,
  the floor, is the bare window after loading the sample with the facts model
  (pydantic): no briefgen window can be faster than that.
* preview: time from the debounce firing to the new preview shown, after an edit
  of the sample memo (median of 10); the budget is 300 ms.
* memory: peak RSS of the preview run; the budget is 300 MB.
"""

from __future__ import annotations

import compileall
import os
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

import briefgen

RUNS = 7

# Prints the seconds from the time in argv[1] to the first paint of the main
# window, then quits.  Only the window is watched: an application-wide event
# filter would itself make PySide6 wrap (and slow) every object it sees.
LAUNCH = """
import sys, time
t0 = float(sys.argv[1])
from PySide6.QtCore import QEvent, QObject
from PySide6.QtWidgets import QApplication, QMainWindow

class FirstPaint(QObject):
    def eventFilter(self, obj, event):
        if event.type() == QEvent.Type.Paint:
            print(time.time() - t0)
            obj.removeEventFilter(self)
            QApplication.instance().quit()
        return False

_exec = QApplication.exec
def exec_until_painted(self=None):
    app = QApplication.instance()
    app.first_paint = FirstPaint()
    for widget in app.topLevelWidgets():
        if isinstance(widget, QMainWindow):
            widget.installEventFilter(app.first_paint)
    return _exec()
QApplication.exec = exec_until_painted

def bare_window():
    app = QApplication([])
    window = QMainWindow(); window.setWindowTitle("bare"); window.resize(1200, 800); window.show()
    app.exec()

if sys.argv[2] == "bare":
    bare_window()
elif sys.argv[2] == "floor":
    import os
    os.environ["PYDANTIC_DISABLE_PLUGINS"] = "__all__"     # as briefgen.cli.main does
    from briefgen.briefing_io import load_briefing
    from briefgen.resources import sample_briefing_path
    load_briefing(sample_briefing_path())
    bare_window()
else:
    from briefgen.cli import main
    main(["gui"])
"""

PREVIEW = """
import resource, statistics, time
from PySide6.QtCore import QEventLoop, QTimer
from briefgen.gui.app import application, create_windows
app = application()
w = create_windows(None)[0]; w.show(); w.load_choices()
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


def _run(code: str, env: dict[str, str], *args: str) -> str:
    import time

    out = subprocess.run([sys.executable, "-c", code, repr(time.time()), *args], env=env,
                         capture_output=True, text=True, check=True, timeout=120)
    return out.stdout.strip().splitlines()[-1]


def _launch(env: dict[str, str], kind: str) -> float:
    return statistics.median(float(_run(LAUNCH, env, kind)) for _ in range(RUNS))


def main() -> int:
    # an installed wheel comes byte-compiled; an editable checkout may not be
    # (PYTHONDONTWRITEBYTECODE), and compiling on every start would be measured
    compileall.compile_dir(Path(briefgen.__file__).parent, quiet=1)
    with tempfile.TemporaryDirectory() as home:
        env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "BRIEFGEN_DATA_DIR": home,
               "XDG_CONFIG_HOME": home, "HOME": home}
        env.pop("PYDANTIC_DISABLE_PLUGINS", None)     # briefgen sets it itself
        _run(LAUNCH, env, "app")                      # warm the disk cache
        bare, floor, app = (_launch(env, kind) for kind in ("bare", "floor", "app"))
        preview_ms, peak_mb = map(float, _run(PREVIEW, env).split())
    ratio = app / bare
    print(f"launch to first paint: bare QMainWindow {bare * 1000:.0f} ms, briefgen {app * 1000:.0f} ms "
          f"({ratio:.2f}x; budget 2x)")
    print(f"  floor, bare window after loading the sample with the model: {floor * 1000:.0f} ms "
          f"({floor / bare:.2f}x)")
    print(f"preview refresh after an edit: {preview_ms:.0f} ms (budget 300 ms)")
    print(f"peak memory: {peak_mb:.0f} MB (budget 300 MB)")
    return 0 if ratio <= 2 and preview_ms < 300 and peak_mb < 300 else 1


if __name__ == "__main__":
    sys.exit(main())
