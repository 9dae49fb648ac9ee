// swift-tools-version: 6.0
//
// The Respect Standard self-assessment engine.
//
// Modules follow the data flow, and none reaches back up it:
//   CLibXML2 (system libxml2) → RespectXML (the only code touching C pointers)
//   → RespectModel (domain types and loaders) → RespectEvaluation (verdicts)
//   → RespectReports (text / JSON rendering) → respect (command line).
import PackageDescription

let strict: [SwiftSetting] = [
    .enableUpcomingFeature("ExistentialAny"),
    .enableUpcomingFeature("InternalImportsByDefault"),
]

let package = Package(
    name: "RespectEngine",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "respect", targets: ["respect"]),
        .library(name: "RespectEvaluation", targets: ["RespectEvaluation"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/apple/swift-crypto", from: "3.12.3"),
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
    ],
    targets: [
        .systemLibrary(
            name: "CLibXML2",
            pkgConfig: "libxml-2.0",
            providers: [.apt(["libxml2-dev"]), .brew(["libxml2"])]
        ),
        .target(name: "RespectXML", dependencies: ["CLibXML2"], swiftSettings: strict),
        .target(
            name: "RespectModel",
            dependencies: ["RespectXML", .product(name: "Crypto", package: "swift-crypto")],
            swiftSettings: strict
        ),
        .target(name: "RespectEvaluation", dependencies: ["RespectModel"], swiftSettings: strict),
        .target(name: "RespectReports", dependencies: ["RespectEvaluation"], swiftSettings: strict),
        // The run store: every recorded check in SQLite (GRDB), for history and diffs.
        .target(
            name: "RespectStore",
            dependencies: ["RespectEvaluation", "RespectReports", .product(name: "GRDB", package: "GRDB.swift")],
            swiftSettings: strict
        ),
        // Deterministic generated submissions (respect generate, benchmarks, tests).
        .target(name: "RespectCorpus", dependencies: ["RespectModel"], swiftSettings: strict),
        // Scoring many submissions in parallel (respect batch).
        .target(name: "RespectBatch", dependencies: ["RespectModel", "RespectEvaluation", "RespectReports"], swiftSettings: strict),
        .executableTarget(
            name: "respect",
            dependencies: [
                "RespectModel", "RespectEvaluation", "RespectReports", "RespectStore", "RespectCorpus", "RespectBatch",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            swiftSettings: strict
        ),
        // The fuzz target: a libFuzzer entry point when scripts/fuzz.sh builds it with
        // -DRESPECT_FUZZ and -sanitize=fuzzer; otherwise it replays the files it is given.
        .executableTarget(
            name: "RespectFuzz",
            dependencies: ["RespectXML", "RespectModel", "RespectEvaluation", "RespectReports"],
            swiftSettings: strict
        ),
        .testTarget(
            name: "RespectEngineTests",
            dependencies: ["RespectXML", "RespectModel", "RespectEvaluation", "RespectReports", "RespectStore",
                           "RespectCorpus", "RespectBatch", "respect"],
            exclude: ["Fixtures"],
            swiftSettings: strict
        ),
    ]
)
