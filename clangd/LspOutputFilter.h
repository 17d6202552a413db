// A filter on clangd's LSP output, for the messages that clangd composes in
// ways we cannot change from outside libclangDaemon.
//
// clangd (on Linux: no XPC transport) writes every LSP message to fd 1 as
// "Content-Length: N\r\n\r\n<json>", whatever --input-style says about the
// input. startLspOutputFilter() makes fd 1 a pipe read by a thread, which
// passes each message to the rewriter and writes either the original bytes
// or the rewritten body, with its new Content-Length, to the real stdout as
// soon as the message is complete. Anything that is not LSP framing (--help,
// --version) goes through unchanged from that point on. stderr, where
// clangd logs, is not touched.

#ifndef THREAD_TIDY_CLANGD_LSPOUTPUTFILTER_H
#define THREAD_TIDY_CLANGD_LSPOUTPUTFILTER_H

#include "llvm/ADT/StringRef.h"
#include <functional>
#include <string>

namespace thread_tidy {

/// Returns true and sets Out to the new body when Body must change.
using LspBodyRewriter =
    std::function<bool(llvm::StringRef Body, std::string &Out)>;

/// The framing state machine of the filter: feed() it the bytes clangd
/// wrote, in any chunks; it calls Emit with what goes to the real stdout.
class LspFramer {
public:
  LspFramer(LspBodyRewriter Rewrite, std::function<void(llvm::StringRef)> Emit)
      : Rewrite(std::move(Rewrite)), Emit(std::move(Emit)) {}
  void feed(llvm::StringRef Data);
  /// End of output: an incomplete message goes out as it is.
  void finish();

private:
  LspBodyRewriter Rewrite;
  std::function<void(llvm::StringRef)> Emit;
  std::string Pending;
  bool PassThrough = false; // saw something that is not LSP framing
};

/// Interposes on fd 1. Does nothing, and returns false, when stdout is a
/// terminal (a person at a prompt, for whom clangd prints its overview) or
/// not open, or on any error; clangd then writes to stdout directly.
bool startLspOutputFilter(LspBodyRewriter Rewrite);

/// Flushes llvm::outs() and stdio, gives fd 1 back to the real stdout, and
/// waits until everything clangd wrote has gone out. Idempotent; also runs
/// at exit(), for clangd's own exits (--help, --version).
void finishLspOutputFilter();

} // namespace thread_tidy

#endif
