# -*- Python -*-
import glob
import os
import shutil
import subprocess
import lit.formats

config.name = "thread-tidy"
# The internal shell: `not`, `env` and pipes work the same on every host.
config.test_format = lit.formats.ShTest(execute_external=False)
config.suffixes = [".cpp", ".c", ".test"]
config.excludes = ["Inputs"]
config.test_source_root = os.path.dirname(__file__)
config.test_exec_root = os.path.join(config.thread_tidy_obj_root, "test")

check_threads = os.path.join(config.test_source_root, "check_threads.py")
config.substitutions.append((
    "%check_threads",
    "%s %s --clang-tidy=%s --plugin=%s --filecheck=%s" % (
        config.python_executable, check_threads, config.clang_tidy,
        config.plugin, config.filecheck)))
# Holds the lists of checks to checker/checks/ThreadTidyChecks.def.
config.substitutions.append((
    "%check_catalogue",
    "%s %s --clang-tidy=%s --plugin=%s --thread-tidy=%s" % (
        config.python_executable,
        os.path.join(config.test_source_root, "catalogue", "Inputs",
                     "check_catalogue.py"),
        config.clang_tidy, config.plugin, config.thread_tidy)))
config.substitutions.append(("%clang_tidy", config.clang_tidy))
config.substitutions.append(("%plugin", config.plugin))
config.substitutions.append(("%thread_tidy", config.thread_tidy))
config.substitutions.append(("%FileCheck", config.filecheck))
config.substitutions.append(("%clangxx", config.clangxx))
config.substitutions.append(("%python", config.python_executable))
config.substitutions.append(("%llvm_major", str(config.llvm_major)))

config.available_features.add("llvm-%d" % config.llvm_major)
# Another installed clang-tidy major, for the version-mismatch tests.
for other in (22, 19, 16, 14):
    path = "/usr/lib/llvm-%d/bin/clang-tidy" % other
    if other != config.llvm_major and os.access(path, os.X_OK):
        config.available_features.add("other-clang-tidy")
        config.substitutions.append(("%other_clang_tidy", path))
        config.substitutions.append(("%other_major", str(other)))
        break

# Tools of the whole-project tests. CI sets THREAD_TIDY_REQUIRE_TEST_TOOLS=1:
# there a missing tool is an error, not a silently unsupported test.
require_tools = os.environ.get("THREAD_TIDY_REQUIRE_TEST_TOOLS") == "1"
source_root = os.path.dirname(config.test_source_root)
validator = os.path.join(source_root, "tools", "sarif-validator")
# Flags that compile a check's source outside the build (the checks built
# by CMake use the same headers): test/catalogue/new-check.test.
config.substitutions.append((
    "%check_cxxflags",
    "-std=c++17 -isystem %s -I %s -D__STDC_CONSTANT_MACROS "
    "-D__STDC_FORMAT_MACROS -D__STDC_LIMIT_MACROS -DTHREAD_TIDY_LLVM_MAJOR=%d"
    % (os.path.join(os.path.dirname(os.path.dirname(config.clangxx)),
                    "include"),
       os.path.join(source_root, "checker"), config.llvm_major)))
node = shutil.which("node")
if node and os.path.isdir(os.path.join(validator, "node_modules", "ajv")):
    config.available_features.add("sarif-validator")
    config.substitutions.append((
        "%validate_sarif",
        "%s %s" % (node, os.path.join(validator, "validate-sarif.js"))))
elif require_tools:
    lit_config.fatal("the SARIF validator is not installed: run "
                     "scripts/setup.sh --test")
# The test frameworks whose real headers the test-assertion tests compile
# against (the lit feature, and the header that proves it is installed).
for feature, header in (("gtest", "gtest/gtest.h"),
                        ("doctest", "doctest/doctest.h"),
                        ("catch2", "catch2/catch.hpp"),
                        ("boost-test", "boost/test/unit_test.hpp")):
    found = subprocess.run(
        [config.clangxx, "-x", "c++", "-std=c++17", "-E", "-o", os.devnull,
         "-"], input="#include <%s>\n" % header, text=True,
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL).returncode == 0
    if found:
        config.available_features.add(feature)
    elif require_tools:
        lit_config.fatal("<%s> is not installed: run scripts/setup.sh --test"
                         % header)
