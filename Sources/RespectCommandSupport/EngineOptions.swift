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
    public var maxFileSize: Int = EngineSettings().maxFileSize

    @Option(name: .long, help: ArgumentHelp("Deepest element nesting accepted.", valueName: "levels"))
    public var maxDepth: Int = EngineSettings().maxDepth

    @Option(name: .long, help: ArgumentHelp("Most evidence items accepted in one submission.", valueName: "count"))
    public var maxEvidenceItems: Int = EngineSettings().maxEvidenceItems

    @Option(name: .long, help: ArgumentHelp("Most XML elements accepted in one file.", valueName: "count"))
    public var maxElements: Int = EngineSettings().maxElements

    public init() {}

    /// The options as plain values.
    public var settings: EngineSettings {
        EngineSettings(standards: standards, maxFileSize: maxFileSize, maxDepth: maxDepth,
                       maxEvidenceItems: maxEvidenceItems, maxElements: maxElements)
    }

    public func validate() throws {
        try settings.validate()
    }

    /// The standards folder, found as the help of `respect` describes.
    public func standardsDirectory() throws -> String {
        try settings.standardsDirectory()
    }

    /// The loader for the standards folder and limits; `screening` is the use case's choice
    /// (`.whenRecognised` for runs over many files).
    public func loader(screening: ValidationScreening = .never) throws -> DocumentLoader {
        try settings.loader(screening: screening)
    }

    /// The use cases over the standards folder, with these limits; `screening` as for `loader`.
    public func engine(screening: ValidationScreening = .never) throws -> AssessmentEngine {
        try settings.engine(screening: screening)
    }
}

/// Text for people, JSON for programs.
public enum OutputFormat: String, ExpressibleByArgument, CaseIterable, Sendable {
    case text, json
}
