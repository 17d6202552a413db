# RUN: %python %s
"""Which entries of a compilation database are one analysis: entries of a
file whose flags differ only in code generation, warnings or outputs are
one; preprocessor, language and target flags make another."""
import os
import sys
import unittest

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)),
                                "Inputs"))
import support  # noqa: E402, F401 (puts thread_tidy on the path)

from thread_tidy import configurations  # noqa: E402

BUILD = "/p/build"
SOURCE = "/p/src/a.cpp"


def entry(arguments, file=SOURCE, directory=BUILD):
    return {"directory": directory, "file": file, "arguments": arguments}


def command(text, file=SOURCE, directory=BUILD):
    return {"directory": directory, "file": file, "command": text}


def unique(*entries):
    return configurations.unique_entries(list(entries))


class OneAnalysisPerConfigurationTest(unittest.TestCase):
    def test_code_generation_and_output_flags_collapse(self):
        static = entry(["c++", "-DX", "-O2", "-g", "-o", "a.o", "-c",
                        SOURCE])
        variants = [
            ["c++", "-DX", "-fPIC", "-O2", "-g", "-o", "shared/a.o", "-c",
             SOURCE],
            ["c++", "-DX", "-O0", "-ggdb3", "-oa.o", "-c", SOURCE],
            ["c++", "-fpic", "-DX", "-Os", "-MD", "-MF", "a.d", "-MT",
             "a.o", "-MQ", "a.o", "-c", SOURCE],
            ["c++", "-DX", "-Oz", "-Og", "-O3", "-MMD", "-MFa.d", "-c",
             SOURCE],
            ["c++", "-DX", "-fvisibility=hidden", "-ffunction-sections",
             "-fdata-sections", "-Wall", "-Wextra", "-Wno-unused",
             "-fdiagnostics-color=always", "-pipe", "-c", SOURCE],
            ["c++", "-DX", "-gdwarf-4", "-gsplit-dwarf", "-w", "-c",
             "../src/a.cpp"],
        ]
        for arguments in variants:
            with self.subTest(arguments=arguments):
                self.assertEqual(unique(static, entry(arguments)), [static])

    def test_cmake_shared_library_define_collapses(self):
        static = entry(["c++", "-DX", "-O2", "-o", "a.o", "-c", SOURCE])
        shared = entry(["c++", "-DX", "-Drocksdb_shared_EXPORTS", "-fPIC",
                        "-O2", "-o", "shared/a.o", "-c", SOURCE])
        self.assertEqual(unique(static, shared), [static])
        # With a value it is the project's own define: another analysis.
        valued = entry(["c++", "-DX", "-Dfoo_EXPORTS=1", "-c", SOURCE])
        self.assertEqual(unique(static, valued), [static, valued])

    def test_preprocessor_language_and_target_flags_stay_apart(self):
        base = ["c++", "-DX", "-I", "include", "-std=c++17", "-c", SOURCE]
        for change in (["-DY"], ["-UX"], ["-DNDEBUG"], ["-I", "other"],
                       ["-Iother"], ["-isystem", "/sys"],
                       ["-include", "pre.h"], ["-std=c++20"],
                       ["-x", "c++-header"], ["--target=aarch64-linux-gnu"],
                       ["-fno-exceptions"], ["-fexceptions"], ["-fno-rtti"],
                       ["-m32"], ["-march=native"], ["-Werror"],
                       ["-Wp,-D_FORTIFY_SOURCE=2"],
                       ["-gcc-toolchain", "/opt/gcc"]):
            with self.subTest(change=change):
                other = entry(base[:-2] + change + base[-2:])
                first = entry(base)
                self.assertEqual(unique(first, other), [first, other])

    def test_a_kept_flags_value_is_kept(self):
        # -Xclang's value looks like a debug flag; it is not ours to drop.
        first = entry(["c++", "-Xclang", "-gcodeview", "-c", SOURCE])
        other = entry(["c++", "-Xclang", "-fno-rtti", "-c", SOURCE])
        self.assertEqual(unique(first, other), [first, other])

    def test_order_of_include_directories_matters(self):
        first = entry(["c++", "-Ia", "-Ib", "-c", SOURCE])
        other = entry(["c++", "-Ib", "-Ia", "-c", SOURCE])
        self.assertEqual(unique(first, other), [first, other])

    def test_command_and_arguments_forms_compare_alike(self):
        arguments = entry(["c++", "-DNAME=a b", "-O2", "-c", SOURCE])
        text = command("c++ '-DNAME=a b' -fPIC -O3 -c %s -o x.o" % SOURCE)
        self.assertEqual(unique(arguments, text), [arguments])
        self.assertEqual(unique(text, arguments), [text])
        other = command('c++ "-DNAME=a  b" -c %s' % SOURCE)
        self.assertEqual(unique(arguments, other), [arguments, other])

    def test_other_files_and_directories_are_other_analyses(self):
        first = entry(["c++", "-Iinclude", "-c", SOURCE])
        other_file = entry(["c++", "-Iinclude", "-c", "/p/src/b.cpp"],
                           file="/p/src/b.cpp")
        # -Iinclude names another directory from elsewhere.
        elsewhere = entry(["c++", "-Iinclude", "-c", SOURCE],
                          directory="/p/build-shared")
        self.assertEqual(unique(first, other_file, elsewhere),
                         [first, other_file, elsewhere])

    def test_order_is_kept_and_the_first_entry_wins(self):
        a_static = entry(["c++", "-c", SOURCE, "-o", "static/a.o"])
        b_static = entry(["c++", "-c", "/p/b.cpp"], file="/p/b.cpp")
        a_shared = entry(["c++", "-fPIC", "-c", SOURCE, "-o", "shared/a.o"])
        a_other = entry(["c++", "-DSHARED", "-fPIC", "-c", SOURCE])
        b_shared = entry(["c++", "-fPIC", "-c", "/p/b.cpp"], file="/p/b.cpp")
        self.assertEqual(unique(a_static, b_static, a_shared, a_other,
                                b_shared), [a_static, b_static, a_other])

    def test_analysis_flags(self):
        self.assertEqual(configurations.analysis_flags(
            ["clang++", "-DX", "-O2", "-fPIC", "-o", "a.o", "-c", "a.cpp"],
            "/p/a.cpp", "/p"), ("clang++", "-DX"))


if __name__ == "__main__":
    unittest.main(verbosity=2)
