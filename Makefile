# A thin convenience over CMake: `make demo`, `make check`.
# LLVM_MAJOR selects the toolchain (16, 19 or 22); each gets its own build dir.
LLVM_MAJOR ?= 22
BUILD_DIR ?= build/llvm-$(LLVM_MAJOR)
JOBS ?= $(shell nproc 2>/dev/null || echo 2)
PYTHON ?= python3
LIT_ARGS ?=
# CLANGD=ON also builds thread-tidy-clangd (LLVM 22); the build dir remembers
# it until CLANGD=OFF. Empty: keep what the build dir has (default OFF).
CLANGD ?=
SETUP_FLAGS = $(if $(filter ON,$(CLANGD)),--clangd)
CLANGD_FLAG = $(if $(CLANGD),-DTHREAD_TIDY_CLANGD=$(CLANGD))

.PHONY: all setup setup-test configure build clangd demo check robustness bench install clean format format-check

all: build

setup:
	@bash scripts/setup.sh $(SETUP_FLAGS) $(LLVM_MAJOR)

# The test suite also renders the HTML report in Chromium and validates SARIF.
setup-test:
	@bash scripts/setup.sh --test $(SETUP_FLAGS) $(LLVM_MAJOR)

configure: setup
	@mkdir -p $(BUILD_DIR)
	@cmake -S . -B $(BUILD_DIR) -DTHREAD_TIDY_LLVM_MAJOR=$(LLVM_MAJOR) $(CLANGD_FLAG) $(CMAKE_FLAGS) > $(BUILD_DIR)/configure.log 2>&1 \
	  || { cat $(BUILD_DIR)/configure.log; exit 1; }

build: configure
	cmake --build $(BUILD_DIR) -j $(JOBS)

# thread-tidy-clangd: clangd with the threads-* checks built in (LLVM 22).
clangd:
	@$(MAKE) --no-print-directory build CLANGD=ON LLVM_MAJOR=22
	@echo "built $(dir $(BUILD_DIR))llvm-22/bin/thread-tidy-clangd; see docs/editors.md"

demo: build
	@echo "== thread-tidy over examples/ (LLVM $(LLVM_MAJOR)) =="
	$(BUILD_DIR)/bin/thread-tidy examples/*.cpp
	@echo "== legacy C with POSIX threads (examples/legacy/) =="
	$(BUILD_DIR)/bin/thread-tidy examples/legacy/*.c

check: setup-test build
	@$(PYTHON) scripts/run-lit.py --lit "$$(grep '^THREAD_TIDY_LIT:' $(BUILD_DIR)/CMakeCache.txt | cut -d= -f2-)" \
	  $(BUILD_DIR)/test $(LIT_ARGS)

install: build
	cmake --install $(BUILD_DIR)

clean:
	rm -rf $(BUILD_DIR)

# LLVM style (.clang-format) with clang-format-22, whatever LLVM_MAJOR is.
format:
	@bash scripts/setup.sh --format
	@bash scripts/format.sh

# What CI runs: unformatted files and lines over 80 columns fail.
format-check:
	@bash scripts/setup.sh --format
	@bash scripts/format.sh --check

# No crash, no hang, no diagnostic in a system header, on hostile inputs,
# every test and example, real code bases present in third_party_src/, and
# seeded mutants. ROBUSTNESS_ARGS=--hostile-only for the older majors.
robustness: build
	python3 scripts/robustness.py --llvm-major $(LLVM_MAJOR) --build-dir $(BUILD_DIR) $(ROBUSTNESS_ARGS)

# Cost on real code (bench/projects.json, cloned into third_party_src/) and
# scaling on generated code; figures go to docs/performance.md.
bench: build
	python3 bench/run.py --llvm-major $(LLVM_MAJOR) --build-dir $(BUILD_DIR) $(BENCH_ARGS)
