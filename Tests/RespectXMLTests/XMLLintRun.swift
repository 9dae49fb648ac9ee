import Foundation
import RespectTestSupport
import Testing

/// One run of `xmllint --noout --nonet --nocdata --schema SCHEMA` over documents written to a
/// temporary folder: libxml2's own verdicts, from its own parser, for the differential tests.
/// (`--nocdata` reads CDATA sections as text, as the engine's parser does.)
struct XMLLintRun {
    static let executable = "/usr/bin/xmllint"

    /// Whether xmllint found each document valid, in order.
    let accepted: [Bool]

    init(schema: String, documents: [[UInt8]]) throws {
        try #require(FileManager.default.isExecutableFile(atPath: Self.executable),
                     "xmllint (libxml2-utils) is needed; scripts/install-deps installs it")
        let folder = try TestSupport.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let paths = documents.indices.map { folder + "/document-\($0).xml" }
        for (path, bytes) in zip(paths, documents) {
            try Data(bytes).write(to: URL(fileURLWithPath: path))
        }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: Self.executable)
        process.arguments = ["--noout", "--nonet", "--nocdata", "--schema", schema] + paths
        let errors = Pipe()
        process.standardError = errors
        process.standardOutput = FileHandle.nullDevice
        try process.run()
        let output = errors.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        // Lines split on bytes: a message quoting a carriage return must not join two lines.
        let lines = Set(output.split(separator: 0x0A).map { String(decoding: $0, as: UTF8.self) })
        accepted = paths.map { lines.contains($0 + " validates") }
    }
}
