# RUN: %python %s
"""The progress of a project run: one live line on a terminal (analyses
done, findings so far, elapsed time, time left), plain lines when piped or
in CI."""
import io
import os
import sys
import unittest

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)),
                                "Inputs"))
import support  # noqa: E402, F401 (puts thread_tidy on the path)

from thread_tidy import progress as progress_module  # noqa: E402
from thread_tidy.progress import Progress, clock_text, is_live  # noqa: E402

ERASE = "\r\033[K"
WARNING = ("/p/src/a.cpp:6:15: warning: thread 't' is started but never "
           "joined or detached [threads-unjoined-thread]\n")


class FakeTerminal(io.StringIO):
    """A terminal whose width nobody can ask (80 columns are assumed)."""

    def isatty(self):
        return True


class FakeClock:
    def __init__(self, now):
        self.now = now

    def __call__(self):
        return self.now


class LiveLineTest(unittest.TestCase):
    def setUp(self):
        self.out = FakeTerminal()
        self.clock = FakeClock(100.0)
        self.progress = Progress(
            ["/p/src/a.cpp", "/p/src/b.cpp", "/p/src/c.cpp", "/p/src/d.cpp"],
            "/p", False, self.out, clock=self.clock)

    def drawn(self):
        return self.out.getvalue().split(ERASE)[1:]

    def test_a_terminal_is_live_unless_in_ci(self):
        self.assertTrue(self.progress.live)
        self.assertTrue(is_live(FakeTerminal(), {}))
        self.assertFalse(is_live(FakeTerminal(), {"CI": "true"}))
        self.assertFalse(is_live(io.StringIO(), {}))

    def test_done_findings_elapsed_and_eta(self):
        self.clock.now = 110.0
        self.progress.analysis_done("/p/src/a.cpp")
        self.clock.now = 111.0
        self.progress.line_seen(WARNING)
        self.progress.line_seen(WARNING)  # a header's, from another file
        self.clock.now = 120.0
        self.progress.analysis_done("/p/src/b.cpp")
        self.assertEqual(self.drawn(), [
            "thread-tidy: [1/4] 0 findings, 0:10 elapsed, ETA 0:30, "
            "src/a.cpp",
            "thread-tidy: [1/4] 1 finding, 0:11 elapsed, ETA 0:33, "
            "src/a.cpp",
            "thread-tidy: [2/4] 1 finding, 0:20 elapsed, ETA 0:20, "
            "src/b.cpp"])
        self.assertEqual(self.progress.finding_lines(), [
            "src/a.cpp:6:15: warning: thread 't' is started but never "
            "joined or detached [threads-unjoined-thread]"])

    def test_the_findings_of_the_last_analysis_count(self):
        # clang-tidy's output comes after the line saying a file is done.
        for name in "abcd":
            self.progress.analysis_done("/p/src/%s.cpp" % name)
        self.progress.line_seen(WARNING)
        self.progress.close()
        self.assertEqual(self.drawn()[-1],
                         "thread-tidy: [4/4] 1 finding, 0:00 elapsed, "
                         "ETA 0:00, src/d.cpp\n")

    def test_close_ends_an_unfinished_line(self):
        self.progress.analysis_done("/p/src/a.cpp")
        self.progress.close()
        self.assertTrue(self.out.getvalue().endswith("src/a.cpp\n"))

    def test_the_line_fits_the_terminal(self):
        deep = "/p/" + "very/" * 30 + "deep.cpp"
        progress = Progress([deep], "/p", False, self.out, clock=self.clock)
        progress.analysis_done(deep)
        line = self.drawn()[0]
        self.assertEqual(len(line), progress_module.DEFAULT_WIDTH - 1)
        self.assertTrue(line.startswith("thread-tidy: [1/1] 0 findings"))

    def test_quiet_shows_nothing(self):
        progress = Progress(["/p/a.cpp"], "/p", True, self.out,
                            clock=self.clock)
        progress.analysis_done("/p/a.cpp")
        progress.line_seen(WARNING)
        progress.close()
        self.assertEqual(self.out.getvalue(), "")
        self.assertEqual(progress.done, 1)
        self.assertEqual(len(progress.finding_lines()), 1)

    def test_clock_text(self):
        self.assertEqual([clock_text(s) for s in (0, 59.6, 65, 3725)],
                         ["0:00", "1:00", "1:05", "1:02:05"])


class PlainLinesTest(unittest.TestCase):
    def test_piped_or_in_ci_one_plain_line_per_file(self):
        for out, live in ((io.StringIO(), None), (FakeTerminal(), False)):
            with self.subTest(out=type(out).__name__):
                progress = Progress(["/p/a.cpp", "/p/b.cpp"], "/p", False,
                                    out, live=live)
                progress.analysis_done("/p/a.cpp")
                progress.line_seen(WARNING)
                progress.analysis_done("/p/b.cpp")
                progress.close()
                self.assertEqual(out.getvalue(), "thread-tidy: [1/2] a.cpp\n"
                                 "thread-tidy: [2/2] b.cpp\n")


if __name__ == "__main__":
    unittest.main(verbosity=2)
