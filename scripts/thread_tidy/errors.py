"""The errors thread-tidy reports as one line and exit status 2: the user
can fix them (a missing tool or file, a bad option or input)."""


class ThreadTidyError(Exception):
    pass
