import Foundation
import RespectEvaluation
import RespectModel
import RespectReports
import RespectXML
import RespectTestSupport
import Testing

/// Many documents loaded and evaluated at once through the library, as a batch or a server
/// would: libxml2 is initialised once, schemas are compiled once and shared, and every error
/// stays with its own document. `scripts/tsan.sh` runs this suite under the thread sanitizer.
@Suite("Hostile input: concurrency")
struct HostileConcurrencyTests {
    /// Good, broken and hostile files, mixed.
    static let files: [String] = [
        TestSupport.examplesDirectory + "/submissions/achieved.xml",
        TestSupport.examplesDirectory + "/submissions/working-towards.xml",
        TestSupport.examplesDirectory + "/submissions/not-yet.xml",
        TestSupport.examplesDirectory + "/invalid/invalid-submission.xml",
        TestSupport.standardsDirectory + "/respect-standard-2017.xml",
        TestSupport.fixture("engine/mini-achieved.xml"),
        TestSupport.fixture("hostile/truncated.xml"),
        TestSupport.fixture("hostile/billion-laughs.xml"),
        TestSupport.fixture("hostile/invalid-utf8.xml"),
        TestSupport.fixture("hostile/duplicate-evidence-id.xml"),
        TestSupport.fixture("hostile/utf16le-bom.xml"),
        TestSupport.fixture("hostile/utf16-bad-surrogate.xml"),
        TestSupport.fixture("hostile/date-month-13.xml"),
        TestSupport.fixture("hostile/empty.xml"),
    ]

    /// What one file gives: the JSON report of its evaluation, or its error's text.
    static func outcome(of path: String, loader: DocumentLoader, frameworks: [String: Framework]) -> String {
        do {
            switch try loader.load(contentsOf: path) {
            case .submission(let submission):
                guard let framework = frameworks[submission.target.reference] else { return "not installed" }
                let assessment = try Evaluator(framework: framework).evaluate(submission, asOf: CalendarDate("2026-10-01")!)
                return try JSONReport.render(assessment)
            case .framework(let framework):
                let submission = try loader.loadSubmission(contentsOf: TestSupport.examplesDirectory + "/submissions/achieved.xml")
                return try JSONReport.render(Evaluator(framework: framework).evaluate(submission, asOf: CalendarDate("2026-10-01")!))
            case .tender(let tender):
                return tender.reference
            case .crosswalk(let crosswalk):
                return crosswalk.id
            case .findings(let findings):
                return findings.subject.description
            }
        } catch let error as DocumentLoadError {
            return error.description
        } catch {
            return "\(error)"
        }
    }

    static func installedFrameworks(_ loader: DocumentLoader) throws -> [String: Framework] {
        let shipped = try loader.loadFramework(contentsOf: TestSupport.standardsDirectory + "/respect-standard-2017.xml")
        return [shipped.identity.reference: shipped, TestSupport.miniFramework.identity.reference: TestSupport.miniFramework]
    }

    @Test("400 loads and evaluations in a task group give exactly the one-at-a-time results")
    func concurrentMatchesSerial() async throws {
        // A fresh schema set, so the schemas are compiled concurrently too.
        let loader = DocumentLoader(schemas: SchemaSet(directory: TestSupport.standardsDirectory + "/schema"))
        let frameworks = try Self.installedFrameworks(loader)
        let expected = Self.files.map { Self.outcome(of: $0, loader: TestSupport.loader, frameworks: frameworks) }
        let results = await withTaskGroup(of: (Int, String).self) { group in
            for task in 0..<400 {
                let index = task % Self.files.count
                group.addTask { (index, Self.outcome(of: Self.files[index], loader: loader, frameworks: frameworks)) }
            }
            var all: [(Int, String)] = []
            for await result in group { all.append(result) }
            return all
        }
        #expect(results.count == 400)
        for (index, text) in results where text != expected[index] {
            Issue.record("\(Self.files[index]) gave a different result when run concurrently:\n\(text.prefix(1000))")
        }
    }

    @Test("errors collected concurrently name only their own document")
    func errorsStayWithTheirDocument() async {
        let broken = Self.files.filter { !$0.hasSuffix("achieved.xml") && !$0.hasSuffix("not-yet.xml") && !$0.hasSuffix("working-towards.xml") }
        let stray = await withTaskGroup(of: [String].self) { group in
            for task in 0..<300 {
                let path = broken[task % broken.count]
                group.addTask {
                    do throws(DocumentLoadError) {
                        _ = try TestSupport.loader.load(contentsOf: path)
                        return []
                    } catch {
                        return error.diagnostics.map(\.location.file).filter { $0 != path }
                    }
                }
            }
            var all: [String] = []
            for await files in group { all += files }
            return all
        }
        #expect(stray.isEmpty, "diagnostics attributed to another document: \(Set(stray))")
    }

    @Test("in-memory documents parse concurrently with their own source names")
    func concurrentBytes() async throws {
        let bytes = try Self.files.map { Array(try Data(contentsOf: URL(fileURLWithPath: $0))) }
        let mismatches = await withTaskGroup(of: Int.self) { group in
            for task in 0..<300 {
                let index = task % bytes.count
                group.addTask {
                    let name = "memory-\(task).xml"
                    do throws(DocumentLoadError) {
                        _ = try TestSupport.loader.load(bytes: bytes[index], sourceName: name)
                        return 0
                    } catch {
                        return error.diagnostics.filter { $0.location.file != name }.count
                    }
                }
            }
            var total = 0
            for await count in group { total += count }
            return total
        }
        #expect(mismatches == 0)
    }
}
