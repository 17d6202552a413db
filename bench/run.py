#!/usr/bin/env python3
"""thread-tidy benchmark: what the threads-* checks cost on real code, and how
that cost grows with the size of a function.

  bench/run.py [--llvm-major N] [--build-dir DIR] [--projects-dir DIR]
               [--only real|scaling|audit] [--sizes 50,200,800,3200]
               [--jobs N]

Real code (bench/projects.json; clone each project at its commit into
third_party_src/<name>): for every file it measures wall time and peak memory
of
  (a) clang++ -fsyntax-only,
  (b) clang-tidy with the plugin loaded and one trivial upstream check,
  (c) clang-tidy with all threads-* checks,
and, in one profiled run, each check's own time next to the nearest upstream
analyses (bugprone-exception-escape, bugprone-use-after-move). It prints the
ratios c/b and c/a, the threads-* share of run (b), each check against its
peer, and the three slowest files.

Scaling: generated translation units with 50..3200 functions that start and
join threads through if/else chains, switches, nested loops and try/catch;
it prints the threads-* time per function at each size, plus one function
with a 2,000-case switch and 200 nested scopes.

Audit (bench/audit.py): a whole-project run on a CMake project, RocksDB, over
a directory subset: run-clang-tidy with the plugin against `thread-tidy -p`
first run, second run and after touching a header and a .cc file, with -j
N (default 2), and whether both find the same; the same comparison on the
header-only code bases. Fetch RocksDB at the commit bench/projects.json pins:

  git clone https://github.com/facebook/rocksdb third_party_src/rocksdb
  git -C third_party_src/rocksdb checkout \
      1dfa7297933df05237ac11376d6cb69d32591b1d

The benchmark configures it with its own CMake (a compile database in
<build-dir>/bench/rocksdb; nothing is built).

Timing is never asserted here: the figures go to docs/performance.md.
"""
import argparse
import json
import os
import subprocess
import sys
import tempfile
import time

import audit

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
TRIVIAL_CHECK = "misc-unused-parameters"
PEERS = {
    "threads-exception-escape": "bugprone-exception-escape",
    "threads-swallowed-exception": "bugprone-exception-escape",
    "threads-unchecked-future": "bugprone-exception-escape",
    "threads-unjoined-thread": "bugprone-use-after-move",
    "threads-joinable-at-exit": "bugprone-use-after-move",
    "threads-invalid-join": "bugprone-use-after-move",
    "threads-dangling-capture": "bugprone-use-after-move",
    "threads-prefer-jthread": "bugprone-use-after-move",
}


def measure(cmd, cwd=None):
    """Runs cmd; returns (wall seconds, peak RSS in MiB, exit code)."""
    start = time.monotonic()
    proc = subprocess.Popen(cmd, cwd=cwd, stdout=subprocess.DEVNULL,
                            stderr=subprocess.DEVNULL)
    _, status, usage = os.wait4(proc.pid, 0)
    wall = time.monotonic() - start
    proc.returncode = os.waitstatus_to_exitcode(status)
    return wall, usage.ru_maxrss / 1024.0, proc.returncode


def check_profile(profile_dir):
    """Sums the per-check wall times clang-tidy stored in profile_dir."""
    totals = {}
    for name in os.listdir(profile_dir):
        if not name.endswith(".json"):
            continue
        with open(os.path.join(profile_dir, name), encoding="utf-8") as f:
            data = json.load(f)
        for key, value in data.get("profile", {}).items():
            # time.clang-tidy.<check>.wall
            parts = key.split(".")
            if len(parts) >= 4 and parts[0] == "time" and parts[-1] == "wall":
                check = ".".join(parts[2:-1])
                totals[check] = totals.get(check, 0.0) + value
    return totals


def profiled_run(tidy, plugin, checks, source, flags, cwd):
    with tempfile.TemporaryDirectory() as profile_dir:
        cmd = [tidy, "--load=" + plugin, "--checks=" + checks, "--quiet",
               "--enable-check-profile", "--store-check-profile=" + profile_dir,
               source, "--"] + flags
        wall, rss, rc = measure(cmd, cwd)
        profile = check_profile(profile_dir)
        if not any(check.startswith("threads-") for check in profile):
            sys.exit("bench: no threads-* check ran on %s (exit %d): is the "
                     "plugin loadable?" % (source, rc))
        return wall, rss, rc, profile


def fmt_table(rows, header):
    widths = [max(len(str(r[i])) for r in rows + [header])
              for i in range(len(header))]
    lines = ["  ".join(str(h).ljust(w) for h, w in zip(header, widths))]
    for r in rows:
        lines.append("  ".join(str(c).ljust(w) for c, w in zip(r, widths)))
    return "\n".join(lines)


