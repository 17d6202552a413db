#!/usr/bin/env python3
"""Runs clang-tidy with the thread-tidy plugin on one lit test file and checks
its diagnostics and fixes with FileCheck.

  check_threads.py [options] TEST_FILE CHECK_NAME TEMP_PREFIX [-- COMPILER_ARGS]

The test file holds the expectations as comments:
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: ... [threads-...]
  // CHECK-FIXES: std::jthread t(work);
Every diagnostic must be expected: warnings, errors and notes that no
CHECK-MESSAGES line matches fail the test, and a file with no CHECK-MESSAGES
line must produce no diagnostic at all. With CHECK-FIXES lines, clang-tidy
runs with --fix and the fixed file is matched against them.
--check-suffixes=A,B also reads CHECK-MESSAGES-A, CHECK-FIXES-A, ... so that
one file can hold expectations for several RUN lines (e.g. C++17 vs C++20).
"""
import argparse
import os
import re
import shlex
import subprocess
import sys

CHECK_LINE = re.compile(r"//\s*CHECK-[A-Z0-9-]+:.*")


def run(cmd, **kwargs):
    proc = subprocess.run(cmd, capture_output=True, text=True, **kwargs)
    return proc.returncode, proc.stdout + proc.stderr


def die(message, output=None):
    print("check_threads: " + message, file=sys.stderr)
    if output:
        print("------ output ------\n" + output, file=sys.stderr)
    sys.exit(1)


def main():
    argv = sys.argv[1:]
    compiler_args = []
    if "--" in argv:
        split = argv.index("--")
        argv, compiler_args = argv[:split], argv[split + 1:]
    parser = argparse.ArgumentParser()
    parser.add_argument("--clang-tidy", required=True)
    parser.add_argument("--plugin", required=True)
    parser.add_argument("--filecheck", required=True)
    parser.add_argument("--check-suffixes", default="")
    parser.add_argument("--config", default=None,
                        help="a --config string for clang-tidy")
    parser.add_argument("--expect-clang-tidy-error", action="store_true")
    parser.add_argument("test_file")
    parser.add_argument("check_name")
    parser.add_argument("temp_prefix")
    args = parser.parse_args(argv)

    with open(args.test_file, encoding="utf-8") as f:
        original = f.read()
    suffixes = [s for s in args.check_suffixes.split(",") if s]

    def prefixes(base):
        return [base] + ["%s-%s" % (base, s) for s in suffixes]

    def used(prefix_list):
        return [p for p in prefix_list
                if re.search(r"\b" + re.escape(p) + r":", original)]

    message_prefixes = used(prefixes("CHECK-MESSAGES"))
    fix_prefixes = used(prefixes("CHECK-FIXES"))

    # The file clang-tidy sees keeps every line where it was (so [[@LINE]]
    # works) but loses the expectations, which must not match themselves.
    cleaned = CHECK_LINE.sub("//", original)
    os.makedirs(os.path.dirname(os.path.abspath(args.temp_prefix)),
                exist_ok=True)
    ext = os.path.splitext(args.test_file)[1] or ".cpp"
    temp_file = args.temp_prefix + ext
    with open(temp_file, "w", encoding="utf-8") as f:
        f.write(cleaned)

    cmd = [args.clang_tidy, "--load=" + args.plugin,
           "--checks=-*," + args.check_name, "--quiet"]
    if args.config is not None:
        cmd.append("--config=" + args.config)
    if fix_prefixes:
        cmd.append("--fix")
    cmd += [temp_file, "--"] + compiler_args
    rc, output = run(cmd)
    print("command: " + " ".join(shlex.quote(c) for c in cmd))
    print(output)
    if rc != 0 and not args.expect_clang_tidy_error:
        die("clang-tidy exited with %d" % rc, output)
    if "Segmentation fault" in output or "Stack dump" in output:
        die("clang-tidy crashed", output)

    # Diagnostics about the test file only; a fix note from --fix is not one.
    diagnostics = "\n".join(
        line for line in output.splitlines()
        if re.search(r"\b(warning|error|note):", line)
        and "FIX-IT applied suggested code changes" not in line)
    if message_prefixes:
        messages_file = args.temp_prefix + ".msg"
        with open(messages_file, "w", encoding="utf-8") as f:
            f.write(diagnostics + "\n")
        rc, fc_out = run([args.filecheck, "--input-file=" + messages_file,
                          args.test_file,
                          "--check-prefixes=" + ",".join(message_prefixes),
                          "--implicit-check-not={{warning|error|note}}:",
                          "--dump-input=never"])
        if rc != 0:
            die("CHECK-MESSAGES did not match", fc_out)
    elif diagnostics.strip():
        die("expected no diagnostics, got some", diagnostics)

    if fix_prefixes:
        rc, fc_out = run([args.filecheck, "--input-file=" + temp_file,
                          args.test_file,
                          "--check-prefixes=" + ",".join(fix_prefixes),
                          "--strict-whitespace", "--dump-input=never"])
        if rc != 0:
            die("CHECK-FIXES did not match", fc_out)
    print("check_threads: OK")


if __name__ == "__main__":
    main()
