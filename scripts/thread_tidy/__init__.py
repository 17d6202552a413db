"""thread-tidy's command: running the checks over files, whole projects and
changed lines, the output formats, baselines and the audit report."""

__version__ = "1.1.0"
