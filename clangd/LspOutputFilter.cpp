#include "LspOutputFilter.h"

#include "llvm/ADT/SmallVector.h"
#include "llvm/Support/raw_ostream.h"
#include <atomic>
#include <cerrno>
#include <csignal>
#include <cstdio>
#include <cstdlib>
#include <fcntl.h>
#include <optional>
#include <poll.h>
#include <pthread.h>
#include <thread>
#include <unistd.h>
#include <vector>

namespace thread_tidy {
namespace {

// Longer than any header block clangd writes ("Content-Length: N\r\n\r\n").
constexpr size_t MaxHeaderBlock = 4096;
// clangd refuses to read longer messages; no message it writes is longer.
constexpr unsigned long long MaxBody = 1ULL << 30;
constexpr llvm::StringLiteral HeaderStart = "content-";

// Could Rest still become a header block once more bytes arrive?
bool mayBeHeaderBlock(llvm::StringRef Rest) {
  if (Rest.size() > MaxHeaderBlock)
    return false;
  return Rest.size() < HeaderStart.size()
             ? HeaderStart.starts_with_insensitive(Rest)
             : Rest.starts_with_insensitive(HeaderStart);
}

} // namespace

void LspFramer::feed(llvm::StringRef Data) {
  if (PassThrough) {
    Emit(Data);
    return;
  }
  Pending.append(Data.data(), Data.size());
  size_t Done = 0;
  while (Done < Pending.size()) {
    llvm::StringRef Rest = llvm::StringRef(Pending).substr(Done);
    size_t HeaderEnd = Rest.find("\r\n\r\n");
    if (HeaderEnd == llvm::StringRef::npos) {
      if (!mayBeHeaderBlock(Rest))
        PassThrough = true;
      break;
    }
    // "Name: value" lines; exactly one Content-Length.
    llvm::SmallVector<llvm::StringRef, 4> Lines;
    Rest.take_front(HeaderEnd).split(Lines, "\r\n");
    bool Valid = HeaderEnd <= MaxHeaderBlock &&
                 Rest.starts_with_insensitive(HeaderStart);
    std::optional<unsigned long long> Length;
    size_t LengthLine = 0;
    for (size_t I = 0; I < Lines.size() && Valid; ++I) {
      auto [Name, Value] = Lines[I].split(':');
      if (Name.size() == Lines[I].size()) {
        Valid = false; // no ':'
      } else if (Name.trim().equals_insensitive("content-length")) {
        unsigned long long N = 0;
        if (Length || Value.trim().getAsInteger(10, N) || N > MaxBody) {
          Valid = false;
        } else {
          Length = N;
          LengthLine = I;
        }
      }
    }
    if (!Valid || !Length) {
      PassThrough = true;
      break;
    }
    size_t BodyStart = HeaderEnd + 4;
    if (Rest.size() - BodyStart < *Length)
      break; // the rest of the body is still on its way
    size_t MessageSize = BodyStart + *Length;
    std::string NewBody;
    if (Rewrite(Rest.substr(BodyStart, *Length), NewBody)) {
      std::string Message;
      for (size_t I = 0; I < Lines.size(); ++I) {
        if (I == LengthLine) {
          Message += Lines[I].split(':').first.str();
          Message += ": " + std::to_string(NewBody.size());
        } else {
          Message += Lines[I].str();
        }
        Message += "\r\n";
      }
      Message += "\r\n";
      Message += NewBody;
      Emit(Message);
    } else {
      Emit(Rest.take_front(MessageSize));
    }
    Done += MessageSize;
  }
  if (PassThrough) {
    Emit(llvm::StringRef(Pending).substr(Done));
    Pending.clear();
    return;
  }
  Pending.erase(0, Done);
}

void LspFramer::finish() {
  Emit(Pending);
  Pending.clear();
}

namespace {

struct Filter {
  int RealOut = -1;  // the process's stdout, from before
  int ReadEnd = -1;  // of the pipe that fd 1 now is
  int StopRead = -1; // finish() writes a byte to StopWrite
  int StopWrite = -1;
  LspBodyRewriter Rewrite;
  std::thread Forwarder;
  std::atomic<bool> Finished{false};
  bool SinkBroken = false; // the client closed our stdout

