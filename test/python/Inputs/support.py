"""What the unit tests share: the package on sys.path, scratch directories,
and a fake LLVM installation (clang-tidy and its runner scripts are small
Python programs that record how they were called)."""
import json
import os
import shutil
import subprocess
import sys
import tempfile
import textwrap
import unittest

HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.normpath(os.path.join(HERE, os.pardir, os.pardir, os.pardir))
SCRIPTS = os.path.join(REPO, "scripts")
DOCS = os.path.join(REPO, "docs", "checks")
if SCRIPTS not in sys.path:
    sys.path.insert(0, SCRIPTS)


class ScratchTestCase(unittest.TestCase):
    """self.tmp is a fresh directory for each test."""

    def setUp(self):
        self.tmp = tempfile.mkdtemp(prefix="thread-tidy-test-")
        self.addCleanup(shutil.rmtree, self.tmp, ignore_errors=True)

    def write(self, relative, text, mode=0o644):
        path = os.path.join(self.tmp, relative)
        os.makedirs(os.path.dirname(path), exist_ok=True)
        with open(path, "w", encoding="utf-8") as handle:
            handle.write(text)
        os.chmod(path, mode)
        return path

    def write_thread_project(self):
        """A project with two files that start a thread at line 2, one in
        a directory with a space. Returns (root, [the two files])."""
        root = os.path.join(self.tmp, "project")
        return root, [self.write("project/" + name,
                                 "#include <thread>\nstd::thread t;\n")
                      for name in ("a.cpp", "sub dir/b.cpp")]


# A clang-tidy that prints an LLVM version, or its arguments as JSON.
FAKE_CLANG_TIDY = """\
#!{python}
import json, sys
if sys.argv[1:] == ["--version"]:
    print("Debian LLVM version {major}.1.0\\n  Optimized build.")
else:
    print(json.dumps(sys.argv[1:]))
"""


def fake_llvm(root, major=22):
    """root/bin/clang-tidy of LLVM major, and a plugin file beside a
    thread-tidy bin directory. Returns (clang_tidy, bin_dir)."""
    clang_tidy = os.path.join(root, "llvm", "bin", "clang-tidy")
    os.makedirs(os.path.dirname(clang_tidy), exist_ok=True)
    with open(clang_tidy, "w") as handle:
        handle.write(FAKE_CLANG_TIDY.format(python=sys.executable,
                                            major=major))
    os.chmod(clang_tidy, 0o755)
    bin_dir = os.path.join(root, "prefix", "bin")
    os.makedirs(bin_dir, exist_ok=True)
    lib = os.path.join(root, "prefix", "lib")
    os.makedirs(lib, exist_ok=True)
    open(os.path.join(lib, "libThreadTidy.so"), "w").close()
    return clang_tidy, bin_dir


def run_thread_tidy(argv, clang_tidy, bin_dir, major=22, cwd=None):
    """thread-tidy ARGV in a child process, installed in bin_dir for LLVM
    major with clang_tidy. Returns the CompletedProcess (text)."""
    launcher = textwrap.dedent("""\
        import sys
        sys.path.insert(0, {scripts!r})
        from thread_tidy import cli, toolchain
        sys.exit(cli.main(sys.argv[1:], toolchain.Installation(
            {bin_dir!r}, {major}, {clang_tidy!r}, "-*,threads-*")))
        """).format(scripts=SCRIPTS, bin_dir=bin_dir, major=major,
                    clang_tidy=clang_tidy)
    env = dict(os.environ)
    env.pop("THREAD_TIDY_CLANG_TIDY", None)
    env.pop("THREAD_TIDY_PLUGIN", None)
    return subprocess.run([sys.executable, "-c", launcher] + list(argv),
                          capture_output=True, text=True, cwd=cwd, env=env)


def load_json(path):
    with open(path, encoding="utf-8") as handle:
        return json.load(handle)
