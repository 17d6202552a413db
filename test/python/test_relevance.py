# RUN: %python %s
"""Which translation units can hold a finding: the lexer (comments and
literals do not count), the top-level declarations of a header and the
names they declare, the fixpoint over project headers (macros, aliases,
classes that hold or derive from a thread, header-only pools), the header
files chosen for relevant headers, doubt (files that cannot be read or
lexed, units not scanned), and the triggers the options add."""
import argparse
import io
import os
import shutil
import sys
import tempfile
import unittest
from unittest import mock

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)),
                                "Inputs"))
import support  # noqa: E402

from thread_tidy import commands, relevance, runner, toolchain  # noqa
from thread_tidy.cache import ResultCache, RunIdentity  # noqa: E402
from thread_tidy.include_closure import Closure  # noqa: E402
from thread_tidy.relevance import DEFAULT_TRIGGERS  # noqa: E402


def identifiers(text):
    return sorted(relevance.code_identifiers(relevance.strip(text)))


def declarations(text):
    _, code, _ = relevance.directives_and_code(relevance.strip(text))
    return [(sorted(d.names), sorted(d.uses))
            for d in relevance.DeclarationSplitter(code).split()]


class WithoutScannerTest(unittest.TestCase):
    """Without clang-scan-deps a project run analyses every file, says so,
    and caches nothing."""

    def test_every_entry_is_analysed_with_a_warning(self):
        entries = [{"file": "/r/a.cpp", "directory": "/r"},
                   {"file": "/r/b.cpp", "directory": "/r"}]
        args = argparse.Namespace(
            all_files=False, explain_selection=False, checks=None,
            config_file=None, header_filter=None, extra_arg=[],
            extra_arg_before=[], jobs=1, quiet=True)
        missing = toolchain.ToolchainError("clang-scan-deps of LLVM 22 not "
                                           "found")
        stderr = io.StringIO()
        with mock.patch.object(toolchain.Toolchain, "clang_scan_deps",
                               side_effect=missing), \
                mock.patch("sys.stderr", stderr):
            chosen = commands._relevant_entries(
                entries, args, toolchain.Toolchain("ct", "p.so", 22, "-*"),
                "/r", cache=object())
        self.assertEqual(chosen, (entries, [None, None], 0))
        self.assertEqual(stderr.getvalue(), "thread-tidy: warning: "
                         "clang-scan-deps of LLVM 22 not found; every file "
                         "is analysed, and results are not cached\n")


class LexerTest(unittest.TestCase):
    def test_comments_and_literals_name_nothing(self):
        self.assertEqual(identifiers(
            '// std::thread t;\n/* std::async */ const char *s = '
            '"std::thread"; char c = \'t\'; auto r = R"x(thread)x"; '
            'auto w = u8"future";\n'),
            ["auto", "c", "char", "const", "r", "s", "w"])

    def test_continued_line_comment(self):
        self.assertEqual(identifiers("// a \\\n thread\nint x;"),
                         ["int", "x"])

    def test_includes_name_nothing_defines_do(self):
        self.assertEqual(identifiers(
            "#include <future>\n#  include_next <thread>\n"
            "#define SPAWN(f) \\\n  std::thread(f)\n#pragma async\n"),
            ["SPAWN", "define", "f", "std", "thread"])

    def test_a_thread_class_as_a_scope_names_no_thread(self):
        self.assertEqual(identifiers(
            "std::unordered_set<std::thread::id> ids; "
            "auto n = std::jthread::hardware_concurrency(); "
            "auto q = QThread::create(f);"),
            ["QThread", "auto", "create", "f", "hardware_concurrency", "id",
             "ids", "n", "q", "std", "unordered_set"])

    def test_an_unterminated_comment_or_literal_is_lost(self):
        for text in ("/* std::thread", 'auto s = "thread;\n', "char c = '"):
            with self.assertRaises(relevance.LexerLost, msg=text):
                relevance.strip(text)

    def test_numbers_with_separators_are_not_literals(self):
        self.assertEqual(identifiers("int n = 1'000'000; thread t; "
                                     "int m = 0x1p-3; char c = 'c';"),
                         ["c", "char", "int", "m", "n", "t", "thread"])