  void send(llvm::StringRef Data);
  void run();
};

// Never destroyed: at exit() its thread may still be running.
Filter *Active = nullptr;

void closeIfOpen(int FD) {
  if (FD >= 0)
    ::close(FD);
}

void Filter::send(llvm::StringRef Data) {
  while (!Data.empty() && !SinkBroken) {
    ssize_t N = ::write(RealOut, Data.data(), Data.size());
    if (N > 0) {
      Data = Data.drop_front(N);
    } else if (N < 0 && errno == EINTR) {
      continue;
    } else if (N < 0 && (errno == EAGAIN || errno == EWOULDBLOCK)) {
      // The client gave us a non-blocking stdout.
      pollfd Out = {RealOut, POLLOUT, 0};
      ::poll(&Out, 1, -1);
    } else {
      // The client is gone. Keep reading, and dropping, what clangd writes,
      // so that clangd never blocks on a full pipe. On EPIPE, stock clangd's
      // own write would have raised SIGPIPE (LLVM's handler exits with 74):
      // raise it for the process, whose other threads do not block it.
      SinkBroken = true;
      if (N < 0 && errno == EPIPE)
        ::kill(::getpid(), SIGPIPE);
    }
  }
}

void Filter::run() {
  LspFramer Framer(Rewrite, [this](llvm::StringRef Data) { send(Data); });
  std::vector<char> Buffer(1 << 16);
  bool Stopping = false;
  for (;;) {
    if (!Stopping) {
      pollfd Fds[2] = {{ReadEnd, POLLIN, 0}, {StopRead, POLLIN, 0}};
      if (::poll(Fds, 2, -1) < 0) {
        if (errno == EINTR)
          continue;
        break;
      }
      if (Fds[1].revents) {
        // finish(): fd 1 is the real stdout again, and everything clangd
        // wrote is in the pipe. A process that clangd started may still hold
        // the pipe open, so read what is there instead of waiting for EOF.
        Stopping = true;
        ::fcntl(ReadEnd, F_SETFL, ::fcntl(ReadEnd, F_GETFL) | O_NONBLOCK);
      } else if (!Fds[0].revents) {
        continue;
      }
    }
    ssize_t N = ::read(ReadEnd, Buffer.data(), Buffer.size());
    if (N > 0) {
      Framer.feed(llvm::StringRef(Buffer.data(), N));
      continue;
    }
    if (N < 0 && errno == EINTR)
      continue;
    break; // EOF, or nothing left when stopping
  }
  Framer.finish();
}

} // namespace

bool startLspOutputFilter(LspBodyRewriter Rewrite) {
  if (Active || ::isatty(STDOUT_FILENO) || ::fcntl(STDOUT_FILENO, F_GETFD) < 0)
    return false;
  auto *F = new Filter();
  F->Rewrite = std::move(Rewrite);
  int Data[2] = {-1, -1}, Stop[2] = {-1, -1};
  auto Fail = [&] {
    for (int FD : {F->RealOut, Data[0], Data[1], Stop[0], Stop[1]})
      closeIfOpen(FD);
    delete F;
    return false;
  };
  F->RealOut = ::fcntl(STDOUT_FILENO, F_DUPFD_CLOEXEC, 3);
  if (F->RealOut < 0 || ::pipe2(Data, O_CLOEXEC) != 0 ||
      ::pipe2(Stop, O_CLOEXEC) != 0)
    return Fail();
  F->ReadEnd = Data[0];
  F->StopRead = Stop[0];
  F->StopWrite = Stop[1];

  // The forwarder leaves the signals that stop clangd (SIGINT, SIGTERM) to
  // clangd's threads, and takes EPIPE instead of SIGPIPE when the client has
  // gone (LLVM's SIGPIPE handler would exit() on this thread).
  sigset_t Blocked, Old;
  sigemptyset(&Blocked);
  for (int Signal : {SIGINT, SIGTERM, SIGHUP, SIGQUIT, SIGUSR1, SIGUSR2,
                     SIGALRM, SIGCHLD, SIGPIPE, SIGWINCH})
    sigaddset(&Blocked, Signal);
  pthread_sigmask(SIG_BLOCK, &Blocked, &Old);
  bool Started = true;
  try {
    F->Forwarder = std::thread([F] { F->run(); });
  } catch (...) {
    Started = false;
  }
  pthread_sigmask(SIG_SETMASK, &Old, nullptr);
  if (!Started)
    return Fail();

  if (::dup2(Data[1], STDOUT_FILENO) < 0) {
    char Byte = 0;
    (void)!::write(F->StopWrite, &Byte, 1);
    F->Forwarder.join();
    return Fail();
  }
  ::close(Data[1]);
  Active = F;
  // llvm::outs() (fd 1) is created on first use and flushed by its
  // destructor. Create it now, so that at exit that destructor runs after
  // finishLspOutputFilter(), which flushes it into the pipe first.
  (void)llvm::outs();
  std::atexit(finishLspOutputFilter);
  return true;
}

void finishLspOutputFilter() {
  Filter *F = Active;
  if (!F || F->Finished.exchange(true))
    return;
  if (std::this_thread::get_id() == F->Forwarder.get_id()) {
    // exit() on the forwarder itself: it cannot wait for itself. Let later
    // writes go to the real stdout.
    ::dup2(F->RealOut, STDOUT_FILENO);
    return;
  }
  llvm::outs().flush();
  std::fflush(stdout);
  // Closes clangd's end of the pipe; later writes go straight out.
  ::dup2(F->RealOut, STDOUT_FILENO);
  char Byte = 0;
  (void)!::write(F->StopWrite, &Byte, 1);
  F->Forwarder.join();
  for (int FD : {F->RealOut, F->ReadEnd, F->StopRead, F->StopWrite})
    closeIfOpen(FD);
}

} // namespace thread_tidy
