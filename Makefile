# Two entry points (see README): `make demo` runs seasoncast on the bundled data,
# `make test` runs the whole test suite. Both bootstrap everything they need.
PYTHON ?= python3.11
UV_VERSION = 0.13.8
TOOLS = .tools
UV = $(TOOLS)/bin/uv
VENV = .venv
export UV_PYTHON_DOWNLOADS = never
export UV_PROJECT_ENVIRONMENT = $(VENV)

.PHONY: setup demo test lint bench clean

$(UV):
	$(PYTHON) -m venv $(TOOLS)
	$(TOOLS)/bin/pip install --quiet --disable-pip-version-check uv==$(UV_VERSION)

$(VENV)/.synced: $(UV) pyproject.toml uv.lock
	$(UV) sync --locked --quiet --python $(PYTHON)
	@touch $@

setup: $(VENV)/.synced

demo: setup
	$(VENV)/bin/seasoncast init
	$(VENV)/bin/seasoncast demo

test: setup
	$(VENV)/bin/ruff check src tests benchmarks
	$(VENV)/bin/python -m pytest

lint: setup
	$(VENV)/bin/ruff check src tests benchmarks

bench: setup
	$(VENV)/bin/python benchmarks/run_all.py

clean:
	rm -rf $(VENV) $(TOOLS)
