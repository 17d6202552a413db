#!/usr/bin/env bash
# Installs the Debian packages that building and testing thread-tidy needs,
# for one or more LLVM majors (default 22). Does nothing when all are there;
# otherwise runs `apt-get update` once and installs only what is missing.
#   scripts/setup.sh [MAJOR...]
set -euo pipefail

majors=("$@")
[ ${#majors[@]} -gt 0 ] || majors=(22)

wanted=(cmake make python3)
for major in "${majors[@]}"; do
  case "$major" in
    16|19|22) ;;
    *) echo "setup: unsupported LLVM major '$major' (supported: 16, 19, 22)" >&2; exit 2 ;;
  esac
  wanted+=("clang-tidy-$major" "libclang-$major-dev" "llvm-$major-dev"
           "llvm-$major-tools" "clang-$major")
done

missing=()
for pkg in "${wanted[@]}"; do
  status=$(dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null || true)
  [ "$status" = "install ok installed" ] || missing+=("$pkg")
done
[ ${#missing[@]} -eq 0 ] && exit 0

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
