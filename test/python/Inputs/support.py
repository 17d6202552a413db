"""What the unit tests share: the package on sys.path and scratch
directories."""
import json
import os
import shutil
import sys
import tempfile
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


def load_json(path):
    with open(path, encoding="utf-8") as handle:
        return json.load(handle)
