// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "docs-audit",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "docs-audit", targets: ["docs-audit"]),
        .library(name: "DocsAuditCore", targets: ["DocsAuditCore"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
    ],
    targets: [
        // C libraries, each called from one small Swift file. cmark-gfm: Markdown/CmarkBridge.swift.
        .systemLibrary(
            name: "CCmarkGFM",
            pkgConfig: "libcmark-gfm",
            providers: [.apt(["libcmark-gfm-dev", "libcmark-gfm-extensions-dev"])]
        ),
        // SHA-256 for the per-file analysis cache keys, from OpenSSL's libcrypto (linked statically by
        // `make release`; swift-crypto compiled BoringSSL for this one function: docs/performance.md).
        .systemLibrary(name: "CSHA256", providers: [.apt(["libssl-dev"])]),
        // Profile patterns: PCRE2 (8-bit, UTF, JIT, match limits), called only from Support/PCRE2Regex.swift.
        .systemLibrary(name: "CPCRE2", pkgConfig: "libpcre2-8", providers: [.apt(["libpcre2-dev"])]),
        // Profiles and rule examples: libyaml's event parser, called only from Profile/YAML/YAMLReader.swift.
        .systemLibrary(name: "CYAML", pkgConfig: "yaml-0.1", providers: [.apt(["libyaml-dev"])]),
        // Parsing, profile, corpus model, extraction (and later the rules). Never prints, never exits.
        .target(
            name: "DocsAuditCore",
            dependencies: [
                "CCmarkGFM", "CPCRE2", "CSHA256", "CYAML",
            ]
        ),
        // Turns models and findings into bytes: JSON, text, and later SARIF and friends.
        .target(name: "DocsAuditReporters", dependencies: ["DocsAuditCore"]),
        // The command line. The only target that imports ArgumentParser.
        .executableTarget(
            name: "docs-audit",
            dependencies: [
                "DocsAuditCore", "DocsAuditReporters",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        // libFuzzer entry point (`make fuzz` builds it with -DFUZZING and -sanitize=fuzzer,address); in an
        // ordinary build it is a replayer that runs saved inputs through the same code.
        .executableTarget(
            name: "docs-audit-fuzz",
            dependencies: ["DocsAuditCore", "DocsAuditReporters"],
            path: "Fuzz",
            // Saved inputs the replayer reads at run time, not sources.
            exclude: ["inputs"]
        ),
        .testTarget(name: "DocsAuditCoreTests", dependencies: ["DocsAuditCore"]),
        .testTarget(name: "DocsAuditReportersTests", dependencies: ["DocsAuditReporters", "DocsAuditCore"], exclude: ["Golden"]),
        .testTarget(name: "DocsAuditCLITests", dependencies: ["docs-audit", "docs-audit-fuzz"], exclude: ["Golden"]),
    ]
)
