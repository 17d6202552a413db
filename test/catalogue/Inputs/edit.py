#!/usr/bin/env python3
"""edit.py FILE OLD NEW: replace the one occurrence of OLD in FILE by NEW
(`\\n` in OLD and NEW is a newline). Fails when OLD is not in FILE exactly
once, so that a test's edit cannot silently stop applying."""
import sys


def main(path, old, new):
    old, new = old.replace("\\n", "\n"), new.replace("\\n", "\n")
    with open(path, encoding="utf-8") as handle:
        text = handle.read()
    if text.count(old) != 1:
        sys.exit("edit.py: %r occurs %d times in %s, not once"
                 % (old, text.count(old), path))
    with open(path, "w", encoding="utf-8") as handle:
        handle.write(text.replace(old, new))


if __name__ == "__main__":
    if len(sys.argv) != 4:
        sys.exit(__doc__)
    main(*sys.argv[1:])
