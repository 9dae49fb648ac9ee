// swift-tools-version: 6.0
//
// The Respect Standard self-assessment engine.
//
// Modules follow the data flow, and none reaches back up it:
//   CLibXML2 (system libxml2) → RespectXML (the only code touching C pointers)
//   → RespectModel (domain types and loaders) → RespectEvaluation (verdicts)
//   → RespectAssessment (the use cases every front end calls) → RespectReports (words: text,
//   JSON, CSV, HTML) → respect (command line). Beside the reports, RespectStore is the run
//   store's contract (a protocol and its values), and RespectStoreSQLite its SQLite (GRDB)
//   implementation.
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
        .library(name: "RespectAssessment", targets: ["RespectAssessment"]),
        .library(name: "RespectStore", targets: ["RespectStore"]),
        .library(name: "RespectStoreSQLite", targets: ["RespectStoreSQLite"]),
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
        .target(name: "RespectEvaluation", dependencies: ["RespectModel", "RespectXML"], swiftSettings: strict),
        // The use cases every front end calls: read a submission once, choose and migrate the
        // edition, apply findings, evaluate; score a round; compare bids.
        .target(
            name: "RespectAssessment",
            dependencies: ["RespectEvaluation", "RespectModel", "RespectXML"],
            swiftSettings: strict
        ),
        .target(
            name: "RespectReports",
            dependencies: ["RespectAssessment", "RespectEvaluation", "RespectModel"],
            swiftSettings: strict
        ),
        // The run store's contract: the `RunStore` protocol, the values it records and reads
        // back, and `StoreError`. No database in it; results are kept in `ResultCoding`'s JSON.
        .target(name: "RespectStore", dependencies: ["RespectEvaluation", "RespectModel"], swiftSettings: strict),
        // The run store in an SQLite file (GRDB), the embedded default.
        .target(
            name: "RespectStoreSQLite",
            dependencies: ["RespectEvaluation", "RespectModel", "RespectStore", .product(name: "GRDB", package: "GRDB.swift")],
            swiftSettings: strict
        ),
        // Deterministic generated submissions (respect generate, benchmarks, tests).
        .target(name: "RespectCorpus", dependencies: ["RespectModel"], swiftSettings: strict),
        .executableTarget(
            name: "respect",
            dependencies: [
                "RespectXML", "RespectModel", "RespectEvaluation", "RespectAssessment", "RespectReports",
                "RespectStore", "RespectStoreSQLite", "RespectCorpus",
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

        // Tests: one target per module, and a shared support target (fixture paths, loaders,
        // the command-line runner, the hostile-input workspace, the run store contract suite).
        // Fixtures live in Tests/Fixtures.
        // Targets that run the `respect` binary as a user would depend on it so it is built.
        .target(
            name: "RespectTestSupport",
            dependencies: ["RespectXML", "RespectModel", "RespectEvaluation", "RespectStore"],
            path: "Tests/RespectTestSupport",
            swiftSettings: strict
        ),
        .testTarget(
            name: "RespectXMLTests",
            dependencies: ["RespectXML", "RespectModel", "RespectCorpus", "RespectTestSupport"],
            swiftSettings: strict
        ),
        .testTarget(
            name: "RespectModelTests",
            dependencies: ["RespectXML", "RespectModel", "RespectEvaluation", "RespectReports", "RespectTestSupport", "respect"],
            swiftSettings: strict
        ),
        .testTarget(
            name: "RespectEvaluationTests",
            dependencies: ["RespectXML", "RespectModel", "RespectEvaluation", "RespectCorpus", "RespectTestSupport", "respect"],
            swiftSettings: strict
        ),
        .testTarget(
            name: "RespectAssessmentTests",
            dependencies: ["RespectModel", "RespectEvaluation", "RespectAssessment", "RespectReports", "RespectStore", "RespectStoreSQLite",
                           "RespectCorpus", "RespectTestSupport", "respect"],
            swiftSettings: strict
        ),
        .testTarget(
            name: "RespectReportsTests",
            dependencies: ["RespectModel", "RespectEvaluation", "RespectReports", "RespectTestSupport", "respect"],
            swiftSettings: strict
        ),
        .testTarget(
            name: "RespectStoreTests",
            dependencies: ["RespectModel", "RespectEvaluation", "RespectStore", "RespectStoreSQLite", "RespectTestSupport",
                           .product(name: "GRDB", package: "GRDB.swift")],
            swiftSettings: strict
        ),
        .testTarget(
            name: "RespectCorpusTests",
            dependencies: ["RespectModel", "RespectEvaluation", "RespectCorpus", "RespectTestSupport", "respect"],
            swiftSettings: strict
        ),
        .testTarget(
            name: "RespectCommandLineTests",
            dependencies: ["RespectXML", "RespectModel", "RespectEvaluation", "RespectAssessment", "RespectReports", "RespectTestSupport", "respect"],
            swiftSettings: strict
        ),
    ]
)
