# docs-audit: `make demo` runs the tool on the bundled example corpus; `make test` runs every test.
# Both install the two Debian packages cmark-gfm needs, and the python3 module jsonschema (the SARIF schema
# test), when they are missing.

SWIFT ?= swift
APT_PACKAGES := libcmark-gfm-dev libcmark-gfm-extensions-dev
EXAMPLES := Examples/corpus
RELEASE_BIN := .build/release/docs-audit

.PHONY: deps build release demo test inject mutate bench fuzz embed clean

deps:
	@missing=""; for p in $(APT_PACKAGES); do dpkg -s $$p >/dev/null 2>&1 || missing="$$missing $$p"; done; \
	if [ -n "$$missing" ]; then \
	  echo "installing:$$missing"; \
	  SUDO=""; [ "$$(id -u)" -eq 0 ] || SUDO=sudo; \
	  $$SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq $$missing; \
	fi
	@python3 -c "import jsonschema" 2>/dev/null || python3 -m pip install -q jsonschema 2>/dev/null || \
	  { SUDO=""; [ "$$(id -u)" -eq 0 ] || SUDO=sudo; DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq python3-jsonschema; }

build: deps
	$(SWIFT) build

# The Swift runtime and Foundation linked in: the process starts in 5 ms instead of 10, and calls into the
# runtime (retain, release) are direct, about a quarter off a whole run (docs/performance.md).
release: deps
	$(SWIFT) build -c release --static-swift-stdlib

demo: release
	@echo "== docs-audit extract --root $(EXAMPLES) --format text"
	@$(RELEASE_BIN) extract --root $(EXAMPLES) --format text
	@echo
	@echo "== docs-audit lint --root $(EXAMPLES)"
	@$(RELEASE_BIN) lint --root $(EXAMPLES) && echo "no findings"

test: deps
	$(SWIFT) build --build-tests
	$(SWIFT) test --disable-swift-testing

# Injects 52 defects into a copy of ../shared/corpora/ai-sidekicks, one at a time, and checks that the findings
# change by exactly the stated ones (rule, file, line, column, severity, message); skipped when the corpus is absent.
inject: build
	python3 scripts/inject.py --bin .build/debug/docs-audit

# Applies each mutant of scripts/mutants.json to a copy of the project (/tmp/docs-audit-mutate) and reports which
# survive the tests and the injections (docs/robustness.md). Slow: one incremental build per mutant.
mutate: deps
	python3 scripts/mutate.py --results .build/mutants-result.json

# Speed and memory against the I/O and parse floors (docs/performance.md).
bench: release
	scripts/bench.sh

# libFuzzer with AddressSanitizer for 30 minutes (SECONDS=… to change); crashes land in Fuzz/crashes.
fuzz: deps
	scripts/fuzz.sh $${SECONDS_TO_FUZZ:-1800}

# Regenerates the embedded copy of rules/default.yml (a test fails when they differ).
embed:
	scripts/embed-default-profile.sh

clean:
	rm -rf .build