def real_code(args, tools):
    clangxx, tidy, plugin = tools
    with open(os.path.join(ROOT, "bench", "projects.json"),
              encoding="utf-8") as f:
        projects = json.load(f)["projects"]
    rows, per_check, per_file_threads = [], {}, []
    totals = {"a": 0.0, "b": 0.0, "c": 0.0, "ra": 0.0, "rb": 0.0, "rc": 0.0}
    measured = []
    for project in projects:
        if project.get("kind") == "cmake":
            continue  # too large to run file by file: the audit part runs it
        src = os.path.join(args.projects_dir, project["name"])
        if not os.path.isdir(src):
            print(audit.not_fetched(project, args.projects_dir))
            continue
        commit = ""
        if os.path.exists(os.path.join(src, ".git")):
            commit = subprocess.run(["git", "-C", src, "rev-parse", "HEAD"],
                                    capture_output=True,
                                    text=True).stdout.strip()
        measured.append("%s %s" % (project["name"], commit or
                                   project["commit"] + " (as listed)"))
        flags = project["flags"]
        for rel in project["files"]:
            path = os.path.join(src, rel)
            if not os.path.exists(path):
                print("bench: missing %s" % path)
                continue
            a = measure([clangxx, "-fsyntax-only"] + flags + [rel], src)
            b = measure([tidy, "--load=" + plugin, "--checks=-*," + TRIVIAL_CHECK,
                         "--quiet", rel, "--"] + flags, src)
            c = measure([tidy, "--load=" + plugin, "--checks=-*,threads-*",
                         "--quiet", rel, "--"] + flags, src)
            peers = sorted(set(PEERS.values()))
            p = profiled_run(tidy, plugin, "-*,threads-*," + ",".join(peers),
                             rel, flags, src)
            threads_time = sum(v for k, v in p[3].items()
                               if k.startswith("threads-"))
            for check, value in p[3].items():
                per_check[check] = per_check.get(check, 0.0) + value
            per_file_threads.append((threads_time, project["name"] + "/" + rel))
            for key, m in (("a", a), ("b", b), ("c", c)):
                totals[key] += m[0]
                totals["r" + key] = max(totals["r" + key], m[1])
            rows.append([project["name"] + "/" + rel,
                         "%.2f" % a[0], "%.2f" % b[0], "%.2f" % c[0],
                         "%.3f" % threads_time,
                         "%.0f/%.0f/%.0f" % (a[1], b[1], c[1])])
            print("  measured %s" % rows[-1][0], file=sys.stderr)
    if not rows:
        print("bench: no real code base present; skipped the real-code part")
        return
    print("== real code: %s" % "; ".join(measured))
    print(fmt_table(rows, ["file", "a clang s", "b tidy+1 s", "c threads s",
                           "threads own s", "peak MiB a/b/c"]))
    threads_total = sum(v for k, v in per_check.items()
                        if k.startswith("threads-"))
    print()
    print("total wall: a %.2f s, b %.2f s, c %.2f s; peak RSS a %.0f, b %.0f, "
          "c %.0f MiB" % (totals["a"], totals["b"], totals["c"], totals["ra"],
                          totals["rb"], totals["rc"]))
    print("ratio c/b %.3f, c/a %.3f" % (totals["c"] / totals["b"],
                                        totals["c"] / totals["a"]))
    print("threads-* own time %.3f s = %.2f%% of run (b) (target: at most 3%%)"
          % (threads_total, 100.0 * threads_total / totals["b"]))
    print()
    check_rows = []
    for check in sorted(PEERS):
        peer = PEERS[check]
        mine, theirs = per_check.get(check, 0.0), per_check.get(peer, 0.0)
        check_rows.append([check, "%.3f" % mine, peer, "%.3f" % theirs,
                           "ok" if mine <= theirs else "SLOWER"])
    print(fmt_table(check_rows, ["check", "own s", "upstream peer", "peer s",
                                 "vs peer"]))
    print()
    print("slowest files for threads-*:")
    for seconds, name in sorted(per_file_threads, reverse=True)[:3]:
        print("  %.3f s  %s" % (seconds, name))


SHAPES = [
    # if/else chain: each branch joins
    """void f{n}(int k) {{
  std::thread t(work);
  if (k == 0) {{ t.join(); return; }}
  else if (k == 1) {{ step(); t.join(); }}
  else if (k == 2) {{ t.detach(); }}
  else if (k == 3) {{ step(); step(); t.join(); }}
  else {{ if (t.joinable()) t.join(); }}
}}
""",
    # switch with many cases
    """void f{n}(int k) {{
  std::thread t(work);
  switch (k) {{
  case 0: t.join(); break;
  case 1: step(); t.join(); break;
  case 2: t.detach(); break;
  case 3: step(); [[fallthrough]];
  case 4: t.join(); break;
  case 5: if (t.joinable()) t.join(); break;
  default: t.join();
  }}
}}
""",
    # nested loops
    """void f{n}(int k) {{
  for (int i = 0; i < k; ++i)
    for (int j = 0; j < i; ++j) {{
      std::thread t(work);
      while (j-- > 0) step();
      t.join();
    }}
}}
""",
    # try/catch around a call that may throw
    """void f{n}(int k) {{
  std::thread t(work);
  try {{
    may_throw(k);
  }} catch (const std::exception &) {{
    t.join();
    throw;
  }}
  t.join();
  std::thread u([k] {{ try {{ may_throw(k); }} catch (...) {{ step(); }} }});
  u.join();
}}
""",
]