class DeclarationTest(unittest.TestCase):
    def test_macros_with_continuations(self):
        directives, code, _ = relevance.directives_and_code(relevance.strip(
            "#define SPAWN(f) \\\n  std::thread(f).detach()\nint x;\n"
            "#include <thread>\n"))
        self.assertEqual([relevance._macro(d) for d in directives], [
            relevance.Declaration(frozenset({"SPAWN"}), frozenset(
                {"f", "std", "thread", "detach"}), carries_type=True)])
        self.assertEqual(code, ["int", "x", ";"])

    def test_namespaces_are_entered_and_classes_split(self):
        found = declarations("""
namespace a { inline namespace v1 {
class Worker : public Base {
  void run() { std::thread t; }
} worker;
extern "C" { void c_api(void); }
template <class F> void post(F f) { std::thread(f).detach(); }
auto lambda = [] { return 1; };
using Thread = std::thread;
typedef std::thread Legacy;
void Pool::submit(Task t) { queue_.push(t); }
template <class T> Status List<T, 3>::Corrupt(Node *n) { return {}; }
Worker::~Worker() { t_.join(); }
int plain(int x) { return x; }
}}
""")
        # Worker: its bases, its member run (which declares no name other
        # declarations use), run's body as what may start a thread of
        # Worker's. An out-of-line member is the same: a member, and what
        # may make its class relevant.
        self.assertEqual([names for names, _ in found], [
            ["Worker", "worker"], [], ["Worker", "worker"], ["c_api"],
            ["post"], ["lambda"], ["Thread"], ["Legacy"], [], ["Pool"],
            [], ["List"], [], ["Worker"], ["plain"]])

    def test_macro_calls_and_bodies_declare_nothing(self):
        found = declarations("""
TEST_F(Fixture, Runs) { std::thread t(f); t.join(); }
MAKE_THING(x);
Worker::Worker() : t_([] {}), n_(a > b) { if (a > b) { use(c); } }
typedef void (*Callback)(int a, int b);
typedef std::map<Key, Value> Registry, *RegistryPointer;
struct S { typedef int T; void f(); operator std::string() const; };
std::map<Key, Value> registry;
using std::forward;
using namespace std;
auto now() -> uint64_t { return 0; }
std::strftime(buffer, size, format, time);
std::tm when = *std::gmtime(&raw);
return std::uncaught_exceptions() > 0;
""")
        # S: its head, its alias T as a member and as a type, f, its
        # conversion (which declares no class `std`). A
        # trailing return type is not declared; a call qualified by a
        # namespace (a statement of a later #if branch) declares nothing.
        self.assertEqual([names for names, _ in found], [
            [], [], [], ["Worker"], ["Callback"], ["Registry", "RegistryPointer"],
            ["S"], [], ["T"], [], [], ["registry"], [], [], ["now"], [],
            ["when"], []])

    def test_later_branches_of_an_if_are_declarations_of_their_own(self):
        # A branch that balances is split like the rest of the file; one
        # that does not (the second `start`) is one declaration.
        facts = relevance.read_facts(self.header(
            "#ifdef _WIN32\nvoid start(Job j) {\n#else\n"
            "void start(Job j, int n) {\n  Pool p;\n#endif\n"
            "  run(j);\n}\n#if A\nint a;\n#elif B\n#if C\nint c;\n"
            "#else\nstd::thread spare;\n#endif\n#endif\n"), True)
        self.assertFalse(facts.lost)
        self.assertEqual(
            [(sorted(d.names), sorted(d.uses)) for d in facts.declarations],
            [(["start"], ["j", "run", "start", "void"]),
             (["a"], ["a", "int"]),
             (["j", "p", "start"],
              ["Job", "Pool", "int", "j", "n", "p", "start", "void"]),
             (["c"], ["c", "int"]),
             (["spare"], ["spare", "std", "thread"])])

    def header(self, text):
        directory = tempfile.mkdtemp(prefix="thread-tidy-test-")
        self.addCleanup(shutil.rmtree, directory)
        path = os.path.join(directory, "h.h")
        with open(path, "w") as handle:
            handle.write(text)
        return path

    def test_unbalanced_braces_are_lost(self):
        for text in ("void f() {", "}", "void f() { ( }"):
            with self.assertRaises(relevance.LexerLost, msg=text):
                declarations(text)


