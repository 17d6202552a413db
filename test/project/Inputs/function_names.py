#!/usr/bin/env python3
"""Checks the enclosing-function finder on a C++ file with markers.

Each /*@NAME*/ comment in the file must be reported inside function NAME
(/*@*/: at file scope). The offsets given are byte offsets, as clang's.
  function_names.py FILE SCRIPTS_DIR
"""
import re
import sys

sys.path.insert(0, sys.argv[2])
from thread_tidy.findings import SourceFile  # noqa: E402

path = sys.argv[1]
source = SourceFile(path)
wrong = []
count = 0
for match in re.finditer(rb"/\*@(.*?)\*/", source.data):
    count += 1
    expected = match.group(1).decode("utf-8")
    found = source.enclosing_function(match.start())
    if found != expected:
        line = source.data.count(b"\n", 0, match.start()) + 1
        wrong.append("%s:%d: expected '%s', found '%s'"
                     % (path, line, expected, found))
if wrong or count == 0:
    print("\n".join(wrong) or "no markers")
    sys.exit(1)
print("all %d markers are in the expected function" % count)
