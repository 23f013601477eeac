"""Heavy work in a worker thread: results, progress, errors, and newer runs superseding older."""

import threading
import weakref

import pytest

import engine
from gui.background_task import BackgroundTask, RecentResults, keyed


@pytest.fixture
def task(qapp):
    background = BackgroundTask()
    yield background
    background.cancel()


def test_a_run_reports_progress_and_its_result(qtbot, task):
    seen = []
    task.progressed.connect(seen.append)

    def work(report, should_stop):
        report(0.5)
        report(1.0)
        return threading.current_thread() is not threading.main_thread()

    with qtbot.waitSignal(task.succeeded, timeout=5000) as result:
        task.start(work)
    assert result.args == [True]  # it ran off the GUI thread
    assert seen == [0.5, 1.0] and not task.running


def test_a_newer_run_supersedes_an_older_one(qtbot, task):
    release = threading.Event()
    results = []
    task.succeeded.connect(results.append)

    def slow(report, should_stop):
        release.wait(5)
        return "old" if not should_stop() else None

    task.start(slow)
    with qtbot.waitSignal(task.succeeded, timeout=5000):
        task.start(lambda report, should_stop: "new")
        release.set()
    qtbot.wait(50)  # the old run's end, if it were delivered, would arrive by now
    assert results == ["new"]


def test_an_engine_refusal_is_reported_in_words(qtbot, task):
    def refuse(report, should_stop):
        raise engine.ConfigError("the network has no softmax")

    with qtbot.waitSignal(task.failed, timeout=5000) as failure:
        task.start(refuse)
    assert failure.args == ["The network has no softmax"]


def test_a_finished_run_lets_go_of_its_work(qtbot, task):
    class Drawing:  # what a forward's work holds: a network, a drawing
        pass

    drawing = Drawing()
    held = weakref.ref(drawing)
    with qtbot.waitSignal(task.succeeded, timeout=5000):
        task.start(lambda report, should_stop, drawing=drawing: "done")
    del drawing
    qtbot.waitUntil(lambda: held() is None, timeout=5000)


def test_recent_results_forget_the_oldest():
    results = RecentResults(2)
    results["a"], results["b"] = 1, 2
    results["a"] = 3  # replacing an entry forgets nothing
    assert results == {"a": 3, "b": 2}
    results["c"] = 4
    assert list(results.items()) == [("b", 2), ("c", 4)]  # "a" was stored first


def test_keyed_work_delivers_nothing_once_stopped():
    assert keyed("k", 3) == ("k", 3)
    assert keyed("k", None) is None


@pytest.mark.qt_no_exception_capture
def test_a_bug_in_the_work_is_shown_and_the_task_goes_on(qtbot, task, monkeypatch):
    import sys
    from gui.background_task import UNEXPECTED
    shown = []
    monkeypatch.setattr(sys, "excepthook", lambda *fault: shown.append(fault[1]))

    def buggy(report, should_stop):
        raise RuntimeError("a bug in the work")
    with qtbot.waitSignal(task.failed, timeout=5000) as failed:
        task.start(buggy)
    assert failed.args == [UNEXPECTED] and not task.running
    assert [str(exc) for exc in shown] == ["a bug in the work"]
    with qtbot.waitSignal(task.succeeded, timeout=5000) as result:
        task.start(lambda report, should_stop: 42)
    assert result.args == [42]
