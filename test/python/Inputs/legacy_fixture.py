"""A small source file and the diagnostics clang-tidy would export for it.

baseline-v1.json, results-v1.json and results-v1.sarif in this directory were
written from them by thread-tidy 1.0.0 (the version whose baseline keys came
from a lexical enclosing-function finder), with the root at the directory
that holds src/jobs.cpp. The tests check that they still load and still
suppress the same findings.
"""
import os

SOURCE = """\
#include <stdexcept>
#include <thread>

static void import_rows() {}

std::thread global_worker(import_rows);

int run_jobs(bool fast) {
  std::thread importer(import_rows);
  if (fast)
    return 1;
  importer.join();
  return 0;
}

class Server {
public:
  void start();
private:
  std::thread listener_;
};

void Server::start() { listener_ = std::thread([] {}); }

namespace net {
void listen() {
  std::thread t([] { throw std::runtime_error("x"); });
  t.join();
}
} // namespace net

void twice() {
  { std::thread t(import_rows); }
  { std::thread t(import_rows); }
}
"""

RELATIVE_PATH = "src/jobs.cpp"

UNJOINED = ("thread '%s' is started but never joined or detached; its "
            "destructor will call std::terminate")

# (check, text the finding starts at, occurrence of that text, message,
#  notes as (text, occurrence, message))
FINDINGS = [
    ("threads-unjoined-thread", "global_worker", 0,
     UNJOINED % "global_worker", []),
    ("threads-joinable-at-exit", "return 1;", 0,
     "thread 'importer' is still joinable when this 'return' leaves its "
     "scope; its destructor will call std::terminate",
     [("importer(", 0, "thread 'importer' declared here")]),
    ("threads-unjoined-thread", "listener_;", 0,
     "member thread 'listener_' is started but no member function of "
     "'Server' joins or detaches it; its destructor will call "
     "std::terminate",
     [("std::thread([] {})", 0, "thread started here")]),
    ("threads-exception-escape", "[] { throw", 0,
     "exception 'std::runtime_error' may escape the thread's entry lambda "
     "and call std::terminate",
     [("throw std::runtime_error", 0, "'std::runtime_error' thrown here")]),
    ("threads-unjoined-thread", "t(import_rows)", 0, UNJOINED % "t", []),
    ("threads-unjoined-thread", "t(import_rows)", 1, UNJOINED % "t", []),
]


def offset_of(source, text, occurrence):
    offset = -1
    for _ in range(occurrence + 1):
        offset = source.index(text, offset + 1)
    return len(source[:offset].encode("utf-8"))


def write_source(root, source=SOURCE):
    path = os.path.join(root, RELATIVE_PATH)
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "w", encoding="utf-8") as handle:
        handle.write(source)
    return path


def diagnostics(root, source=SOURCE, findings=FINDINGS):
    """The Diagnostics list of clang-tidy's --export-fixes YAML for the
    source as written under root by write_source."""
    path = os.path.join(root, RELATIVE_PATH)
    result = []
    for check, text, occurrence, message, notes in findings:
        result.append({
            "DiagnosticName": check,
            "Level": "Warning",
            "BuildDirectory": root,
            "DiagnosticMessage": {
                "Message": message, "FilePath": path,
                "FileOffset": offset_of(source, text, occurrence),
                "Replacements": []},
            "Notes": [{"Message": note_message, "FilePath": path,
                       "FileOffset": offset_of(source, note_text,
                                               note_occurrence)}
                      for note_text, note_occurrence, note_message in notes],
        })
    return result