class SelectTest(support.ScratchTestCase):
    """Each test writes headers under include/ and main files under src/;
    the closures are given as a scan would give them."""

    def unit(self, name, text, headers=()):
        main = self.write("src/" + name, text)
        paths = tuple(os.path.join(self.tmp, "include", h) for h in headers)
        return {"file": main, "directory": self.tmp}, Closure(
            main, paths + ("/usr/include/c++/12/thread",))

    def header(self, name, text):
        self.write("include/" + name, text)

    def select(self, *units, triggers=DEFAULT_TRIGGERS):
        entries = [u[0] for u in units]
        closures = [u[1] for u in units]
        selection = relevance.select(entries, closures, self.tmp, triggers)
        return {os.path.basename(entries[i]["file"]): reason
                for i, reason in selection.reasons.items()}, selection

    def test_main_file_that_names_a_trigger(self):
        reasons, selection = self.select(
            self.unit("a.cpp", "#include <future>\n"
                      "void f() { auto x = std::async(g); }"),
            self.unit("b.cpp", "int g() { return 1; } // std::thread"),
            self.unit("c.c", "void h(pthread_t *t) {}"))
        self.assertEqual(reasons, {"a.cpp": "main file names async",
                                   "c.c": "main file names pthread_t"})
        self.assertEqual(selection.skipped, [1])

    def test_macro_alias_destructor_pool_and_base_class(self):
        self.header("spawn.h", "#define SPAWN(f) std::thread(f).detach()\n")
        self.header("alias.h", "using Thread = std::thread;\n")
        self.header("worker.h", "class Worker {\n  ~Worker();\n"
                    "  std::thread t_;\n};\n")
        self.header("pool.h", "class Pool {\npublic:\n"
                    "  template <class F> void submit(F f) {\n"
                    "    threads_.emplace_back(f);\n  }\n"
                    "  std::vector<Thread> threads_;\n};\n")
        self.header("qt.h", "class Base : public QThread {};\n"
                    "class Derived : public Base {};\n")
        headers = ("spawn.h", "alias.h", "worker.h", "pool.h", "qt.h")
        reasons, selection = self.select(
            self.unit("macro.cpp", "void f() { SPAWN(g); }", headers),
            self.unit("alias.cpp", "void f() { Thread t(g); }", headers),
            self.unit("dtor.cpp", "Worker::~Worker() {}", headers),
            self.unit("pool.cpp", "void f(Pool &p) { p.submit([] {}); }",
                      headers),
            self.unit("qt.cpp", "class Mine : public Derived {};", headers),
            self.unit("none.cpp", "int f() { return 0; }", headers))
        self.assertEqual(reasons, {
            "macro.cpp": "main file names SPAWN",
            "alias.cpp": "main file names Thread",
            "dtor.cpp": "main file names Worker",
            "pool.cpp": "main file names Pool",
            "qt.cpp": "main file names Derived"})
        self.assertEqual(selection.skipped, [5])

    def test_names_follow_declarations_to_a_fixpoint(self):
        # make() returns a Service, which derives from a Worker, whose
        # member is a Thread, an alias of a thread; a.cpp names only
        # make().
        self.header("chain.h", "Service make();\n"
                    "struct Service : Worker {};\n"
                    "struct Worker { Thread t; };\n"
                    "using Thread = std::jthread;\n"
                    "int unrelated(Config c);\n")
        reasons, _ = self.select(
            self.unit("a.cpp", "void f() { auto s = make(); }", ["chain.h"]),
            self.unit("b.cpp", "int g() { return unrelated({}); }",
                      ["chain.h"]))
        self.assertEqual(reasons, {"a.cpp": "main file names make"})

    def test_classes_are_relevant_by_what_they_own_and_run(self):
        # A class is relevant when it holds a thread type or its code
        # starts one; holding a relevant class, pointing to one, or taking
        # one as a parameter makes only the member or nothing relevant.
        self.header("types.h", "struct Worker { std::thread t; };\n"
                    "struct Starter {\n"
                    "  void go() { std::thread(f).detach(); }\n"
                    "  void step();\n};\n"
                    "struct Holder { Worker held; int n; };\n"
                    "struct Pointer { Worker *w; int m; };\n"
                    "void set_worker(Worker *w);\n"
                    "Worker *current();\n")
        headers = ["types.h"]
        reasons, _ = self.select(
            self.unit("step.cpp", "void Starter::step() {}", headers),
            self.unit("held.cpp", "int f(Holder &h) { return h.held.n; }",
                      headers),
            self.unit("holder.cpp", "int f(Holder &h) { return h.n; }",
                      headers),
            self.unit("pointer.cpp", "int f(Pointer &p) { return p.m; }",
                      headers),
            self.unit("set.cpp", "void f(Pointer &p) { set_worker(0); }",
                      headers),
            self.unit("current.cpp", "void f() { auto w = current(); }",
                      headers))
        self.assertEqual(reasons, {"step.cpp": "main file names Starter",
                                   "held.cpp": "main file names held",
                                   "current.cpp": "main file names current"})

    def test_function_bodies_follow_relevant_members(self):
        # post() names no relevant type, but its body hands f to the pool
        # member of a Context; Context::run() does the same.
        self.header("ctx.h", "struct Pool { std::vector<std::thread> w; };\n"
                    "struct Context {\n  Pool pool;\n"
                    "  template <class F> void run(F f) { pool.add(f); }\n"
                    "  int size() { return 0; }\n};\n"
                    "Context *context();\n"
                    "template <class F> void post(F f) {\n"
                    "  context()->pool.add(f);\n}\n")
        reasons, _ = self.select(
            self.unit("post.cpp", "void f() { post([] {}); }", ["ctx.h"]),
            self.unit("run.cpp", "void f() { context()->run([] {}); }",
                      ["ctx.h"]),
            self.unit("size.cpp", "int f() { return context()->size(); }",
                      ["ctx.h"]))
        self.assertEqual(reasons, {"post.cpp": "main file names post",
                                   "run.cpp": "main file names run"})

    def test_members_count_where_accessed_as_members(self):
        # Item's member result is a promise. parse() has a local named
        # result; take() reads an item's; check() calls Waiter::wait(),
        # which reaches the promise only through a member that reaches it
        # itself: not followed further.
        self.header("item.h", "struct Item { std::promise<int> result; };\n"
                    "inline int parse() { int result = 0; return result; }\n"
                    "inline int take(Item *i) { return i->result.get(); }\n"
                    "struct Waiter { int wait(Item *i) {\n"
                    "  return i->result.get(); } };\n"
                    "inline int check(Waiter *w) { return w->wait(0); }\n")
        reasons, _ = self.select(
            self.unit("parse.cpp", "int f() { return parse(); }",
                      ["item.h"]),
            self.unit("take.cpp", "int f() { return take(0); }", ["item.h"]),
            self.unit("check.cpp", "int f() { return check(0); }",
                      ["item.h"]))
        self.assertEqual(reasons, {"take.cpp": "main file names take"})

    def test_members_count_unless_qualified_by_another_class(self):
        self.header("sched.h", "struct Worker { std::thread t; };\n"
                    "struct Scheduler { static Worker *Default(); };\n"
                    "struct Env { static Env *Default(); };\n")
        reasons, _ = self.select(
            self.unit("env.cpp", "auto e = Env::Default();", ["sched.h"]),
            self.unit("sched.cpp", "auto w = Scheduler::Default();",
                      ["sched.h"]),
            self.unit("call.cpp", "auto w = s->Default();", ["sched.h"]))
        self.assertEqual(reasons, {"sched.cpp": "main file names Default",
                                   "call.cpp": "main file names Default"})

    def test_inert_triggers_make_no_header_declaration_relevant(self):
        # gtest's mutex keeps its owner in a pthread_t: naming the mutex
        # reaches no thread; naming pthread_self in a main file still
        # counts.
        self.header("mutex.h", "class MutexBase { pthread_t owner_; };\n"
                    "class Mutex : public MutexBase {};\n"
                    "inline bool mine(pthread_t t) {\n"
                    "  return pthread_equal(t, pthread_self());\n}\n")
        reasons, _ = self.select(
            self.unit("lock.cpp", "Mutex m; bool b = mine(0);", ["mutex.h"]),
            self.unit("self.cpp", "auto t = pthread_self();", ["mutex.h"]))
        self.assertEqual(reasons, {"self.cpp": "main file names pthread_self"})

    def test_one_file_per_relevant_header_first_in_database_order(self):
        self.header("warm.h", "inline void warm() { std::thread t(f); }\n")
        self.header("other.h", "inline void cold() { std::thread t(f); }\n")
        reasons, _ = self.select(
            self.unit("a.cpp", "int a;", ["warm.h"]),
            self.unit("b.cpp", "int b;", ["warm.h"]),
            self.unit("c.cpp", "std::thread *c;", ["other.h"]),
            self.unit("d.cpp", "int d;", ["other.h"]))
        self.assertEqual(reasons, {
            "a.cpp": "only file chosen for include/warm.h",
            "c.cpp": "main file names thread"})

    def test_system_headers_are_not_scanned(self):
        self.assertFalse(relevance.is_project_header(
            "/usr/include/c++/12/thread", self.tmp))
        self.assertTrue(relevance.is_project_header(
            os.path.join(self.tmp, "include", "a.h"), self.tmp))
        self.assertTrue(relevance.is_project_header(
            "/opt/sibling/include/a.h", self.tmp))
        reasons, _ = self.select(self.unit("a.cpp", "int a;"))
        self.assertEqual(reasons, {})

    def test_doubt_is_analysed(self):
        self.header("lost.h", "/* never closed\n")
        entry, _ = self.unit("unscanned.cpp", "int u;")
        reasons, _ = self.select(
            (entry, None),
            self.unit("lost.cpp", "int l;", ["lost.h"]),
            self.unit("missing.cpp", "int m;", ["missing.h"]),
            self.unit("bad.cpp", 'const char *s = "never closed;\n'))
        self.assertEqual(reasons, {
            "unscanned.cpp": "not scanned",
            "lost.cpp": "includes %s, which could not be read"
            % os.path.join(self.tmp, "include", "lost.h"),
            "missing.cpp": "includes %s, which could not be read"
            % os.path.join(self.tmp, "include", "missing.h"),
            "bad.cpp": "main file not read"})

    def test_configured_types_are_triggers(self):
        unit = self.unit("a.cpp", "void f() { Fiber t(g); }")
        self.assertEqual(self.select(unit)[0], {})
        self.assertEqual(self.select(unit, triggers=DEFAULT_TRIGGERS | {
            "Fiber"})[0], {"a.cpp": "main file names Fiber"})

    def test_headers_are_read_once(self):
        self.header("h.h", "int h;\n")
        cache = relevance.FactsCache()
        units = [self.unit("%d.cpp" % i, "int x;", ["h.h"])
                 for i in range(3)]
        relevance.select([u[0] for u in units], [u[1] for u in units],
                         self.tmp, DEFAULT_TRIGGERS, cache)
        self.assertEqual(sorted(os.path.basename(p) for p, _ in cache.facts),
                         ["0.cpp", "1.cpp", "2.cpp", "h.h"])


