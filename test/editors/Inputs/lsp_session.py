#!/usr/bin/env python3
"""An LSP session with thread-tidy-clangd over stdio, as an editor has it.

  lsp_session.py --clangd BIN --clangd-config FILE --doc-dir DIR|none
                 [--diagnostics-only] [--clangd-arg ARG]... [--timeout S]

In a scratch project (compile_flags.txt with -std=c++20, the documented
.clangd, and a .clang-tidy that enables one upstream check) it opens a file
with an unjoined thread and prints one line per step; each step raises (and
the script exits 1) when clangd does not do what an editor relies on:
  1. a threads-unjoined-thread diagnostic, at the thread's name, whose
     documentation link (codeDescription.href) is a file:// URI of the
     existing page DIR/threads-unjoined-thread.md (with --doc-dir none: the
     diagnostic has no link);
  2. the upstream check configured in .clang-tidy reports too, with clangd's
     own link to its page on clang.llvm.org;
  3. textDocument/codeAction on the diagnostic offers the fix-it as a quick
     fix with the std::jthread edit;
  4. after didChange to the fixed text, the diagnostic is gone;
  5. go-to-definition and a refactoring code action still work.
--diagnostics-only stops after step 2. Every message must be framed exactly
("Content-Length: N" of the body that follows).
"""
import argparse
import json
import os
import queue
import re
import shutil
import subprocess
import sys
import tempfile
import threading
import time
import urllib.parse

SOURCE = """\
#include <thread>
int helper() { return 1; }
void f() { std::thread t([] { helper(); }); }
void g(int x) { if (x = 2) helper(); int sum = 1 + 2 * 3; (void)sum; }
"""

CLANG_TIDY_CONFIG = "Checks: 'bugprone-assignment-in-if-condition'\n"

THREAD_CHECK = "threads-unjoined-thread"
UPSTREAM_CHECK = "bugprone-assignment-in-if-condition"
# The link clangd itself gives the upstream check; thread-tidy-clangd must
# leave it alone.
UPSTREAM_DOC = ("https://clang.llvm.org/extra/clang-tidy/checks/bugprone/"
                "assignment-in-if-condition.html")


def position_of(text, needle, nth=0, delta=0):
    """LSP position (line, UTF-16 column; ASCII here) of the needle."""
    index = -1
    for _ in range(nth + 1):
        index = text.index(needle, index + 1)
    index += delta
    line = text.count("\n", 0, index)
    column = index - (text.rfind("\n", 0, index) + 1)
    return {"line": line, "character": column}


def offset_of(text, pos):
    lines = text.split("\n")
    return sum(len(l) + 1 for l in lines[: pos["line"]]) + pos["character"]


def apply_edits(text, edits):
    """Apply LSP TextEdits (non-overlapping) to text, last first."""
    spans = sorted(
        ((offset_of(text, e["range"]["start"]), offset_of(text, e["range"]["end"]),
          e["newText"]) for e in edits),
        reverse=True)
    for begin, end, new in spans:
        text = text[:begin] + new + text[end:]
    return text


class Failure(Exception):
    pass


