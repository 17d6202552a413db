#!/usr/bin/env python3
"""edit.py [--regex] FILE OLD NEW: replace the one occurrence of OLD in FILE
by NEW (`\\n` in OLD and NEW is a newline). With --regex, OLD is a Python
regular expression and NEW may use its groups (\\1). Fails when OLD does not
occur exactly once, so that a test's edit cannot silently stop applying."""
import re
import sys


def main(args):
    regex = args[:1] == ["--regex"]
    if regex:
        args = args[1:]
    if len(args) != 3:
        sys.exit(__doc__)
    path, old, new = args
    old, new = old.replace("\\n", "\n"), new.replace("\\n", "\n")
    if not regex:
        old, new = re.escape(old), new.replace("\\", "\\\\")
    with open(path, encoding="utf-8") as handle:
        text = handle.read()
    found = len(re.findall(old, text))
    if found != 1:
        sys.exit("edit.py: %r occurs %d times in %s, not once"
                 % (old, found, path))
    with open(path, "w", encoding="utf-8") as handle:
        handle.write(re.sub(old, new, text))


if __name__ == "__main__":
    main(sys.argv[1:])