# Prints a --dump-config with the ThreadTypes of the .clang-tidy next to
# (or above) the file it is given, and logs its calls.
FAKE_CLANG_TIDY = r"""#!{python}
import os, sys
with open({calls!r}, "a") as log:
    log.write(" ".join(sys.argv[1:]) + "\n")
path = os.path.dirname(sys.argv[-1])
while not os.path.exists(os.path.join(path, ".clang-tidy")):
    path = os.path.dirname(path)
print("---\nChecks: '-*,threads-*'\nCheckOptions:")
print("  threads-unchecked-future.FutureTypes: "
      "'::std::future;::std::shared_future'")
print("  threads-unjoined-thread.ThreadTypes: " +
      open(os.path.join(path, ".clang-tidy")).read().strip())
"""


class OptionsTest(support.ScratchTestCase):
    def test_option_values_last_components(self):
        self.assertEqual(relevance.option_triggers(
            "CheckOptions:\n"
            "  threads-unjoined-thread.ThreadTypes: "
            "'::std::thread;::fibers::Fiber; ::Task '\n"
            "  threads-unchecked-future.FutureTypes: "
            "'::folly::SemiFuture'\n"
            "  threads-unjoined-thread.JoinMethods: 'join;finish'\n"),
            {"thread", "Fiber", "Task", "SemiFuture"})

    def test_one_dump_per_distinct_configuration(self):
        calls = os.path.join(self.tmp, "calls.txt")
        clang_tidy = self.write("clang-tidy", FAKE_CLANG_TIDY.format(
            python=sys.executable, calls=calls), mode=0o755)
        self.write(".clang-tidy", "'::std::thread;::a::Alpha'")
        self.write("sub/.clang-tidy", "'::b::Beta'")
        files = [self.write(p, "") for p in (
            "x.cpp", "y/z.cpp", "sub/p.cpp", "sub/deeper/q.cpp")]
        triggers = relevance.configured_triggers(
            files, clang_tidy, "plugin.so", "-*,threads-*", None)
        self.assertTrue({"Alpha", "Beta"} <= triggers)
        self.assertTrue(DEFAULT_TRIGGERS <= triggers)
        with open(calls) as handle:
            lines = handle.read().splitlines()
        self.assertEqual([line.split()[-1] for line in lines],
                         [files[0], files[2]])
        self.assertIn("--load=plugin.so", lines[0])

    def test_a_config_file_is_dumped_once(self):
        calls = os.path.join(self.tmp, "calls.txt")
        clang_tidy = self.write("clang-tidy", FAKE_CLANG_TIDY.format(
            python=sys.executable, calls=calls), mode=0o755)
        self.write(".clang-tidy", "'::c::Gamma'")
        files = [self.write(p, "") for p in ("x.cpp", "sub/y.cpp")]
        self.write("sub/.clang-tidy", "'::b::Beta'")
        triggers = relevance.configured_triggers(
            files, clang_tidy, "plugin.so", "-*,threads-*",
            os.path.join(self.tmp, ".clang-tidy"))
        self.assertIn("Gamma", triggers)
        with open(calls) as handle:
            lines = handle.read().splitlines()
        self.assertEqual(len(lines), 1)
        self.assertIn("--config-file=", lines[0])


