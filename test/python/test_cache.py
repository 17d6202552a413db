# RUN: %python %s
"""The result cache: what its keys cover, when an entry is reused, and that
corrupt, foreign and concurrent entries never give wrong results."""
import json
import multiprocessing
import os
import sys
import unittest

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)),
                                "Inputs"))
import support  # noqa: E402

from thread_tidy.cache import (FORMAT, ContentHashes, ResultCache,  # noqa
                               RunIdentity, default_directory)

DIAGNOSTICS = [{"DiagnosticName": "threads-unjoined-thread",
                "DiagnosticMessage": {"Message": "m", "FilePath": "/a.cpp",
                                      "FileOffset": 3}}]


def identity(**changes):
    fields = dict(clang_tidy_version="LLVM version 22.1.0",
                  clang_tidy_digest="t", plugin_digest="p",
                  checks="-*,threads-*", header_filter=".*",
                  config_file_digest=None)
    fields.update(changes)
    return RunIdentity(**fields)


def store_many(directory, key, inputs, count):
    """A second writer: stores the same key count times."""
    cache = ResultCache(directory, identity())
    for _ in range(count):
        cache.store(key, inputs, DIAGNOSTICS)


class CacheTestCase(support.ScratchTestCase):
    def setUp(self):
        super().setUp()
        self.source = self.write("project/src/a.cpp", "int x;\n")
        self.header = self.write("project/src/a.h", "int y;\n")
        self.directory = os.path.join(self.tmp, "cache")
        self.entry = {"file": self.source,
                      "directory": os.path.join(self.tmp, "project")}

    def cache(self, **changes):
        return ResultCache(self.directory, identity(**changes))

    def stored(self, cache=None):
        """A fresh entry for a.cpp (with a.h); returns its key."""
        cache = cache or self.cache()
        key = cache.key(self.entry, ["c++", "-c", "src/a.cpp"])
        cache.store(key, cache.inputs([self.source, self.header]),
                    DIAGNOSTICS)
        return key

    def entry_path(self, key):
        return os.path.join(self.directory, key[:2], key + ".json")


class KeyTest(CacheTestCase):
    def key(self, cache=None, arguments=("c++", "-c", "src/a.cpp")):
        return (cache or self.cache()).key(self.entry, list(arguments))

    def test_the_same_analysis_has_the_same_key(self):
        self.assertEqual(self.key(), self.key())

    def test_flags_tools_and_options_change_the_key(self):
        keys = {self.key(), self.key(arguments=("c++", "-DX", "-c", "a")),
                self.key(self.cache(plugin_digest="rebuilt")),
                self.key(self.cache(clang_tidy_digest="other")),
                self.key(self.cache(clang_tidy_version="LLVM version 22.2")),
                self.key(self.cache(checks="threads-unjoined-thread")),
                self.key(self.cache(header_filter="src/.*")),
                self.key(self.cache(config_file_digest="abc")),
                self.key(self.cache(extra_arg=("-DY",))),
                self.key(self.cache(extra_arg_before=("-Wno-x",)))}
        self.assertEqual(len(keys), 10)

    def test_a_clang_tidy_file_above_the_source_changes_the_key(self):
        before = self.key()
        self.write("project/.clang-tidy", "Checks: '-*,threads-x'\n")
        created = self.key()
        self.write("project/.clang-tidy", "Checks: '-*,threads-y'\n")
        edited = self.key()
        self.assertEqual(len({before, created, edited}), 3)


class LookupTest(CacheTestCase):
    def test_an_unchanged_entry_is_reused(self):
        key = self.stored()
        cache = self.cache()
        self.assertEqual(cache.lookup(key), DIAGNOSTICS)
        self.assertEqual(cache.statistics.reused, 1)

    def test_an_edited_input_misses(self):
        key = self.stored()
        self.write("project/src/a.h", "int y; // edited\n")
        self.assertIsNone(self.cache().lookup(key))

    def test_a_deleted_input_misses(self):
        key = self.stored()
        os.remove(self.header)
        self.assertIsNone(self.cache().lookup(key))

    def test_an_unreadable_input_is_not_stored(self):
        cache = self.cache()
        self.assertIsNone(cache.inputs([self.source, "/no/such/file.h"]))

    def test_corrupt_or_foreign_entries_are_ignored_then_rebuilt(self):
        key = self.stored()
        good = json.load(open(self.entry_path(key)))
        bad_entries = [
            "{not json", "", "[1, 2]",
            json.dumps(dict(good, format="thread-tidy-cache-0")),
            json.dumps(dict(good, key="0" * 64)),
            json.dumps(dict(good, inputs=[])),
            json.dumps(dict(good, inputs=[["/a.cpp"]])),
            json.dumps(dict(good, diagnostics={"x": 1})),
            json.dumps(dict(good, diagnostics=[1])),
        ]
        for text in bad_entries:
            with self.subTest(entry=text[:40]):
                with open(self.entry_path(key), "w") as out:
                    out.write(text)
                cache = self.cache()
                self.assertIsNone(cache.lookup(key))
                self.assertEqual(cache.statistics.ignored, 1)
                self.stored(cache)  # what the run does after the analysis
                self.assertEqual(self.cache().lookup(key), DIAGNOSTICS)
        self.assertEqual(good["format"], FORMAT)

    def test_entries_leave_no_temporary_files(self):
        self.stored()
        names = [name for _, _, files in os.walk(self.directory)
                 for name in files]
        self.assertEqual(len(names), 1)
        self.assertTrue(names[0].endswith(".json"))

    def test_two_writers_of_one_key_leave_a_valid_entry(self):
        key = self.stored()
        inputs = self.cache().inputs([self.source, self.header])
        writers = [multiprocessing.Process(
            target=store_many, args=(self.directory, key, inputs, 50))
            for _ in range(2)]
        for writer in writers:
            writer.start()
        # Meanwhile a reader sees either no entry or a whole one.
        for _ in range(200):
            self.assertIn(self.cache().lookup(key), (None, DIAGNOSTICS))
        for writer in writers:
            writer.join()
            self.assertEqual(writer.exitcode, 0)
        self.assertEqual(self.cache().lookup(key), DIAGNOSTICS)

    def test_a_directory_that_cannot_be_written_turns_the_cache_off(self):
        self.write("blocker", "a file where the cache should be")
        cache = ResultCache(os.path.join(self.tmp, "blocker", "cache"),
                            identity())
        key = cache.key(self.entry, ["c++"])
        cache.store(key, cache.inputs([self.source]), DIAGNOSTICS)
        self.assertIn("cannot write the cache", cache.write_error)
        self.assertIsNone(cache.lookup(key))


class DefaultsTest(unittest.TestCase):
    def test_the_default_directory_follows_xdg(self):
        self.assertEqual(default_directory({"XDG_CACHE_HOME": "/c"}),
                         "/c/thread-tidy")
        self.assertTrue(default_directory({}).endswith(
            os.path.join(".cache", "thread-tidy")))

    def test_contents_are_read_once(self):
        hashes = ContentHashes()
        self.assertIsNone(hashes.of("/no/such/file"))
        self.assertEqual(hashes.of(__file__), hashes.of(__file__))


if __name__ == "__main__":
    unittest.main(verbosity=2)
