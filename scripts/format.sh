#!/usr/bin/env bash
# Formats the C++ sources with .clang-format (LLVM style), or with --check
# reports what is not formatted and every line over 80 columns, and ends
# with `N passed, N failed` (one count for formatting, one for line length)
# so that CI can add it to its totals.
#   scripts/format.sh [--check]
# Uses clang-format-22 (scripts/setup.sh --format installs it) so that the
# result does not depend on which LLVM the developer builds with.
set -u
cd "$(dirname "$0")/.."

clang_format=${CLANG_FORMAT:-/usr/lib/llvm-22/bin/clang-format}
if [ ! -x "$clang_format" ]; then
  echo "format: $clang_format not found; run scripts/setup.sh --format" >&2
  echo "0 passed, 1 failed"
  exit 1
fi
mapfile -t files < <(git ls-files 'checker/*.cpp' 'checker/*.h' \
  'clangd/*.cpp' 'clangd/*.h')

if [ "${1:-}" != "--check" ]; then
  "$clang_format" -i "${files[@]}"
  exit 0
fi

passed=0
failed=0
if "$clang_format" --dry-run --Werror "${files[@]}"; then
  passed=$((passed + 1))
else
  echo "format: run 'make format' to format the files above"
  failed=$((failed + 1))
fi
# clang-format keeps an unbreakable token (a long string, a URL) over the
# limit; the project does not.
long=$(awk 'length > 80 { printf "%s:%d: %d columns\n", FILENAME, FNR, length }' \
  "${files[@]}" checker/checks/ThreadTidyChecks.def)
if [ -z "$long" ]; then
  passed=$((passed + 1))
else
  echo "$long"
  echo "format: lines over 80 columns"
  failed=$((failed + 1))
fi
echo "format: ${#files[@]} files checked"
echo "${passed} passed, ${failed} failed"
[ "$failed" -eq 0 ]
