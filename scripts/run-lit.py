#!/usr/bin/env python3
"""Runs the lit suite and ends with the line CI reads: `N passed, N failed`.

lit's own summary differs between LLVM majors; the JUnit XML it writes does
not, so the counts come from there. Exit status: 0 only when every test
passed (expected failures and unsupported tests count as neither).
"""
import argparse
import os
import subprocess
import sys
import xml.etree.ElementTree as ET


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--lit", required=True)
    parser.add_argument("test_dir")
    parser.add_argument("lit_args", nargs="*")
    args, extra = parser.parse_known_args()
    args.lit_args += extra

    xml_path = os.path.join(args.test_dir, "results.xml")
    if os.path.exists(xml_path):
        os.remove(xml_path)
    lit = [args.lit] if os.access(args.lit, os.X_OK) and not args.lit.endswith(
        ".py") else [sys.executable, args.lit]
    cmd = lit + ["-sv", "--xunit-xml-output=" + xml_path, args.test_dir]
    cmd += args.lit_args
    rc = subprocess.call(cmd)

    passed = failed = 0
    if os.path.exists(xml_path):
        for case in ET.parse(xml_path).getroot().iter("testcase"):
            if case.find("failure") is not None or case.find(
                    "error") is not None:
                failed += 1
            elif case.find("skipped") is None:
                passed += 1
    if rc != 0 and failed == 0:
        failed = 1  # lit itself failed (bad config, no tests found)
    if passed + failed == 0:
        failed = 1  # a suite that runs nothing has not passed
    print("%d passed, %d failed" % (passed, failed))
    sys.exit(1 if failed else 0)


if __name__ == "__main__":
    main()
