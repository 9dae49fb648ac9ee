// swift-tools-version: 6.1
//
// The Respect Standard self-assessment engine.
//
// Modules follow the data flow, and none reaches back up it:
//   CLibXML2 (system libxml2) → RespectXML (the only code touching C pointers)
//   → RespectModel (domain types and loaders) → RespectEvaluation (verdicts)
//   → RespectAssessment (the use cases every front end calls) → RespectReports (words: text,
//   JSON, CSV, HTML) → respect (command line). Beside the reports, RespectStore is the stores'
//   contract (the run store and the service store: protocols and their values), RespectStoreSQL
//   the service store written once in SQL over a small driver protocol, and RespectStoreSQLite
//   the SQLite (GRDB) implementation of both. RespectServer (Hummingbird) is the web
//   application: routes → use cases, accounts, sessions, the JSON API.
import PackageDescription

let strict: [SwiftSetting] = [
    .enableUpcomingFeature("ExistentialAny"),
    .enableUpcomingFeature("InternalImportsByDefault"),
]

let package = Package(
    name: "RespectEngine",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "respect", targets: ["respect"]),
        .executable(name: "respect-server", targets: ["respect-server"]),
        .library(name: "RespectEvaluation", targets: ["RespectEvaluation"]),
        .library(name: "RespectAssessment", targets: ["RespectAssessment"]),
        .library(name: "RespectStore", targets: ["RespectStore"]),
        .library(name: "RespectStoreSQL", targets: ["RespectStoreSQL"]),
        .library(name: "RespectStoreSQLite", targets: ["RespectStoreSQLite"]),
        .library(name: "RespectStorePostgres", targets: ["RespectStorePostgres"]),
        .library(name: "RespectServer", targets: ["RespectServer"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/apple/swift-crypto", from: "3.12.3"),
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
        .package(url: "https://github.com/vapor/postgres-nio", from: "1.33.2"),
        // The web application. Hummingbird without its swift-configuration support (not used).
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.1", traits: ["FullFoundation"]),
        .package(url: "https://github.com/hummingbird-project/hummingbird-auth", from: "2.5.0"),
        // Only the tests use swift-mustache: PageTemplateTests compares the pages' own template
        // library (RespectServer/Pages/Templates) with it, byte for byte.
        .package(url: "https://github.com/hummingbird-project/swift-mustache", from: "2.1.1"),
        .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
        .package(url: "https://github.com/apple/swift-nio", from: "2.101.2"),
        .package(url: "https://github.com/apple/swift-nio-extras", from: "1.35.2"),
        .package(url: "https://github.com/apple/swift-http-types", from: "1.8.0"),
        .package(url: "https://github.com/swift-server/swift-service-lifecycle", from: "2.13.0"),
        .package(url: "https://github.com/apple/swift-nio-ssl", from: "2.37.6"),
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
            dependencies: ["RespectEvaluation", "RespectModel", "RespectXML", .product(name: "Crypto", package: "swift-crypto")],
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
        // The service store written once in SQL over `SQLDriver` (execute, query, transaction,
        // and a dialect for placeholders and column types), with its ordered, named migrations.
        .target(
            name: "RespectStoreSQL",
            dependencies: ["RespectEvaluation", "RespectModel", "RespectStore"],
            swiftSettings: strict
        ),
        // The run store in an SQLite file (GRDB), the embedded default, and the GRDB driver the
        // service store runs on.
        .target(
            name: "RespectStoreSQLite",
            dependencies: ["RespectEvaluation", "RespectModel", "RespectStore", "RespectStoreSQL",
                           .product(name: "GRDB", package: "GRDB.swift")],
            swiftSettings: strict
        ),
        // The web application (`respect serve`): Hummingbird routes → the use cases, accounts and
        // roles, sessions, CSRF, the JSON API and its OpenAPI document, pages from templates
        // (the editor writes submissions through RespectCorpus's SubmissionXMLWriter).
        .target(
            name: "RespectServer",
            dependencies: [
                "RespectXML", "RespectModel", "RespectEvaluation", "RespectAssessment", "RespectReports",
                "RespectStore", "RespectStoreSQL", "RespectStoreSQLite", "RespectStorePostgres", "RespectCorpus",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HummingbirdBcrypt", package: "hummingbird-auth"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOHTTPTypes", package: "swift-nio-extras"),
                .product(name: "HTTPTypes", package: "swift-http-types"),
            ],
            resources: [.copy("Resources")],
            swiftSettings: strict
        ),
        // PostgreSQL (postgres-nio), for shared deployments: the run store, and the driver the
        // service store runs on; several processes on one database.
        .target(
            name: "RespectStorePostgres",
            dependencies: [
                "RespectEvaluation", "RespectModel", "RespectStore", "RespectStoreSQL",
                .product(name: "PostgresNIO", package: "postgres-nio"),
                .product(name: "NIOSSL", package: "swift-nio-ssl"),
                .product(name: "Logging", package: "swift-log"),
            ],
            swiftSettings: strict
        ),
        // Deterministic generated submissions (respect generate, benchmarks, tests).
        .target(name: "RespectCorpus", dependencies: ["RespectModel"], swiftSettings: strict),
        // What both programs' commands share: the engine options and the exit codes, and the
        // names of the web application's commands.
        .target(
            name: "RespectCommandSupport",
            dependencies: ["RespectXML", "RespectModel", "RespectAssessment",
                           .product(name: "ArgumentParser", package: "swift-argument-parser")],
            swiftSettings: strict
        ),
        // The command line. The web application's commands (serve, users, tokens,
        // organisations, store) are handed to respect-server, so this program carries no web
        // server and starts faster.
        .executableTarget(
            name: "respect",
            dependencies: [
                "RespectXML", "RespectModel", "RespectEvaluation", "RespectAssessment", "RespectReports",
                "RespectStore", "RespectStoreSQLite", "RespectCorpus", "RespectCommandSupport",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            swiftSettings: strict
        ),
        // `respect serve`, `users`, `tokens`, `organisations` and `store`, run by `respect`.
        .executableTarget(
            name: "respect-server",
            dependencies: [
                "RespectStore", "RespectStoreSQLite", "RespectServer", "RespectCommandSupport",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Hummingbird", package: "hummingbird"),
            ],
            path: "Sources/respect-server",
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
        // the command-line runner, the hostile-input workspace, the store contract suites, a
        // server started in-process on a free loopback port and an HTTP client for it).
        // Fixtures live in Tests/Fixtures.
        // Targets that run the `respect` binary as a user would depend on it so it is built.
        .target(
            name: "RespectTestSupport",
            dependencies: ["RespectXML", "RespectModel", "RespectEvaluation", "RespectStore", "RespectServer",
                           .product(name: "NIOCore", package: "swift-nio"),
                           .product(name: "NIOPosix", package: "swift-nio"),
                           .product(name: "NIOHTTP1", package: "swift-nio"),
                           .product(name: "NIOConcurrencyHelpers", package: "swift-nio"),
                           "RespectAssessment", "RespectStoreSQLite",
                           .product(name: "Hummingbird", package: "hummingbird"),
                           .product(name: "Logging", package: "swift-log"),
                           .product(name: "ServiceLifecycle", package: "swift-service-lifecycle")],
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
            dependencies: ["RespectModel", "RespectEvaluation", "RespectStore", "RespectStoreSQL", "RespectStoreSQLite",
                           "RespectStorePostgres", "RespectTestSupport", .product(name: "GRDB", package: "GRDB.swift")],
            swiftSettings: strict
        ),
        .testTarget(
            name: "RespectStoreSQLTests",
            dependencies: ["RespectStore", "RespectStoreSQL", "RespectStoreSQLite", "RespectTestSupport"],
            swiftSettings: strict
        ),
        .testTarget(
            name: "RespectServerTests",
            dependencies: ["RespectModel", "RespectEvaluation", "RespectAssessment", "RespectReports", "RespectStore",
                           "RespectStoreSQL", "RespectStoreSQLite", "RespectServer", "RespectCorpus", "RespectTestSupport", "respect",
                           "respect-server", .product(name: "Mustache", package: "swift-mustache")],
            swiftSettings: strict
        ),
        .testTarget(
            name: "RespectCorpusTests",
            dependencies: ["RespectModel", "RespectEvaluation", "RespectCorpus", "RespectTestSupport", "respect"],
            swiftSettings: strict
        ),
        .testTarget(
            name: "RespectCommandLineTests",
            dependencies: ["RespectXML", "RespectModel", "RespectEvaluation", "RespectAssessment", "RespectReports", "RespectTestSupport", "respect",
                           "respect-server"],
            swiftSettings: strict
        ),
    ]
)
