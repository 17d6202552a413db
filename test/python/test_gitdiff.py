# RUN: %python %s
# REQUIRES: git
"""The changed files of a diff run, from git, with names git would quote
(spaces, quotes, non-ASCII) in a real repository."""
import os
import subprocess
import sys
import tempfile
import unittest

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)),
                                "Inputs"))
import support  # noqa: E402

from thread_tidy import gitdiff  # noqa: E402

NAMES = ["plain.cpp", "with space.cpp", 'quote"d.cpp', "\u00fcml\u00e4ut.cpp",
         "sub dir/\u65e5\u672c.h", "back\\slash.cc"]


class GitDiffTest(support.ScratchTestCase):
    def git(self, *arguments):
        subprocess.run(["git", "-c", "user.name=t", "-c", "user.email=t@t",
                        "-c", "init.defaultBranch=main"] + list(arguments),
                       cwd=self.tmp, check=True, capture_output=True)

    def setUp(self):
        super().setUp()
        self.git("init", "-q")
        for name in NAMES + ["gone.cpp", "old name.cpp", "notes.txt"]:
            self.write(name, "int x;\n")
        self.git("add", "-A")
        self.git("commit", "-q", "-m", "start")

    def change_everything(self):
        for name in NAMES + ["notes.txt"]:
            self.write(name, "int x;\nint y;\n")
        os.remove(os.path.join(self.tmp, "gone.cpp"))
        os.rename(os.path.join(self.tmp, "old name.cpp"),
                  os.path.join(self.tmp, "new name.cpp"))
        self.write("added\ttab.cpp", "int z;\n")
        self.git("add", "-A")

    def test_names_come_back_verbatim_and_deleted_files_are_left_out(self):
        self.change_everything()
        change = gitdiff.read_change(os.path.join(self.tmp, "sub dir"),
                                     ["--cached"])
        self.assertEqual(os.path.realpath(change.top),
                         os.path.realpath(self.tmp))
        self.assertEqual(sorted(change.files), sorted(
            NAMES + ["notes.txt", "new name.cpp", "added\ttab.cpp"]))
        self.assertEqual(sorted(gitdiff.sources(change.files)), sorted(
            NAMES + ["new name.cpp", "added\ttab.cpp"]))

    def test_default_is_the_uncommitted_change(self):
        self.write("plain.cpp", "int changed;\n")
        self.assertEqual(gitdiff.read_change(self.tmp, []).files,
                         ["plain.cpp"])
        self.assertEqual(gitdiff.read_change(self.tmp, ["--cached"]).files,
                         [])

    def test_the_unified_diff_names_non_ascii_files_unquoted(self):
        self.change_everything()
        diff = gitdiff.read_change(self.tmp, ["--cached"]).diff
        self.assertIn("+++ b/\u00fcml\u00e4ut.cpp\n".encode("utf-8"), diff)
        self.assertIn(b"@@ -1,0 +2 @@", diff)

    def test_which_names_clang_tidy_diff_cannot_read(self):
        unreadable = {name for name in NAMES + ["added\ttab.cpp", "a\nb.c"]
                      if gitdiff.unreadable_by_clang_tidy_diff(name)}
        self.assertEqual(unreadable, {
            "with space.cpp", 'quote"d.cpp', "sub dir/\u65e5\u672c.h",
            "back\\slash.cc", "added\ttab.cpp", "a\nb.c"})

    def test_outside_a_repository(self):
        outside = tempfile.mkdtemp(prefix="thread-tidy-test-")
        self.addCleanup(os.rmdir, outside)
        with self.assertRaises(gitdiff.GitError) as raised:
            gitdiff.read_change(outside, [])
        self.assertIn("git diff failed: fatal: not a git repository",
                      str(raised.exception))
        with self.assertRaises(gitdiff.GitError) as raised:
            gitdiff.read_change(self.tmp, ["no-such-revision"])
        self.assertIn("no-such-revision", str(raised.exception))


if __name__ == "__main__":
    unittest.main(verbosity=2)