PRELUDE = """#include <stdexcept>
#include <thread>
void work();
void step();
void may_throw(int k) { if (k < 0) throw std::runtime_error("negative"); }
"""


def pathological(cases=2000, depth=200):
    body = ["void huge_switch(int k) {", "  std::thread t(work);",
            "  switch (k) {"]
    for i in range(cases):
        body.append("  case %d: %s break;" % (
            i, "t.join();" if i % 3 else "step(); t.join();"))
    body += ["  default: t.join();", "  }", "}", "void deep(int k) {",
             "  std::thread t(work);"]
    for i in range(depth):
        body.append("  " * (i % 40) + "if (k > %d) {" % i)
    body.append("t.join(); return;")
    body += ["}"] * depth
    body += ["  t.join();", "}"]
    return PRELUDE + "\n".join(body) + "\n"


def scaling(args, tools):
    _, tidy, plugin = tools
    out = os.path.join(args.build_dir, "bench", "scaling")
    os.makedirs(out, exist_ok=True)
    sizes = [int(s) for s in args.sizes.split(",")]
    rows = []
    for size in sizes:
        path = os.path.join(out, "scale_%d.cpp" % size)
        with open(path, "w", encoding="utf-8") as f:
            f.write(PRELUDE)
            for n in range(size):
                f.write(SHAPES[n % len(SHAPES)].format(n=n))
        wall, rss, rc, profile = profiled_run(
            tidy, plugin, "-*,threads-*", path, ["-std=c++17"], out)
        threads = sum(v for k, v in profile.items() if k.startswith("threads-"))
        rows.append([size, "%.2f" % wall, "%.3f" % threads,
                     "%.1f" % (1e6 * threads / size), "%.0f" % rss,
                     "ok" if rc == 0 else "exit %d" % rc])
    print("== scaling (generated functions; threads-* time per function "
          "should stay flat)")
    print(fmt_table(rows, ["functions", "tidy wall s", "threads-* s",
                           "us per function", "peak MiB", "status"]))
    path = os.path.join(out, "pathological.cpp")
    with open(path, "w", encoding="utf-8") as f:
        f.write(pathological())
    wall, rss, rc, profile = profiled_run(tidy, plugin, "-*,threads-*", path,
                                          ["-std=c++17"], out)
    threads = sum(v for k, v in profile.items() if k.startswith("threads-"))
    print("one function with a 2,000-case switch, one with 200 nested scopes: "
          "threads-* %.3f s (whole run %.2f s, %s)"
          % (threads, wall, "ok" if rc == 0 else "exit %d" % rc))


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--llvm-major", default="22")
    parser.add_argument("--build-dir", default=None)
    parser.add_argument("--projects-dir",
                        default=os.path.join(ROOT, "third_party_src"))
    parser.add_argument("--only", choices=["real", "scaling", "audit"])
    parser.add_argument("--sizes", default="50,200,800,3200")
    parser.add_argument("--jobs", type=int, default=2,
                        help="parallel runs in the audit part")
    args = parser.parse_args()
    if args.build_dir is None:
        args.build_dir = os.path.join(ROOT, "build", "llvm-" + args.llvm_major)
    # Runs happen inside each code base: every path must be absolute.
    args.build_dir = os.path.abspath(args.build_dir)
    llvm = "/usr/lib/llvm-%s/bin" % args.llvm_major
    tools = (os.path.join(llvm, "clang++"), os.path.join(llvm, "clang-tidy"),
             os.path.join(args.build_dir, "lib", "libThreadTidy.so"))
    for tool in tools:
        if not os.path.exists(tool):
            sys.exit("bench: %s not found; run `make build LLVM_MAJOR=%s` first"
                     % (tool, args.llvm_major))
    print("machine: %d cores, %s; LLVM %s; thread-tidy %s; %s" % (
        os.cpu_count(), platform_name(), args.llvm_major, git_head(),
        time.strftime("%Y-%m-%d")))
    if args.only in (None, "real"):
        real_code(args, tools)
    if args.only in (None, "scaling"):
        print()
        scaling(args, tools)
    if args.only in (None, "audit"):
        print()
        audit.audit(args)


def platform_name():
    try:
        with open("/etc/os-release", encoding="utf-8") as f:
            for line in f:
                if line.startswith("PRETTY_NAME="):
                    return line.split("=", 1)[1].strip().strip('"')
    except OSError:
        pass
    return sys.platform


def git_head():
    return subprocess.run(["git", "-C", ROOT, "rev-parse", "--short", "HEAD"],
                          capture_output=True, text=True).stdout.strip()


if __name__ == "__main__":
    main()
