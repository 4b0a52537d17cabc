# Two commands do everything on a fresh machine that has Python 3.11:
#   make run    set up, index articles/ and serve on http://127.0.0.1:5000
#   make test   set up and run the whole test suite (what .ci/run calls)

PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed-$(shell cat pyproject.toml | cksum | cut -d' ' -f1)
HOST   ?= 127.0.0.1
PORT   ?= 5000

.PHONY: run test test-fast install index serve lint bench audit clean

run: install
	$(BIN)/kb db upgrade
	$(BIN)/kb index
	$(BIN)/kb serve --host $(HOST) --port $(PORT)

test: install
	$(BIN)/ruff check kb indexer tests bench
	KB_TEST_DATABASE_URL="$${KB_TEST_DATABASE_URL:-$$(bash .ci/postgres.sh)}" \
	KB_TEST_CHROMEDRIVER="$${KB_TEST_CHROMEDRIVER:-$$(bash .ci/chromium.sh)}" \
	KB_TEST_AXE="$${KB_TEST_AXE:-$$(bash .ci/axe.sh)}" $(BIN)/pytest

# The quick loop while coding: lint, then every test but the slow ones (killed builds, rebuilds under
# load, the fuzz run, Chromium, PostgreSQL, the kb command in subprocesses). `make test` (and CI) runs them all.
test-fast: install
	$(BIN)/ruff check kb indexer tests bench
	$(BIN)/pytest -m "not slow" -q

install: $(STAMP)

# torch is pinned to 2.13.0: this machine kind has its CPU build on disk; a bare torch pulls a CUDA build.
$(STAMP): pyproject.toml
	@$(PYTHON) -c 'import sys; sys.exit("kb needs Python 3.11, found " + sys.version.split()[0]) if sys.version_info[:2] != (3, 11) else None'
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e '.[test]'
	@$(BIN)/python -c 'import sys, torch; sys.exit("a CUDA build of torch was installed; kb needs the CPU build 2.13.0") if torch.version.cuda else print("torch", torch.__version__, "(CPU)")'
	@rm -f $(VENV)/.installed-*
	@touch $@

index: install
	$(BIN)/kb index

serve: install
	$(BIN)/kb serve --host $(HOST) --port $(PORT)

lint: install
	$(BIN)/ruff check kb indexer tests bench

# Known vulnerabilities of the installed packages (PyPA's advisory database): needs the network.
audit: install
	$(BIN)/pip install --quiet -e '.[audit]'
	$(BIN)/pip-audit --skip-editable

bench: install
	$(BIN)/python bench/index_throughput.py ../shared/corpora/alchemyinsights-es/AlchemyInsights

clean:
	rm -rf $(VENV) data .pytest_cache
