#!/usr/bin/env bash
# Installs the Debian packages that building and testing thread-tidy needs,
# for one or more LLVM majors (default 22). Does nothing when all are there;
# otherwise runs `apt-get update` once and installs only what is missing.
#   scripts/setup.sh [--test] [--clangd] [--format] [MAJOR...]
# --test adds what the test suite's project tests use: Chromium (the HTML
# report is rendered headless), git, Node.js and the pinned SARIF validators
# of tools/sarif-validator (from the npm registry); and the headers of the
# test frameworks (gtest, doctest, Catch2, Boost.Test) that the
# test-assertion tests compile against, and of the legacy thread APIs
# (Boost.Thread, Qt 5's QtCore) that the legacy-API tests compile against. --clangd adds what
# thread-tidy-clangd links (gRPC and protobuf, which Debian's clang CMake
# package names) and Neovim, the editor its test drives. --format adds
# clang-format-22, the one formatter `make format` and CI use.
set -euo pipefail
cd "$(dirname "$0")/.."

test_tools=0
clangd=0
format=0
majors=()
for arg in "$@"; do
  case "$arg" in
    --test) test_tools=1 ;;
    --clangd) clangd=1 ;;
    --format) format=1 ;;
    *) majors+=("$arg") ;;
  esac
done
[ ${#majors[@]} -gt 0 ] || majors=(22)

# python3-yaml: run-clang-tidy and clang-tidy-diff need PyYAML to export the
# diagnostics that the whole-project mode reads.
wanted=(cmake make python3 python3-yaml git)
if [ "$clangd" = 1 ]; then
  wanted+=(libgrpc++-dev libprotobuf-dev protobuf-compiler-grpc neovim)
fi
if [ "$format" = 1 ]; then
  wanted+=(clang-format-22)
fi
if [ "$test_tools" = 1 ]; then
  wanted+=(chromium libgtest-dev libgmock-dev doctest-dev catch2
           libboost-test-dev libboost-thread-dev qtbase5-dev)
  # The machine's own Node.js is fine; Debian's otherwise.
  command -v node >/dev/null 2>&1 || wanted+=(nodejs)
  command -v npm >/dev/null 2>&1 || wanted+=(npm)
fi
for major in "${majors[@]}"; do
  case "$major" in
    16|19|22) ;;
    *) echo "setup: unsupported LLVM major '$major' (supported: 16, 19, 22)" >&2; exit 2 ;;
  esac
  # clang-tools: clang-scan-deps finds each file's include closure for the
  # result cache of project runs.
  wanted+=("clang-tidy-$major" "libclang-$major-dev" "llvm-$major-dev"
           "llvm-$major-tools" "clang-$major" "clang-tools-$major")
done

install_validators() {
  [ "$test_tools" = 1 ] || return 0
  local dir=tools/sarif-validator
  if [ ! -d "$dir/node_modules/ajv" ] || [ ! -d "$dir/node_modules/@microsoft/sarif-multitool-linux" ] \
     || [ "$dir/package-lock.json" -nt "$dir/node_modules/.package-lock.json" ]; then
    echo "setup: installing the SARIF validators (npm ci in $dir)"
    (cd "$dir" && npm ci --no-audit --no-fund --loglevel=error)
  fi
}

missing=()
for pkg in "${wanted[@]}"; do
  status=$(dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null || true)
  [ "$status" = "install ok installed" ] || missing+=("$pkg")
done
if [ ${#missing[@]} -eq 0 ]; then
  install_validators
  exit 0
fi

sudo=()
if [ "$(id -u)" -ne 0 ]; then
  if command -v sudo >/dev/null 2>&1; then
    sudo=(sudo)
  else
    echo "setup: missing packages: ${missing[*]}; run as root or install them" >&2
    exit 1
  fi
fi
echo "setup: installing ${missing[*]}"
"${sudo[@]}" apt-get update -q
DEBIAN_FRONTEND=noninteractive "${sudo[@]}" apt-get install -y -q "${missing[@]}"
install_validators
