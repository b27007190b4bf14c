# docs-audit: `make demo` runs the tool on the bundled example corpus; `make test` runs every test.
# Both install the two Debian packages cmark-gfm needs when they are missing.

SWIFT ?= swift
APT_PACKAGES := libcmark-gfm-dev libcmark-gfm-extensions-dev
EXAMPLES := Examples/corpus
RELEASE_BIN := .build/release/docs-audit

.PHONY: deps build release demo test embed clean

deps:
	@missing=""; for p in $(APT_PACKAGES); do dpkg -s $$p >/dev/null 2>&1 || missing="$$missing $$p"; done; \
	if [ -n "$$missing" ]; then \
	  echo "installing:$$missing"; \
	  SUDO=""; [ "$$(id -u)" -eq 0 ] || SUDO=sudo; \
	  $$SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq $$missing; \
	fi

build: deps
	$(SWIFT) build

release: deps
	$(SWIFT) build -c release

demo: release
	@echo "== docs-audit extract --root $(EXAMPLES) --format text"
	@$(RELEASE_BIN) extract --root $(EXAMPLES) --format text
	@echo
	@echo "== docs-audit lint --root $(EXAMPLES)"
	@$(RELEASE_BIN) lint --root $(EXAMPLES) && echo "no findings"

test: deps
	$(SWIFT) build --build-tests
	$(SWIFT) test --disable-swift-testing

# Regenerates the embedded copy of rules/default.yml (a test fails when they differ).
embed:
	scripts/embed-default-profile.sh

clean:
	rm -rf .build
