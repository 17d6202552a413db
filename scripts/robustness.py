#!/usr/bin/env python3
"""Runs every threads-* check over code that tries to break them.

  scripts/robustness.py [--llvm-major N] [--build-dir DIR] [--hostile-only]
                        [--mutants N] [--seed S] [--timeout SECONDS] [-j N]

Inputs:
  1. every test and example file of the repository;
  2. the hostile inputs in robustness/hostile/ (compile errors, incomplete
     types, dependent and variadic templates, macros, a huge switch, deep
     nesting, recursive thread bodies, aliases, subclasses, unions, K&R C);
  3. the real code bases of bench/projects.json that are present in
     third_party_src/ (skipped, with a message, when they are not);
  4. mutants: test and example files with random lines deleted, duplicated
     or swapped (seeded, so a failure can be reproduced).

Each file passes when clang-tidy neither crashes nor hangs (the per-file time
bound is --timeout) and no threads-* diagnostic is located in a system header
(clang-tidy runs with --system-headers, so one would be shown). Compile
errors are expected and fine. Prints "N passed, N failed" at the end.
"""
import argparse
import concurrent.futures
import glob
import json
import os
import random
import re
import subprocess
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
sys.path.insert(0, os.path.join(ROOT, "scripts"))
# What a crashing clang-tidy prints: thread-tidy's runner looks for the same.
from thread_tidy.runner import CRASH_MARKS  # noqa: E402

SYSTEM_DIRS = ("/usr/include/", "/usr/lib/gcc/", "/usr/lib/llvm-",
               "/usr/local/include/")
DIAG = re.compile(r"^(?P<file>[^:\s][^:]*):\d+:\d+: (warning|error|note): .*"
                  r"\[(?P<check>threads-[a-z-]+)\]$")
CXX_FLAGS = ["-std=c++20", "-fexceptions", "-pthread"]
C_FLAGS = ["-x", "c", "-std=gnu89", "-pthread"]


def flags_for(path):
    return C_FLAGS if path.endswith(".c") else CXX_FLAGS


def run_one(tidy, plugin, path, flags, timeout, cwd):
    cmd = [tidy, "--load=" + plugin, "--checks=-*,threads-*",
           "--system-headers", "--header-filter=.*", "--quiet", path,
           "--"] + flags
    try:
        proc = subprocess.run(cmd, capture_output=True, text=True,
                              timeout=timeout, cwd=cwd)
    except subprocess.TimeoutExpired:
        return "hang: no result after %d s" % timeout
    output = proc.stdout + proc.stderr
    if proc.returncode < 0:
        return "crash: killed by signal %d" % -proc.returncode
    for mark in CRASH_MARKS:
        if mark in output:
            return "crash: %s" % mark
    # A run in which the checks never ran proves nothing.
    for mark in ("-load request ignored", "no checks enabled"):
        if mark in output:
            return "the checks did not run: %s" % mark
    for line in output.splitlines():
        match = DIAG.match(line)
        if match and match.group("file").startswith(SYSTEM_DIRS):
            return "diagnostic in a system header: %s" % line
    return None


def flags_of_own(path):
    """A test or example's flags: its folder's Inputs/ holds the headers
    its RUN lines pass with -I %S/Inputs."""
    return CXX_FLAGS + ["-I", os.path.join(os.path.dirname(path), "Inputs")]


def mutate(text, rng):
    lines = text.split("\n")
    for _ in range(rng.randint(1, 4)):
        if len(lines) < 3:
            break
        i = rng.randrange(len(lines))
        action = rng.choice(("delete", "duplicate", "swap"))
        if action == "delete":
            del lines[i:i + rng.randint(1, 3)]
        elif action == "duplicate":
            lines.insert(i, lines[i])
        else:
            j = rng.randrange(len(lines))
            lines[i], lines[j] = lines[j], lines[i]
    return "\n".join(lines)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--llvm-major", default="22")
    parser.add_argument("--build-dir", default=None)
    parser.add_argument("--hostile-only", action="store_true",
                        help="only the hostile inputs (for the older majors)")
    parser.add_argument("--mutants", type=int, default=200)
    parser.add_argument("--seed", type=int, default=20261125)
    parser.add_argument("--timeout", type=int, default=120)
    parser.add_argument("-j", type=int, default=os.cpu_count() or 2)
    args = parser.parse_args()
    # Real code bases are analysed from their own directory: absolute paths.
    build = os.path.abspath(args.build_dir or os.path.join(
        ROOT, "build", "llvm-" + args.llvm_major))
    tidy = "/usr/lib/llvm-%s/bin/clang-tidy" % args.llvm_major
    plugin = os.path.join(build, "lib", "libThreadTidy.so")
    for tool in (tidy, plugin):
        if not os.path.exists(tool):
            sys.exit("robustness: %s not found; run `make build LLVM_MAJOR=%s`"
                     % (tool, args.llvm_major))

    jobs = []  # (label, path, flags, cwd)
    hostile = sorted(glob.glob(os.path.join(ROOT, "robustness", "hostile", "*")))
    jobs += [(os.path.relpath(p, ROOT), p, flags_for(p), None) for p in hostile]
    if not args.hostile_only:
        own = sorted(glob.glob(os.path.join(ROOT, "test", "**", "*.cpp"),
                               recursive=True) +
                     glob.glob(os.path.join(ROOT, "examples", "*.cpp")))
        jobs += [(os.path.relpath(p, ROOT), p, flags_of_own(p), None)
                 for p in own]

        with open(os.path.join(ROOT, "bench", "projects.json"),
                  encoding="utf-8") as f:
            projects = json.load(f)["projects"]
        for project in projects:
            if project.get("kind") == "cmake":
                continue  # no file list: the benchmark's audit part runs it
            src = os.path.join(ROOT, "third_party_src", project["name"])
            if not os.path.isdir(src):
                print("robustness: %s not present in third_party_src/; "
                      "skipped (clone %s at %s to include it)"
                      % (project["name"], project["url"], project["commit"]))
                continue
            for rel in project["files"]:
                jobs.append((project["name"] + "/" + rel,
                             os.path.join(src, rel), project["flags"], src))

        rng = random.Random(args.seed)
        mutant_dir = os.path.join(build, "robustness", "mutants")
        os.makedirs(mutant_dir, exist_ok=True)
        sources = [p for p in own if "/Inputs/" not in p]
        for n in range(args.mutants):
            source = rng.choice(sources)
            with open(source, encoding="utf-8") as f:
                text = f.read()
            path = os.path.join(mutant_dir, "mutant_%03d_%s" %
                                (n, os.path.basename(source)))
            with open(path, "w", encoding="utf-8") as f:
                f.write(mutate(text, rng))
            jobs.append(("mutant %d of %s (seed %d)" %
                         (n, os.path.relpath(source, ROOT), args.seed),
                         path, flags_of_own(source), None))

    passed = failed = 0
    with concurrent.futures.ThreadPoolExecutor(max_workers=args.j) as pool:
        futures = {pool.submit(run_one, tidy, plugin, path, flags,
                               args.timeout, cwd): label
                   for label, path, flags, cwd in jobs}
        for future in concurrent.futures.as_completed(futures):
            problem = future.result()
            if problem:
                failed += 1
                print("FAIL %s: %s" % (futures[future], problem))
            else:
                passed += 1
    print("robustness (LLVM %s): %d files, %d hostile%s"
          % (args.llvm_major, len(jobs), len(hostile),
             "" if args.hostile_only else ", %d mutants" % args.mutants))
    print("%d passed, %d failed" % (passed, failed))
    sys.exit(1 if failed else 0)


if __name__ == "__main__":
    main()