# The legacy thread APIs whose real headers the legacy-API tests compile
# against: Boost.Thread (in /usr/include) and Qt 5 (its own include dir; Qt
# refuses code built without -fPIC). %qt_flags compiles a file using QtCore.
qt_dirs = sorted(glob.glob("/usr/include/*/qt5")) + ["/usr/include/qt5"]
qt_dir = next((d for d in qt_dirs if os.path.isfile(
    os.path.join(d, "QtCore", "QThread"))), None)
config.substitutions.append((
    "%qt_flags", "-fPIC -isystem %s" % (qt_dir or "/usr/include/qt5")))
for feature, header, flags in (
        ("boost-thread", "boost/thread.hpp", []),
        ("qt5", "QtCore/QThread", ["-fPIC", "-isystem", qt_dir or "."])):
    found = subprocess.run(
        [config.clangxx, "-x", "c++", "-std=c++17", "-E", "-o", os.devnull]
        + flags + ["-"], input="#include <%s>\n" % header, text=True,
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL).returncode == 0
    if found:
        config.available_features.add(feature)
    elif require_tools:
        lit_config.fatal("<%s> is not installed: run scripts/setup.sh --test"
                         % header)
chromium = shutil.which("chromium") or shutil.which("chromium-browser")
if chromium:
    config.available_features.add("chromium")
    config.substitutions.append(("%chromium", chromium))
elif require_tools:
    lit_config.fatal("chromium is not installed: run scripts/setup.sh --test")
# The editor tests: thread-tidy-clangd when it was built (LLVM 22,
# -DTHREAD_TIDY_CLANGD=ON), Neovim for the real-editor test. CI builds it and
# sets THREAD_TIDY_REQUIRE_CLANGD=1 for LLVM 22.
if config.thread_tidy_clangd and os.access(config.thread_tidy_clangd, os.X_OK):
    config.available_features.add("clangd")
    config.substitutions.append(("%clangd_with_threads",
                                 config.thread_tidy_clangd))
elif os.environ.get("THREAD_TIDY_REQUIRE_CLANGD") == "1":
    lit_config.fatal("thread-tidy-clangd was not built: configure with "
                     "-DTHREAD_TIDY_CLANGD=ON (make clangd)")
nvim = shutil.which("nvim")
if nvim:
    config.available_features.add("neovim")
    config.substitutions.append(("%nvim", nvim))
elif os.environ.get("THREAD_TIDY_REQUIRE_CLANGD") == "1":
    lit_config.fatal("nvim is not installed: run scripts/setup.sh --clangd")
if shutil.which("git"):
    config.available_features.add("git")
config.substitutions.append(("%cmake", shutil.which("cmake") or "cmake"))
config.substitutions.append((
    "%make_project", "%s %s --cxx %s" % (
        config.python_executable,
        os.path.join(config.test_source_root, "project", "Inputs",
                     "make_project.py"), config.clangxx)))
config.substitutions.append((
    "%project_tool", "%s %s" % (
        config.python_executable,
        os.path.join(config.test_source_root, "project", "Inputs",
                     "project_tool.py"))))

# Tests must not depend on the caller's environment.
config.environment.pop("THREAD_TIDY_CLANG_TIDY", None)
config.environment.pop("THREAD_TIDY_PLUGIN", None)
# Project runs keep their result cache here, not in the user's, and every
# lit run starts with it empty; each test's files are its own (%t), so one
# test never reuses another's analyses.
_cache_home = os.path.join(config.test_exec_root, "xdg-cache")
shutil.rmtree(_cache_home, ignore_errors=True)
config.environment["XDG_CACHE_HOME"] = _cache_home
