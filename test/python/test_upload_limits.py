# RUN: %python %s
"""GitHub code scanning's upload limits: thread-tidy warns about a SARIF
file over 25,000 results in its run or over 10 MB gzipped, and stays quiet
below."""
import base64
import os
import random
import sys
import unittest

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)),
                                "Inputs"))
import support  # noqa: E402, F401 (puts thread_tidy on the path)

from thread_tidy import upload_limits  # noqa: E402


class UploadLimitsTest(unittest.TestCase):
    def test_within_the_limits_nothing_is_said(self):
        size = upload_limits.measure('{"runs": []}', 25_000)
        self.assertEqual(upload_limits.warnings(size), [])

    def test_too_many_results(self):
        size = upload_limits.SarifSize(results=25_001, gzipped_bytes=100)
        (line,) = upload_limits.warnings(size)
        self.assertIn("25001 results", line)
        self.assertIn("at most 25000 per run", line)
        self.assertIn("--write-baseline", line)

    def test_too_large_once_gzipped(self):
        # Random bytes in base64 compress to about 3/4: 16 MB of text stay
        # near 12 MB.
        rng = random.Random(7)
        text = base64.b64encode(rng.randbytes(12 * 1024 * 1024)).decode()
        size = upload_limits.measure(text, 3)
        self.assertGreater(size.gzipped_bytes,
                           upload_limits.MAX_GZIPPED_BYTES)
        (line,) = upload_limits.warnings(size)
        self.assertIn("MB gzipped", line)
        self.assertIn("over 10 MB", line)

    def test_large_but_compressible_text_passes(self):
        size = upload_limits.measure("x" * (30 * 1024 * 1024), 10)
        self.assertLess(size.gzipped_bytes, upload_limits.MAX_GZIPPED_BYTES)
        self.assertEqual(upload_limits.warnings(size), [])


if __name__ == "__main__":
    unittest.main()
