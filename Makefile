# calspec build plumbing. Everything runs from .venv, built from requirements.lock.
SHELL := /bin/bash
PYTHON_BOOT := $(shell command -v python3.11 2>/dev/null || command -v python3)
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.calspec-stamp
# openapi-python-client's post hooks call `ruff`: the venv's bin must come first on PATH.
RUN := PATH="$(CURDIR)/$(BIN):$$PATH" $(BIN)/python
GENERATED_PROJECTS = $(wildcard generated/*/pyproject.toml)

.PHONY: venv generate lint check test clean lock install-generated fake contract bench dist
PORT ?= 8080

venv: $(STAMP)

$(STAMP): requirements.lock
	test -x $(BIN)/python || $(PYTHON_BOOT) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -r requirements.lock
	$(MAKE) --no-print-directory install-generated
	touch $@

# Editable installs of the generated clients (no deps: requirements.lock already has them).
install-generated:
	@echo "pip install -e . (the calspec tools: calspec-fake, calspec-contract, the pytest plugin)"
	@$(BIN)/python -m pip install --quiet --disable-pip-version-check --no-deps --no-build-isolation -e . || exit 1
	@for pyproject in $(GENERATED_PROJECTS); do \
		dir=$$(dirname $$pyproject); \
		echo "pip install -e $$dir"; \
		$(BIN)/python -m pip install --quiet --disable-pip-version-check \
			--no-deps --no-build-isolation -e $$dir || exit 1; \
	done

generate: $(STAMP)
	$(RUN) -m generator generate
	$(MAKE) --no-print-directory install-generated

lint: $(STAMP)
	$(RUN) -m generator lint
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/mypy generator tests calspec bench

# RELEASE_BASE=REV (check, test): the revision holding the last release's lock files, against which a
# changed spec needs a higher client_version. Default HEAD; on a branch or in CI, its fork point.
check: $(STAMP)
	$(RUN) -m generator check

test: $(STAMP) lint
	@if [ -n "$(GENERATED_PROJECTS)" ]; then \
		for pyproject in $(GENERATED_PROJECTS); do \
			name=$$(sed -n 's/^name = "\(.*\)"/\1/p' $$pyproject | head -1); \
			$(BIN)/python -m pip show --quiet $$name >/dev/null 2>&1 || { $(MAKE) --no-print-directory install-generated; break; }; \
		done; \
	fi
	@# On every core (pytest-xdist; each contract run's tests kept in one worker). Bytecode is written
	@# even where PYTHONDONTWRITEBYTECODE is set: without it every worker compiles and assertion-rewrites
	@# the same few hundred modules again on every run.
	PATH="$(CURDIR)/$(BIN):$$PATH" PYTHONDONTWRITEBYTECODE= $(BIN)/pytest -q -n auto --dist loadgroup

# Re-pin requirements.lock from requirements.in in a throwaway venv.
lock:
	rm -rf .lock-venv
	$(PYTHON_BOOT) -m venv .lock-venv
	.lock-venv/bin/python -m pip install --quiet --disable-pip-version-check -r requirements.in
	{ echo "# Fully pinned set: a fresh venv with 'pip install -r requirements.in', then 'pip freeze'. Regenerate: make lock"; \
	  .lock-venv/bin/python -m pip freeze --all --exclude pip --exclude setuptools --exclude wheel; } > requirements.lock
	rm -rf .lock-venv

# Wheels and sdists into dist/, built by hatchling from the venv (no build isolation, no network).
# One project folder (holding its pyproject.toml) per line.
DIST_PROJECTS := \
	. \
	generated/lineworks-calendar-client \
	generated/dooray-calendar-client

dist: check
	rm -rf dist
	@for project in $(DIST_PROJECTS); do \
		echo "hatchling build $$project"; \
		(cd $$project && $(CURDIR)/$(BIN)/python -m hatchling build --target wheel --target sdist \
			--directory $(CURDIR)/dist) || exit 1; \
	done
	@ls -1 dist

clean:
	rm -rf $(VENV) .ruff_cache .mypy_cache .pytest_cache reports dist
	find . -name __pycache__ -type d -prune -not -path './.git/*' -exec rm -rf {} +

# The fake LINE WORKS + Dooray server on 127.0.0.1:$(PORT); DB=path.sqlite keeps state across restarts.
fake: $(STAMP)
	$(RUN) -m calspec.fake --host 127.0.0.1 --port $(PORT) $(if $(DB),--db $(DB))

# Schemathesis against any running server:
#   LW_TOKEN=... make contract PROVIDER=lineworks|dooray BASE_URL=... TOKEN_ENV=LW_TOKEN
# TOKEN_ENV names the environment variable holding the token, so the token is on no command line; make
# passes its variables to the runner through the environment. TOKEN=... still works, but shows in `ps`.
contract: $(STAMP)
	@$(BIN)/calspec-contract

# Throughput of the fake against a bare endpoint, and client parse time against json.loads. Figures only.
bench: $(STAMP)
	$(RUN) -m bench
