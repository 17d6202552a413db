#include "CheckDocLinks.h"

#include "llvm/ADT/SmallString.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/FormatVariadic.h"
#include "llvm/Support/JSON.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/raw_ostream.h"
#include <sys/stat.h>

namespace thread_tidy {
namespace {

// The page clangd's getDiagnosticDocURI makes of a check "threads-<rest>":
// it splits the name at the first '-' into module and check.
constexpr llvm::StringLiteral DerivedPrefix =
    "https://clang.llvm.org/extra/clang-tidy/checks/threads/";
constexpr llvm::StringLiteral DerivedSuffix = ".html";

// "threads-<rest>" when Href is the derived link of one of our checks.
std::optional<std::string> checkOfDerivedLink(llvm::StringRef Href) {
  if (!Href.consume_front(DerivedPrefix) || !Href.consume_back(DerivedSuffix))
    return std::nullopt;
  // Check names are lower-case words joined by '-'; anything else (a path,
  // a query) is not a link clangd made for a check name.
  if (Href.empty() || !llvm::all_of(Href, [](char C) {
        return llvm::isLower(C) || llvm::isDigit(C) || C == '-';
      }))
    return std::nullopt;
  return ("threads-" + Href).str();
}

std::string fileURI(llvm::StringRef Path) {
  std::string URI = "file://";
  for (unsigned char C : Path) {
    if (llvm::isAlnum(C) || C == '/' || C == '-' || C == '.' || C == '_' ||
        C == '~')
      URI += static_cast<char>(C);
    else
      URI += "%" + llvm::utohexstr(C, /*LowerCase=*/false, /*Width=*/2);
  }
  return URI;
}

// Rewrites the links in every object of V that carries a codeDescription
// (a Diagnostic, wherever it appears in the message). True if V changed.
bool rewriteIn(llvm::json::Value &V, const CheckDocLinks &Links) {
  bool Changed = false;
  if (llvm::json::Array *Elements = V.getAsArray()) {
    for (llvm::json::Value &Element : *Elements)
      Changed |= rewriteIn(Element, Links);
    return Changed;
  }
  llvm::json::Object *Object = V.getAsObject();
  if (!Object)
    return false;
  if (llvm::json::Object *Description = Object->getObject("codeDescription")) {
    std::optional<std::string> Check;
    if (std::optional<llvm::StringRef> Href = Description->getString("href"))
      Check = checkOfDerivedLink(*Href);
    // The diagnostic's code, when it has one, must be that check.
    std::optional<llvm::StringRef> Code = Object->getString("code");
    if (Check && (!Code || *Code == *Check)) {
      if (std::optional<std::string> URI = Links.uriFor(*Check))
        (*Description)["href"] = std::move(*URI);
      else
        Object->erase("codeDescription");
      Changed = true;
    }
  }
  for (auto &Member : *Object)
    Changed |= rewriteIn(Member.second, Links);
  return Changed;
}

void anchor() {}

} // namespace

CheckDocLinks CheckDocLinks::locate(const char *Argv0,
                                    llvm::StringRef InstalledRel,
                                    llvm::StringRef SourceDir) {
  CheckDocLinks Links;
  auto Use = [&](llvm::StringRef Dir) {
    llvm::SmallString<256> Real;
    if (!llvm::sys::fs::is_directory(Dir) ||
        llvm::sys::fs::real_path(Dir, Real))
      return false;
    Links.Dir = std::string(Real);
    return true;
  };
  // /proc/self/exe on Linux: the file that runs, symbolic links resolved.
  std::string Exe = llvm::sys::fs::getMainExecutable(
      Argv0, reinterpret_cast<void *>(&anchor));
  if (!Exe.empty()) {
    llvm::SmallString<256> Installed(llvm::sys::path::parent_path(Exe));
    llvm::sys::path::append(Installed, InstalledRel);
    if (Use(Installed))
      return Links;
  }
  if (!SourceDir.empty())
    Use(SourceDir);
  return Links;
}

std::optional<std::string> CheckDocLinks::uriFor(llvm::StringRef Check) const {
  if (Dir.empty())
    return std::nullopt;
  llvm::SmallString<256> Path(Dir);
  llvm::sys::path::append(Path, Check + ".md");
  struct stat Info;
  if (::stat(Path.c_str(), &Info) != 0 || !S_ISREG(Info.st_mode))
    return std::nullopt;
  return fileURI(Path);
}

bool CheckDocLinks::rewrite(llvm::StringRef Body, std::string &Out) const {
  // Most messages have no such link: leave them without parsing.
  if (!Body.contains(DerivedPrefix))
    return false;
  llvm::Expected<llvm::json::Value> Message = llvm::json::parse(Body);
  if (!Message) {
    llvm::consumeError(Message.takeError());
    return false;
  }
  if (!rewriteIn(*Message, *this))
    return false;
  // clangd writes compact JSON, or with --pretty indents by 2; only the
  // latter has line breaks. llvm::json orders object keys, as clangd's own
  // output does, so only the link differs from what clangd sent.
  std::string Text;
  llvm::raw_string_ostream OS(Text);
  if (Body.contains('\n'))
    OS << llvm::formatv("{0:2}", *Message);
  else
    OS << *Message;
  OS.flush();
  Out = std::move(Text);
  return true;
}

} // namespace thread_tidy