class LspClient:
    def __init__(self, argv, cwd, stderr_path):
        self.stderr_file = open(stderr_path, "wb")
        self.proc = subprocess.Popen(argv, cwd=cwd, stdin=subprocess.PIPE,
                                     stdout=subprocess.PIPE,
                                     stderr=self.stderr_file)
        self.next_id = 1
        self.inbox = queue.Queue()
        self.notifications = []  # everything that is not a response
        self.reader = threading.Thread(target=self._read_loop, daemon=True)
        self.reader.start()

    # --- framing -----------------------------------------------------------
    def _read_loop(self):
        stream = self.proc.stdout
        try:
            while True:
                headers = {}
                while True:
                    line = stream.readline()
                    if not line:
                        raise EOFError
                    if line == b"\r\n":
                        break
                    match = re.fullmatch(rb"([A-Za-z-]+): ([^\r\n]*)\r\n", line)
                    if not match:
                        raise ValueError("not an LSP header line: %r" % line)
                    headers[match.group(1).decode("ascii").lower()] = \
                        match.group(2).decode("ascii")
                length = int(headers["content-length"])
                body = b""
                while len(body) < length:
                    chunk = stream.read(length - len(body))
                    if not chunk:
                        raise EOFError
                    body += chunk
                self.inbox.put(json.loads(body.decode("utf-8")))
        except (EOFError, ValueError, KeyError) as err:
            self.inbox.put({"__eof__": repr(err)})

    def _send(self, message):
        body = json.dumps(message).encode("utf-8")
        self.proc.stdin.write(b"Content-Length: %d\r\n\r\n" % len(body) + body)
        self.proc.stdin.flush()

    # --- messages ----------------------------------------------------------
    def notify(self, method, params):
        self._send({"jsonrpc": "2.0", "method": method, "params": params})

    def request(self, method, params, timeout=30):
        rid = self.next_id
        self.next_id += 1
        self._send({"jsonrpc": "2.0", "id": rid, "method": method,
                    "params": params})
        msg = self._wait(lambda m: m.get("id") == rid and "method" not in m,
                         timeout, "response to " + method)
        if "error" in msg:
            raise Failure("%s failed: %s" % (method, msg["error"]))
        return msg.get("result")

    def _handle_server_message(self, msg):
        if "method" in msg and "id" in msg:
            # Server-to-client request (workDoneProgress/create,
            # registerCapability, ...): acknowledge with a null result.
            self._send({"jsonrpc": "2.0", "id": msg["id"], "result": None})
        if "method" in msg:
            self.notifications.append(msg)

    def _wait(self, predicate, timeout, what):
        # Look at what already arrived first.
        for msg in self.notifications:
            if predicate(msg):
                self.notifications.remove(msg)
                return msg
        deadline = time.monotonic() + timeout
        while True:
            left = deadline - time.monotonic()
            if left <= 0:
                raise Failure("timed out after %ss waiting for %s" % (timeout, what))
            try:
                msg = self.inbox.get(timeout=left)
            except queue.Empty:
                continue
            if "__eof__" in msg:
                raise Failure("server closed its output (%s) while waiting for %s; "
                              "exit code %s" % (msg["__eof__"], what, self.proc.poll()))
            if predicate(msg):
                if "method" in msg and "id" in msg:
                    self._handle_server_message(msg)
                return msg
            self._handle_server_message(msg)

    def wait_diagnostics(self, uri, version, timeout):
        msg = self._wait(
            lambda m: m.get("method") == "textDocument/publishDiagnostics"
            and m["params"]["uri"] == uri
            and m["params"].get("version", version) == version,
            timeout, "diagnostics for %s version %s" % (uri, version))
        return msg["params"]["diagnostics"]

    def close(self):
        try:
            if self.proc.poll() is None:
                self.request("shutdown", None, timeout=10)
                self.notify("exit", None)
                self.proc.wait(timeout=10)
        except (Failure, OSError, subprocess.TimeoutExpired):
            pass
        finally:
            if self.proc.poll() is None:
                self.proc.kill()
                self.proc.wait()
            self.stderr_file.close()


def find_diag(diags, code):
    return [d for d in diags if d.get("code") == code]


