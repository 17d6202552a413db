// A stand-in for Catch2 v3's <catch2/catch_test_macros.hpp>, which Debian
// does not package (its catch2 is v2). Written for these tests, it keeps
// what the check depends on from the real v3 expansion: REQUIRE and CHECK
// expand to INTERNAL_CATCH_TEST, which writes the assertion's expression
// once into __builtin_constant_p (never evaluated) and once into a try
// block, and then calls the handler's complete() itself (v2 did that through
// INTERNAL_CATCH_REACT); the handler's members are defined in the compiled
// library, so their bodies are not visible. The decomposition of the
// expression is reduced to what the tests write (`a == b`, a bool).
#ifndef TEST_CATCH2_V3_CATCH_TEST_MACROS_HPP
#define TEST_CATCH2_V3_CATCH_TEST_MACROS_HPP

#include <cstddef>

namespace Catch {

struct StringRef {
  constexpr StringRef(const char *Text, std::size_t Size)
      : Text(Text), Size(Size) {}
  const char *Text;
  std::size_t Size;
};

struct SourceLineInfo {
  constexpr SourceLineInfo(const char *File, std::size_t Line)
      : File(File), Line(Line) {}
  const char *File;
  std::size_t Line;
};

namespace ResultDisposition {
enum Flags : unsigned char {
  Normal = 0x01,
  ContinueOnFailure = 0x02,
  FalseTest = 0x04,
  SuppressFail = 0x08
};
} // namespace ResultDisposition

struct ExprResult {
  bool Passed;
};
template <typename L> struct ExprLhs {
  const L &Lhs;
  template <typename R> ExprResult operator==(const R &Rhs) const {
    return {Lhs == Rhs};
  }
  operator ExprResult() const { return {static_cast<bool>(Lhs)}; }
};
struct Decomposer {
  template <typename T> ExprLhs<T> operator<=(const T &Lhs) { return {Lhs}; }
};

class AssertionHandler {
public:
  AssertionHandler(StringRef MacroName, const SourceLineInfo &LineInfo,
                   StringRef CapturedExpression,
                   ResultDisposition::Flags Disposition);
  void handleExpr(ExprResult Result);
  template <typename L> void handleExpr(const ExprLhs<L> &Lhs) {
    handleExpr(static_cast<ExprResult>(Lhs));
  }
  void handleUnexpectedInflightException();
  // Throws when the assertion failed and must stop the test case.
  void complete();
};

} // namespace Catch

constexpr Catch::StringRef operator""_catch_sr(const char *Text,
                                              std::size_t Size) {
  return Catch::StringRef(Text, Size);
}

#define CATCH_INTERNAL_LINEINFO                                                \
  ::Catch::SourceLineInfo(__FILE__, static_cast<std::size_t>(__LINE__))
#define CATCH_INTERNAL_STRINGIFY(...) #__VA_ARGS__##_catch_sr
#define CATCH_INTERNAL_IGNORE_BUT_WARN(...)                                    \
  (void)__builtin_constant_p(__VA_ARGS__)
#define INTERNAL_CATCH_TRY try
#define INTERNAL_CATCH_CATCH(handler)                                          \
  catch (...) {                                                                \
    (handler).handleUnexpectedInflightException();                             \
  }

#define INTERNAL_CATCH_TEST(macroName, resultDisposition, ...)                 \
  do {                                                                         \
    CATCH_INTERNAL_IGNORE_BUT_WARN(__VA_ARGS__);                               \
    Catch::AssertionHandler catchAssertionHandler(                             \
        macroName##_catch_sr, CATCH_INTERNAL_LINEINFO,                         \
        CATCH_INTERNAL_STRINGIFY(__VA_ARGS__), resultDisposition);             \
    INTERNAL_CATCH_TRY {                                                       \
      catchAssertionHandler.handleExpr(Catch::Decomposer() <= __VA_ARGS__);    \
    }                                                                          \
    INTERNAL_CATCH_CATCH(catchAssertionHandler)                                \
    catchAssertionHandler.complete();                                          \
  } while ((void)0, (false) && static_cast<const bool &>(!!(__VA_ARGS__)))

#define REQUIRE(...)                                                           \
  INTERNAL_CATCH_TEST("REQUIRE", Catch::ResultDisposition::Normal, __VA_ARGS__)
#define CHECK(...)                                                             \
  INTERNAL_CATCH_TEST("CHECK", Catch::ResultDisposition::ContinueOnFailure,    \
                      __VA_ARGS__)

#define TEST_CASE(Name) void catch_test_case_body()

#endif
