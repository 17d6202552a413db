# RUN: %python %s
"""Which files of a compilation database a project run analyses: paths,
shards, relative directories, stale and duplicate entries."""
import json
import os
import sys
import unittest

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)),
                                "Inputs"))
import support  # noqa: E402

from thread_tidy import compile_db  # noqa: E402

FILES = ["src/a.cpp", "src/b b.cpp", "src/net/c.cpp", "lib/d.cpp",
         "lib/e.cpp", "tools/f.cpp", "tools/g.cpp", "h.cpp"]


class CompileDbTest(support.ScratchTestCase):
    def setUp(self):
        super().setUp()
        for name in FILES:
            self.write(name, "int x;\n")
        self.build = os.path.join(self.tmp, "build")
        # Relative directories are the database's own directory's.
        self.entries = [{"directory": "..", "file": name,
                         "arguments": ["c++", "-c", name]} for name in FILES]
        self.entries.append({"directory": self.tmp, "file": "src/a.cpp",
                             "command": "c++ -DSECOND -c src/a.cpp"})
        self.entries.append({"directory": "..", "file": "gone.cpp"})
        self.entries.append("not an entry")
        self.write("build/compile_commands.json", json.dumps(self.entries))

    def select(self, paths=(), shard=None):
        return compile_db.select(compile_db.load(self.build), list(paths),
                                 shard, self.tmp, self.build)

    def test_everything_once_with_absolute_paths(self):
        selection = self.select()
        self.assertEqual(selection.files,
                         [os.path.join(self.tmp, f) for f in FILES])
        # src/a.cpp again with -DSECOND: another configuration.
        first, second = [entry for entry in selection.entries
                         if entry["file"] == os.path.join(self.tmp,
                                                          "src/a.cpp")]
        self.assertEqual(first["directory"], self.tmp)
        self.assertEqual(first["arguments"], ["c++", "-c", "src/a.cpp"])
        self.assertEqual(second["command"], "c++ -DSECOND -c src/a.cpp")
        self.assertEqual(len(selection.entries), len(FILES) + 1)
        self.assertEqual(selection.missing_files,
                         [os.path.join(self.tmp, "gone.cpp")])
        self.assertEqual(selection.unmatched, [])

    def test_paths_select_files_and_directories(self):
        cwd = os.getcwd()
        os.chdir(self.tmp)
        self.addCleanup(os.chdir, cwd)
        selection = self.select(["src", "lib/d.cpp", "li", "nowhere"])
        self.assertEqual(sorted(os.path.relpath(p, self.tmp)
                                for p in selection.files),
                         ["lib/d.cpp", "src/a.cpp", "src/b b.cpp",
                          "src/net/c.cpp"])
        self.assertEqual(selection.unmatched,
                         [os.path.join(self.tmp, "li"),
                          os.path.join(self.tmp, "nowhere")])

    def test_shards_partition_the_database_stably(self):
        seen = []
        for k in (1, 2, 3):
            seen += self.select(shard=(k, 3)).files
        self.assertEqual(sorted(seen), sorted(self.select().files))
        self.assertEqual(len(seen), len(set(seen)))
        # The same tree checked out elsewhere: the same slices.
        here = compile_db.shard_of(os.path.join(self.tmp, "src/a.cpp"),
                                   self.tmp, 7)
        there = compile_db.shard_of("/other/checkout/src/a.cpp",
                                    "/other/checkout", 7)
        self.assertEqual(here, there)

    def test_bad_databases(self):
        for content, message in ((None, "not found; configure with "
                                  "-DCMAKE_EXPORT_COMPILE_COMMANDS=ON"),
                                 ("[not json", "cannot read "),
                                 ('{"file": "a.cpp"}',
                                  "is not a compilation database")):
            with self.subTest(content=content):
                directory = os.path.join(self.tmp, "bad")
                os.makedirs(directory, exist_ok=True)
                path = os.path.join(directory, "compile_commands.json")
                if content is None:
                    if os.path.exists(path):
                        os.remove(path)
                else:
                    self.write("bad/compile_commands.json", content)
                with self.assertRaises(compile_db.DatabaseError) as raised:
                    compile_db.load(directory)
                self.assertIn(message, str(raised.exception))


if __name__ == "__main__":
    unittest.main(verbosity=2)
