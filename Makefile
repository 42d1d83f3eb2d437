# The commands people type. Two do everything on a fresh machine: `make serve` and `make test`.
SHELL := /bin/bash
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
export NO_MKDOCS_2_WARNING := 1
export PYTHONDONTWRITEBYTECODE := 1
# Debian packages the tests use: a real browser, poppler's PDF tools, Java for the Nu Html Checker,
# nginx to serve the built site with its generated config.
DEBIAN_PACKAGES := chromium poppler-utils default-jre-headless nginx

.PHONY: install serve build test test-fast lint validate packs offline bench readability linkcheck-external system-deps clean

$(BIN)/activate:
	$(PYTHON) -m venv $(VENV)

$(VENV)/.installed: pyproject.toml | $(BIN)/activate
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e '.[test]'
	touch $@

install: $(VENV)/.installed

system-deps:
	@missing=""; for p in $(DEBIAN_PACKAGES); do dpkg -s $$p >/dev/null 2>&1 || missing="$$missing $$p"; done; \
	if [ -n "$$missing" ]; then \
	  echo "Installing Debian packages:$$missing"; \
	  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends $$missing >/dev/null; \
	fi

node_modules/.installed: package.json package-lock.json
	npm ci --no-audit --no-fund --loglevel=error
	touch $@

validate: install
	$(BIN)/veilige-toekomst validate

# The training packs (PDF) in build/packs; unchanged packs are kept. The site publishes them.
packs: install
	$(BIN)/veilige-toekomst packs

build: install node_modules/.installed packs
	$(BIN)/mkdocs build --strict --quiet

# `make serve PORT=8001` when 8000 is taken; SITE_URL=https://… make build for the published site.
PORT ?= 8000
serve: build
	@if ! $(BIN)/python -c 'import socket; socket.socket().bind(("127.0.0.1", $(PORT)))' 2>/dev/null; then \
	  echo "Port $(PORT) is already in use (another program, or a make serve still running)."; \
	  echo "Stop that one, or choose another port: make serve PORT=$$(( $(PORT) + 1 ))"; exit 1; fi
	@echo "Serving on http://localhost:$(PORT)/ (Dutch) and http://localhost:$(PORT)/en/ (English); Ctrl-C stops."
	@$(BIN)/python -m http.server $(PORT) --bind 127.0.0.1 --directory site

# The code's habits and the layer contract (pyproject.toml): ruff, mypy, import-linter.
lint: install
	$(BIN)/ruff check scripts tests
	$(BIN)/ruff format --check scripts tests
	$(BIN)/lint-imports
	$(BIN)/mypy

# The model, the rules, the exports: no browser, no site build; well under a minute.
test-fast: install
	$(BIN)/python -m pytest -q -n 2 tests/test_validation.py tests/test_layers.py tests/test_content.py

test: install system-deps node_modules/.installed lint
	$(BIN)/python -m pytest -n 2 --dist loadgroup -q

# The whole site with its packs, as a zip that works opened from disk (file://), no server, no network.
offline: build
	$(BIN)/mkdocs build --strict --quiet -f mkdocs.offline.yml
	rm -f build/veilige-toekomst-offline.zip.tmp
	cd build/offline && ../../$(BIN)/python -m zipfile -c ../veilige-toekomst-offline.zip.tmp veilige-toekomst
	mv build/veilige-toekomst-offline.zip.tmp build/veilige-toekomst-offline.zip
	@echo "Offline edition: build/veilige-toekomst-offline.zip (open veilige-toekomst/index.html)"

# Measurements, never gates: one table of build time, packs, page weight and Lighthouse against the
# project's targets; the readability of each page's prose; whether the external links still answer
# (needs a network; says so and exits 0 without one).
BENCH_RUNS ?= 3
bench: install system-deps node_modules/.installed
	PYTHONPATH=scripts $(BIN)/python -m devtools.bench --runs $(BENCH_RUNS)

readability: install
	PYTHONPATH=scripts $(BIN)/python -m devtools.bench.readability

linkcheck-external: install
	PYTHONPATH=scripts $(BIN)/python -m devtools.bench.linkcheck

clean:
	rm -rf site build .pytest_cache