class ExplainTest(unittest.TestCase):
    def test_explain_lines(self):
        out = io.StringIO()
        selection = relevance.Selection([0], [1], {0: "main file names x"})
        relevance.explain_selection(selection, [{"file": "/r/a.cpp"},
                                      {"file": "/r/b.cpp"}], "/r", out, 0.25)
        self.assertEqual(out.getvalue().splitlines(), [
            "thread-tidy: a.cpp: analysed: main file names x",
            "thread-tidy: b.cpp: skipped: reaches no thread API",
            "thread-tidy: selection: 1 of 2 entries analysed, 1 skipped "
            "(0.2 s)"])


class StoredSelectionTest(support.ScratchTestCase):
    """With a result cache, a selection over the same files with the same
    contents is reused; an edited header, another root or a corrupt
    stored selection makes it computed again."""

    def setUp(self):
        super().setUp()
        self.header = self.write("include/w.h",
                                 "struct W { std::thread t; };\n")
        mains = [self.write("src/a.cpp", "W w;"),
                 self.write("src/b.cpp", "int b;")]
        self.entries = [{"file": m, "directory": self.tmp} for m in mains]
        closures = [Closure(m, (self.header,)) for m in mains]
        for patch in (mock.patch.object(relevance.include_closure, "scan",
                                        return_value=closures),
                      mock.patch.object(relevance, "configured_triggers",
                                        return_value=set(DEFAULT_TRIGGERS))):
            patch.start()
            self.addCleanup(patch.stop)
        self.computed = mock.patch.object(relevance, "select",
                                          wraps=relevance.select).start()
        self.addCleanup(mock.patch.stopall)

    def choose(self, root=None):
        identity = RunIdentity(
            clang_tidy_version="22", clang_tidy_digest="t",
            plugin_digest="p", checks="-*,threads-*", header_filter=None,
            config_file_digest=None)
        cache = ResultCache(os.path.join(self.tmp, "cache"), identity)
        return relevance.choose(
            self.entries, toolchain.Toolchain("ct", "p.so", 22, "-*"),
            root or self.tmp, runner.ClangTidyOptions(), cache=cache)

    def test_reused_until_a_header_changes(self):
        first = self.choose()
        second = self.choose()
        self.assertEqual(self.computed.call_count, 1)
        self.assertEqual((second.analysed, second.skipped, second.reasons),
                         (first.analysed, first.skipped, first.reasons))
        self.assertEqual(first.reasons, {0: "main file names W"})
        self.assertEqual(len(second.closures), 2)
        self.write("include/w.h", "struct W { int n; };\n")
        third = self.choose()
        self.assertEqual(self.computed.call_count, 2)
        self.assertEqual(third.reasons, {})
        self.choose(root=os.path.join(self.tmp, "src"))
        self.assertEqual(self.computed.call_count, 3)

    def test_a_corrupt_stored_selection_is_computed_again(self):
        self.choose()
        directory = os.path.join(self.tmp, "cache", "selections")
        for name in os.listdir(directory):
            with open(os.path.join(directory, name), "w") as handle:
                handle.write('{"format": "thread-tidy-selection-1", '
                             '"key": "other", "reasons": {"0": "x"}}')
        again = self.choose()
        self.assertEqual(self.computed.call_count, 2)
        self.assertEqual(again.reasons, {0: "main file names W"})


if __name__ == "__main__":
    unittest.main()
