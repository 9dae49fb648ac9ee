public import Foundation
public import RespectEvaluation
public import RespectModel
public import RespectXML

/// Paths and loaders shared by the tests. Fixtures are real XML files under `Fixtures/`;
/// variants are written to a temporary folder and go through the same loader as users' files.
public enum TestSupport {
    public static let testsDirectory = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    public static let repositoryRoot = testsDirectory.deletingLastPathComponent().deletingLastPathComponent()
    public static let standardsDirectory = repositoryRoot.appendingPathComponent("standards").path
    public static let examplesDirectory = repositoryRoot.appendingPathComponent("examples").path
    public static let schemas = SchemaSet(directory: standardsDirectory + "/schema")
    public static let loader = DocumentLoader(schemas: schemas)

    public static func fixture(_ relativePath: String) -> String {
        testsDirectory.deletingLastPathComponent().appendingPathComponent("Fixtures").appendingPathComponent(relativePath).path
    }

    public static let miniFramework: Framework = {
        // A fixture that fails to load is a test bug; crash loudly with the reason.
        do { return try loader.loadFramework(contentsOf: fixture("engine/mini-framework.xml")) } catch { fatalError("\(error)") }
    }()

    /// The shipped model of the Respect Standard, 3rd edition (2017).
    public static let standard2017: Framework = {
        do { return try loader.loadFramework(contentsOf: standardsDirectory + "/respect-standard-2017.xml") } catch { fatalError("\(error)") }
    }()

    /// The shipped model of the Respect Accreditation Standard, 2nd edition (2012).
    public static let standard2012: Framework = {
        do { return try loader.loadFramework(contentsOf: standardsDirectory + "/respect-standard-2012.xml") } catch { fatalError("\(error)") }
    }()

    public static let miniAchievedText: String = {
        (try? String(contentsOfFile: fixture("engine/mini-achieved.xml"), encoding: .utf8)) ?? ""
    }()

    /// A fresh, empty temporary folder.
    public static func temporaryFolder() throws -> String {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("respect-tests-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        return folder
    }

    /// The path of a run store in a fresh temporary folder (not yet created).
    public static func temporaryStorePath() -> String {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("respect-store-\(UUID().uuidString)")
        try? FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        return folder.appendingPathComponent("runs.sqlite").path
    }

    /// Writes `text` to a fresh temporary file and returns its path.
    public static func temporaryFile(_ text: String, name: String = "submission.xml") -> String {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("respect-tests-\(UUID().uuidString)")
        try? FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let path = folder.appendingPathComponent(name).path
        _ = FileManager.default.createFile(atPath: path, contents: Data(text.utf8))
        return path
    }

    /// The mini "achieved" submission with each `(old, new)` replacement applied; every
    /// replacement must match, so a stale test fails instead of silently testing nothing.
    public static func miniVariant(_ replacements: [(String, String)]) throws -> Submission {
        var text = miniAchievedText
        for (old, new) in replacements {
            guard text.contains(old) else { throw VariantError(missing: old) }
            text = text.replacingOccurrences(of: old, with: new)
        }
        return try loader.loadSubmission(contentsOf: temporaryFile(text))
    }

    /// The mini framework with each `(old, new)` replacement applied (each must match), loaded
    /// from a temporary file like a user's.
    public static func miniFrameworkVariant(_ replacements: [(String, String)]) throws -> Framework {
        var text = try String(contentsOfFile: fixture("engine/mini-framework.xml"), encoding: .utf8)
        for (old, new) in replacements {
            guard text.contains(old) else { throw VariantError(missing: old) }
            text = text.replacingOccurrences(of: old, with: new)
        }
        return try loader.loadFramework(contentsOf: temporaryFile(text, name: "framework.xml"))
    }

    /// Evaluates a mini variant as of its own date (2026-06-30) unless told otherwise.
    public static func assessMini(_ replacements: [(String, String)] = [], asOf: String = "2026-06-30") throws -> Assessment {
        let submission = try miniVariant(replacements)
        return try Evaluator(framework: miniFramework).evaluate(submission, asOf: CalendarDate(asOf)!)
    }

    public struct VariantError: Error, CustomStringConvertible {
        public var missing: String
        public var description: String { "fixture text not found: \(missing)" }
    }
}

extension Assessment {
    public func indicator(_ id: String) -> IndicatorResult? {
        indicators.first { $0.id == id }
    }

    public func status(_ id: String) -> IndicatorStatus? {
        indicator(id)?.status
    }

    public func reasonKinds(_ id: String) -> [Reason.Kind] {
        indicator(id)?.reasons.map(\.kind) ?? []
    }
}
