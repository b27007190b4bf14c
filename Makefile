# docs-audit: `make demo` runs the tool on the bundled example corpus; `make test` runs every test.
# Both install the Debian packages cmark-gfm, PCRE2 and libyaml need, and the python3 module jsonschema (the SARIF
# schema test), when they are missing.

SWIFT ?= swift
APT_PACKAGES := libcmark-gfm-dev libcmark-gfm-extensions-dev libpcre2-dev libyaml-dev libssl-dev binutils pkg-config
EXAMPLES := Examples/corpus
RELEASE_BIN := .build/release/docs-audit
# C and C++ libraries the release binary links statically, one word each: `make
# release` links their `.a` archives (scripts/static-libs.sh), so the binary needs only libc at run time.
STATIC_C_LIBS := cmark-gfm cmark-gfm-extensions pcre2-8 yaml crypto stdc++
STATIC_LIB_DIR := .build/static-libs
# `make install PREFIX=… DESTDIR=…`: the binary, the man page and bash/zsh/fish completions.
PREFIX ?= /usr/local
DESTDIR ?=
STAGE := .build/stage
MANPAGE := .build/plugins/GenerateManual/outputs/docs-audit/docs-audit.1
# Tests: the HTML report's real Graphviz test needs dot; the XML reporters' well-formedness test parses with
# FoundationXML, which loads libxml2.
APT_PACKAGES += graphviz libxml2

.PHONY: deps test-tools build release man stage install uninstall dist demo test inject mutate bench fuzz embed clean

deps:
	@missing=""; for p in $(APT_PACKAGES); do dpkg -s $$p >/dev/null 2>&1 || missing="$$missing $$p"; done; \
	if [ -n "$$missing" ]; then \
	  echo "installing:$$missing"; \
	  SUDO=""; [ "$$(id -u)" -eq 0 ] || SUDO=sudo; \
	  $$SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq $$missing; \
	fi
	@python3 -c "import jsonschema" 2>/dev/null || python3 -m pip install -q jsonschema 2>/dev/null || \
	  { SUDO=""; [ "$$(id -u)" -eq 0 ] || SUDO=sudo; DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq python3-jsonschema; }

# pre-commit from PyPI, for the test that runs the real hook (it skips, saying why, when this fails).
test-tools:
	@scripts/test-tools.sh

build: deps
	$(SWIFT) build

# The Swift runtime and Foundation linked in: the process starts in 5 ms instead of 10, and calls into the
# runtime (retain, release) are direct, about a quarter off a whole run (docs/performance.md). The C
# libraries too (STATIC_C_LIBS), so the binary runs on a machine without them.
release: deps
	scripts/static-libs.sh $(STATIC_LIB_DIR) $(STATIC_C_LIBS)
	PKG_CONFIG_PATH=$(CURDIR)/$(STATIC_LIB_DIR)/pkgconfig $(SWIFT) build -c release --static-swift-stdlib \
	  -Xlinker -L$(CURDIR)/$(STATIC_LIB_DIR)

# The man page, by ArgumentParser's generate-manual plugin. It builds the package itself, in debug (as `make
# test` does): in release it would rebuild the release binary without the static libraries.
man: deps
	$(SWIFT) package plugin generate-manual --configuration debug

# The installable tree (bin/, share/man/man1, completions) of the release binary, stripped.
stage: man release
	scripts/check-static.sh $(RELEASE_BIN)
	scripts/stage.sh $(RELEASE_BIN) $(MANPAGE) $(STAGE)
	@echo "stage: $(STAGE)/bin/docs-audit is $$(stat -c %s $(STAGE)/bin/docs-audit) bytes (the README says about how big)"

# NO_BUILD=1 installs an existing STAGE as it is (the tests stage the debug binary).
install: $(if $(NO_BUILD),,stage)
	scripts/install.sh install $(STAGE) "$(DESTDIR)$(PREFIX)"

uninstall:
	scripts/install.sh uninstall $(STAGE) "$(DESTDIR)$(PREFIX)"

# dist/docs-audit-VERSION-linux-ARCH.tar.gz and its .sha256 (docs/integration.md).
dist: $(if $(NO_BUILD),,stage)
	scripts/release.sh $(STAGE) dist

demo: release
	@echo "== docs-audit extract --root $(EXAMPLES) --format text"
	@$(RELEASE_BIN) extract --root $(EXAMPLES) --format text
	@echo
	@echo "== docs-audit lint --root $(EXAMPLES)"
	@$(RELEASE_BIN) lint --root $(EXAMPLES) && echo "no findings"
	@echo
	@echo "== a copy with three planted defects (scripts/demo-defects.sh; the dangling edge gives two findings); docs-audit lint --root <copy>"
	@copy=$$(mktemp -d); trap 'rm -rf "$$copy"' EXIT; \
	scripts/demo-defects.sh $(EXAMPLES) "$$copy/corpus" || exit 1; \
	status=0; $(RELEASE_BIN) lint --root "$$copy/corpus" --no-cache || status=$$?; \
	echo "exit code $$status: findings fail the run"; [ $$status -eq 1 ]

# The tests' temporary folders (fixtures, git repositories, caches) go in one folder removed afterwards. It is
# searchable by others (mktemp makes it 0700) because, run as root, the unreadable-file test reads as `nobody`.
test: deps test-tools man
	$(SWIFT) build --build-tests
	@scratch=$$(mktemp -d "$${TMPDIR:-/tmp}/docs-audit-tests.XXXXXX") || exit 2; trap 'rm -rf "$$scratch"' EXIT; \
	chmod 755 "$$scratch" || exit 2; \
	echo "$(SWIFT) test --disable-swift-testing (temporary files in $$scratch)"; \
	TMPDIR="$$scratch" $(SWIFT) test --disable-swift-testing

# Injects each defect of scripts/inject.py's table into a copy of ../shared/corpora/ai-sidekicks, one at a time,
# and checks that the findings change by exactly the stated ones (rule, file, line, column, severity, message);
# skipped when the corpus is absent.
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

# Regenerates the embedded copies of every rules/*.yml (the built-in profiles, by name) and rules/examples/
# (a test fails when they differ).
embed:
	scripts/embed-default-profile.sh
	scripts/embed-rule-examples.sh

clean:
	rm -rf .build dist
