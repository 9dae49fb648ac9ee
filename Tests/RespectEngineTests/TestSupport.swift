import Foundation
import RespectEvaluation
import RespectModel
import RespectXML

/// Paths and loaders shared by the tests. Fixtures are real XML files under `Fixtures/`;
/// variants are written to a temporary folder and go through the same loader as users' files.
enum TestSupport {
    static let testsDirectory = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    static let repositoryRoot = testsDirectory.deletingLastPathComponent().deletingLastPathComponent()
    static let standardsDirectory = repositoryRoot.appendingPathComponent("standards").path
    static let examplesDirectory = repositoryRoot.appendingPathComponent("examples").path
    static let schemas = SchemaSet(directory: standardsDirectory + "/schema")
    static let loader = DocumentLoader(schemas: schemas)

    static func fixture(_ relativePath: String) -> String {
        testsDirectory.appendingPathComponent("Fixtures").appendingPathComponent(relativePath).path
    }

    static let miniFramework: Framework = {
        // A fixture that fails to load is a test bug; crash loudly with the reason.
        do { return try loader.loadFramework(contentsOf: fixture("engine/mini-framework.xml")) } catch { fatalError("\(error)") }
    }()

    static let miniAchievedText: String = {
        (try? String(contentsOfFile: fixture("engine/mini-achieved.xml"), encoding: .utf8)) ?? ""
    }()

    /// Writes `text` to a fresh temporary file and returns its path.
    static func temporaryFile(_ text: String, name: String = "submission.xml") -> String {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("respect-tests-\(UUID().uuidString)")
        try? FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let path = folder.appendingPathComponent(name).path
        _ = FileManager.default.createFile(atPath: path, contents: Data(text.utf8))
        return path
    }

    /// The mini "achieved" submission with each `(old, new)` replacement applied; every
    /// replacement must match, so a stale test fails instead of silently testing nothing.
    static func miniVariant(_ replacements: [(String, String)]) throws -> Submission {
        var text = miniAchievedText
        for (old, new) in replacements {
            guard text.contains(old) else { throw VariantError(missing: old) }
            text = text.replacingOccurrences(of: old, with: new)
        }
        return try loader.loadSubmission(contentsOf: temporaryFile(text))
    }

    /// Evaluates a mini variant as of its own date (2026-06-30) unless told otherwise.
    static func assessMini(_ replacements: [(String, String)] = [], asOf: String = "2026-06-30") throws -> Assessment {
        let submission = try miniVariant(replacements)
        return try Evaluator(framework: miniFramework).evaluate(submission, asOf: CalendarDate(asOf)!)
    }

    struct VariantError: Error, CustomStringConvertible {
        var missing: String
        var description: String { "fixture text not found: \(missing)" }
    }
}

extension Assessment {
    func indicator(_ id: String) -> IndicatorResult? {
        indicators.first { $0.id == id }
    }

    func status(_ id: String) -> IndicatorStatus? {
        indicator(id)?.status
    }

    func reasonKinds(_ id: String) -> [Reason.Kind] {
        indicator(id)?.reasons.map(\.kind) ?? []
    }
}
