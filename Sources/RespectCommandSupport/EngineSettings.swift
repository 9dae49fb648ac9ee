public import ArgumentParser
import Foundation
public import RespectAssessment
public import RespectModel
public import RespectXML

/// Where the standards are and the input safety limits, as plain values: what `EngineOptions`
/// parses to, and what a command read without argument-parser (`respect check`'s usual forms)
/// is given directly. Everything a command does with them is here.
public struct EngineSettings: Sendable, Equatable {
    public var standards: String?
    public var maxFileSize: Int
    public var maxDepth: Int
    public var maxEvidenceItems: Int
    public var maxElements: Int

    /// The defaults are those `--help` shows.
    public init(standards: String? = nil, maxFileSize: Int = XMLLimits.default.maxFileBytes,
                maxDepth: Int = XMLLimits.default.maxDepth,
                maxEvidenceItems: Int = DocumentLoader.defaultMaxEvidenceItems,
                maxElements: Int = XMLLimits.default.maxElements) {
        self.standards = standards
        self.maxFileSize = maxFileSize
        self.maxDepth = maxDepth
        self.maxEvidenceItems = maxEvidenceItems
        self.maxElements = maxElements
    }

    public func validate() throws {
        guard maxFileSize > 0 else { throw ValidationError("--max-file-size must be a positive number of bytes") }
        guard (1...256).contains(maxDepth) else { throw ValidationError("--max-depth must be from 1 to 256") }
        guard maxEvidenceItems > 0 else { throw ValidationError("--max-evidence-items must be a positive number") }
        guard maxElements > 0 else { throw ValidationError("--max-elements must be a positive number") }
    }

    /// The standards folder, found as the help of `respect` describes.
    public func standardsDirectory() throws -> String {
        if let standards { return standards }
        if let fromEnvironment = ProcessEnvironment.value("RESPECT_STANDARDS"), !fromEnvironment.isEmpty {
            return fromEnvironment
        }
        let fileManager = FileManager.default
        // Relative, so recorded paths are the same on every machine.
        if fileManager.fileExists(atPath: "standards/schema") { return "standards" }
        // Walk up from the executable (e.g. .build/release/respect in a checkout).
        var directory = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath().deletingLastPathComponent()
        for _ in 0..<6 {
            let candidate = directory.appendingPathComponent("standards")
            if fileManager.fileExists(atPath: candidate.appendingPathComponent("schema").path) { return candidate.path }
            directory.deleteLastPathComponent()
        }
        throw CommandFailure(description: "cannot find the standards folder (with its schema/ folder); pass --standards DIR or set RESPECT_STANDARDS",
                             exitCode: RespectExit.noInput)
    }

    /// The loader for the standards folder and limits; `screening` is the use case's choice
    /// (`.whenRecognised` for runs over many files).
    public func loader(screening: ValidationScreening = .never) throws -> DocumentLoader {
        let directory = try standardsDirectory()
        return DocumentLoader(schemas: SchemaSet(directory: directory + "/schema", screening: screening),
                              limits: XMLLimits(maxFileBytes: maxFileSize, maxDepth: maxDepth, maxElements: maxElements),
                              maxEvidenceItems: maxEvidenceItems)
    }

    /// The use cases over the standards folder, with these limits; `screening` as for `loader`.
    public func engine(screening: ValidationScreening = .never) throws -> AssessmentEngine {
        AssessmentEngine(standards: try standardsDirectory(), loader: try loader(screening: screening))
    }
}
