public import ArgumentParser
import Foundation
public import RespectAssessment
public import RespectModel
public import RespectXML

/// Options every command shares: where the standards are, and the input safety limits.
public struct EngineOptions: ParsableArguments, Sendable {
    @Option(name: .long, help: ArgumentHelp("The standards folder (framework files, and the XSDs in its schema/ folder).", valueName: "dir"))
    public var standards: String?

    @Option(name: .long, help: ArgumentHelp("Largest input file accepted, in bytes.", valueName: "bytes"))
    public var maxFileSize: Int = XMLLimits.default.maxFileBytes

    @Option(name: .long, help: ArgumentHelp("Deepest element nesting accepted.", valueName: "levels"))
    public var maxDepth: Int = XMLLimits.default.maxDepth

    @Option(name: .long, help: ArgumentHelp("Most evidence items accepted in one submission.", valueName: "count"))
    public var maxEvidenceItems: Int = DocumentLoader.defaultMaxEvidenceItems

    @Option(name: .long, help: ArgumentHelp("Most XML elements accepted in one file.", valueName: "count"))
    public var maxElements: Int = XMLLimits.default.maxElements

    public init() {}

    public func validate() throws {
        guard maxFileSize > 0 else { throw ValidationError("--max-file-size must be a positive number of bytes") }
        guard (1...256).contains(maxDepth) else { throw ValidationError("--max-depth must be from 1 to 256") }
        guard maxEvidenceItems > 0 else { throw ValidationError("--max-evidence-items must be a positive number") }
        guard maxElements > 0 else { throw ValidationError("--max-elements must be a positive number") }
    }

    /// The standards folder, found as the help of `respect` describes.
    public func standardsDirectory() throws -> String {
        if let standards { return standards }
        if let fromEnvironment = ProcessInfo.processInfo.environment["RESPECT_STANDARDS"], !fromEnvironment.isEmpty {
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

/// Text for people, JSON for programs.
public enum OutputFormat: String, ExpressibleByArgument, CaseIterable, Sendable {
    case text, json
}
