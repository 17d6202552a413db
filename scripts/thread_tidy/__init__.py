"""thread-tidy's whole-project runner, output formats, baselines and report."""