def doc_link(diag, doc_dir):
    """Checks the diagnostic's documentation link; describes it."""
    description = diag.get("codeDescription")
    if doc_dir == "none":
        if description is not None:
            raise Failure("%s has a documentation link, expected none: %s" % (
                diag["code"], description))
        return "none"
    if not description or "href" not in description:
        raise Failure("%s has no documentation link" % diag["code"])
    href = description["href"]
    parts = urllib.parse.urlsplit(href)
    if parts.scheme != "file" or parts.netloc or parts.query or parts.fragment:
        raise Failure("%s links to %s, not to a file:// URI" % (
            diag["code"], href))
    path = urllib.parse.unquote(parts.path)
    want = os.path.join(doc_dir, diag["code"] + ".md")
    if not os.path.isfile(path):
        raise Failure("%s links to %s, which is no file" % (diag["code"], href))
    if os.path.realpath(path) != os.path.realpath(want):
        raise Failure("%s links to %s, expected the page %s" % (
            diag["code"], href, want))
    return href


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--clangd", required=True)
    parser.add_argument("--clangd-config", required=True,
                        help="the .clangd the docs recommend")
    parser.add_argument("--doc-dir", required=True,
                        help="where the threads-* diagnostics' documentation "
                        "links must point, or 'none' for no link")
    parser.add_argument("--diagnostics-only", action="store_true",
                        help="stop after the first diagnostics")
    parser.add_argument("--clangd-arg", action="append", default=[],
                        help="another argument for the server")
    parser.add_argument("--timeout", type=float, default=90)
    args = parser.parse_args()

    workdir = tempfile.mkdtemp(prefix="thread-tidy-lsp-")
    shutil.copy(args.clangd_config, os.path.join(workdir, ".clangd"))
    with open(os.path.join(workdir, ".clang-tidy"), "w") as handle:
        handle.write(CLANG_TIDY_CONFIG)
    with open(os.path.join(workdir, "compile_flags.txt"), "w") as handle:
        handle.write("-std=c++20\n")
    path = os.path.join(workdir, "main.cpp")
    with open(path, "w") as handle:
        handle.write(SOURCE)
    uri = "file://" + path

    argv = [os.path.abspath(args.clangd), "--log=verbose",
            "--background-index=false"] + args.clangd_arg
    log_path = os.path.join(workdir, "clangd.log")
    client = LspClient(argv, workdir, log_path)
    ok = False
    try:
        client.request("initialize", {
            "processId": os.getpid(),
            "rootUri": "file://" + workdir,
            "capabilities": {"textDocument": {
                "publishDiagnostics": {"relatedInformation": True,
                                       "versionSupport": True},
                "codeAction": {"codeActionLiteralSupport": {
                    "codeActionKind": {"valueSet": [
                        "quickfix", "refactor", "refactor.extract",
                        "refactor.inline", "refactor.rewrite", "source"]}}},
            }},
        }, timeout=args.timeout)
        client.notify("initialized", {})
        client.notify("textDocument/didOpen", {"textDocument": {
            "uri": uri, "languageId": "cpp", "version": 1, "text": SOURCE}})

        diags = client.wait_diagnostics(uri, 1, args.timeout)
        thread_diags = find_diag(diags, THREAD_CHECK)
        if not thread_diags:
            raise Failure("no %s diagnostic among %s" % (
                THREAD_CHECK, [d.get("code") for d in diags]))
        diag = thread_diags[0]
        start = position_of(SOURCE, "t([]")
        want = {"start": start, "end": dict(start,
                                            character=start["character"] + 1)}
        if diag["range"] != want:
            raise Failure("range %s, expected %s" % (diag["range"], want))
        print("diagnostic: %s %s at %d:%d-%d:%d: %s" % (
            diag.get("source"), diag["code"], diag["range"]["start"]["line"],
            diag["range"]["start"]["character"], diag["range"]["end"]["line"],
            diag["range"]["end"]["character"], diag["message"]))
        print("doc link: %s -> %s" % (THREAD_CHECK,
                                      doc_link(diag, args.doc_dir)))
        upstream = find_diag(diags, UPSTREAM_CHECK)
        if not upstream:
            raise Failure("the upstream check %s did not report" %
                          UPSTREAM_CHECK)
        print("upstream: %s at line %d" % (
            UPSTREAM_CHECK, upstream[0]["range"]["start"]["line"]))
        href = upstream[0].get("codeDescription", {}).get("href")
        if href != UPSTREAM_DOC:
            raise Failure("%s links to %s, expected clangd's %s" % (
                UPSTREAM_CHECK, href, UPSTREAM_DOC))
        print("upstream doc link: %s" % href)
        if args.diagnostics_only:
            ok = True
            return 0

        actions = client.request("textDocument/codeAction", {
            "textDocument": {"uri": uri}, "range": diag["range"],
            "context": {"diagnostics": [diag]}}, timeout=args.timeout)
        fixes = [a for a in actions or [] if a.get("kind") == "quickfix"
                 and "edit" in a]
        if not fixes:
            raise Failure("no quick fix among the code actions: %s"
                          % json.dumps(actions))
        edits = fixes[0]["edit"].get("changes", {}).get(uri)
        if edits is None:
            edits = [e for change in fixes[0]["edit"].get(
                "documentChanges", []) if change["textDocument"]["uri"] == uri
                for e in change["edits"]]
        for edit in edits:
            r = edit["range"]
            print("quick fix: %s: %d:%d-%d:%d -> %r" % (
                fixes[0]["title"], r["start"]["line"],
                r["start"]["character"], r["end"]["line"],
                r["end"]["character"], edit["newText"]))
        fixed = apply_edits(SOURCE, edits)

        client.notify("textDocument/didChange", {
            "textDocument": {"uri": uri, "version": 2},
            "contentChanges": [{"text": fixed}]})
        diags = client.wait_diagnostics(uri, 2, args.timeout)
        if find_diag(diags, THREAD_CHECK):
            raise Failure("the diagnostic is still there after the fix")
        print("after didChange: %s gone; %s" % (
            THREAD_CHECK, ", ".join(sorted(d.get("code", "") for d in diags))))

        use = position_of(fixed, "helper", nth=1)
        result = client.request("textDocument/definition", {
            "textDocument": {"uri": uri}, "position": use},
            timeout=args.timeout)
        if not result or result[0]["range"]["start"] != position_of(
                fixed, "helper"):
            raise Failure("go-to-definition returned %s" % result)
        print("definition: helper at line %d" %
              result[0]["range"]["start"]["line"])

        start = position_of(fixed, "2 * 3")
        end = dict(start, character=start["character"] + len("2 * 3"))
        actions = client.request("textDocument/codeAction", {
            "textDocument": {"uri": uri}, "range": {"start": start,
                                                    "end": end},
            "context": {"diagnostics": []}}, timeout=args.timeout)
        refactorings = sorted(a.get("title", "") for a in actions or []
                              if a.get("kind", "").startswith("refactor"))
        if not refactorings:
            raise Failure("no refactoring offered on '2 * 3'")
        print("refactorings: %s" % "; ".join(refactorings))
        ok = True
    except Failure as err:
        print("FAIL: %s" % err)
    finally:
        client.close()
        if ok:
            shutil.rmtree(workdir, ignore_errors=True)
        else:
            print("kept %s (server log: %s)" % (workdir, log_path))
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
