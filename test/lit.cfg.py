# -*- Python -*-
import os
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

# Tests must not depend on the caller's environment.
config.environment.pop("THREAD_TIDY_CLANG_TIDY", None)
config.environment.pop("THREAD_TIDY_PLUGIN", None)
