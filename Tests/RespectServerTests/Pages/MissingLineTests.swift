import RespectEvaluation
import RespectModel
@testable import RespectServer
import RespectTestSupport
import Testing

/// The missing-evidence lines a page shows: limited to the first few, they are exactly the
/// first lines of the whole list, and the count is the whole list's.
@Suite("Missing-evidence lines")
struct MissingLineTests {
    @Test("the first N lines are the first N of the whole list, and the count is the whole list's, for every example")
    func limitedLinesArePrefix() throws {
        let catalogue = try Catalogue.load()
        let loader = DocumentLoader(schemas: SchemaSet(directory: TestSupport.standardsDirectory + "/schema"))
        let evaluator = Evaluator(framework: TestSupport.standard2017)
        let asOf = try #require(CalendarDate("2026-11-01"))
        var longest = 0
        for name in ["achieved", "working-towards", "not-yet"] {
            let submission = try loader.loadSubmission(contentsOf: TestSupport.examplesDirectory + "/submissions/\(name).xml")
            let assessment = try evaluator.evaluate(submission, asOf: asOf)
            let all = MissingLine.ordered(assessment, path: "/self-assessments/1", catalogue: catalogue)
            #expect(MissingLine.count(assessment) == all.count, "\(name)")
            longest = max(longest, all.count)
            for limit in [0, 1, 3, 12, all.count, all.count + 5] {
                let limited = MissingLine.ordered(assessment, path: "/self-assessments/1", catalogue: catalogue, limit: limit)
                #expect(limited.map(\.id) == all.prefix(limit).map(\.id), "\(name), limit \(limit)")
                #expect(limited.map(\.why) == all.prefix(limit).map(\.why), "\(name), limit \(limit)")
            }
        }
        #expect(longest > 3, "an example has more lines than the smaller limits")
    }
}
