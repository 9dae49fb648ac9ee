import Foundation
import RespectEvaluation
import RespectModel
import RespectTestSupport
import Testing

/// Dates at the ends of the calendar: age limits and action-plan windows that reach before
/// 0001-01-01 or after 9999-12-31 are clamped, never a crash.
@Suite("Hostile input: calendar edges")
struct HostileDateTests {
    @Test("month arithmetic past either end of the calendar clamps to its first or last day")
    func monthArithmeticClamps() throws {
        let early = try #require(CalendarDate("0001-06-30"))
        #expect(early.adding(months: -24) == CalendarDate.minimum)
        #expect(early.adding(months: -5) == CalendarDate("0001-01-30"))
        #expect(early.adding(months: Int.min) == CalendarDate.minimum)
        let late = try #require(CalendarDate("9999-11-30"))
        #expect(late.adding(months: 1) == CalendarDate("9999-12-30"))
        #expect(late.adding(months: 2) == CalendarDate.maximum)
        #expect(late.adding(months: Int.max) == CalendarDate.maximum)
        #expect(late.adding(days: Int.max) == CalendarDate.maximum)
        #expect(early.adding(days: Int.min) == CalendarDate.minimum)
    }

    @Test("month and day arithmetic stays in the calendar from every date near its ends")
    func arithmeticSweepNearTheEnds() {
        var outside = 0, backwards = 0
        for year in [1, 2, 3, 9997, 9998, 9999] {
            for month in 1...12 {
                for day in [1, 28, 29, 30, 31] {
                    guard let date = CalendarDate(year: year, month: month, day: day) else { continue }
                    for offset in stride(from: -1300, through: 1300, by: 7) {
                        let byMonths = date.adding(months: offset), byDays = date.adding(days: offset * 31)
                        if CalendarDate(byMonths.description) != byMonths || CalendarDate(byDays.description) != byDays { outside += 1 }
                        if (offset >= 0) != (byMonths >= date) && byMonths != date { backwards += 1 }
                    }
                }
            }
        }
        #expect(outside == 0, "results that are not valid dates")
        #expect(backwards == 0, "results on the wrong side of the start date")
    }

    @Test("the shipped standard evaluates as of year 1 and year 9999", arguments: ["0001-06-30", "9999-12-31"])
    func shippedStandardAtTheEdges(_ date: String) throws {
        let framework = try TestSupport.loader.loadFramework(contentsOf: TestSupport.standardsDirectory + "/respect-standard-2017.xml")
        let submission = try TestSupport.loader.loadSubmission(contentsOf: TestSupport.examplesDirectory + "/submissions/achieved.xml")
        let assessment = try Evaluator(framework: framework).evaluate(submission, asOf: try #require(CalendarDate(date)))
        #expect(assessment.outcome.verdict == .notYet)
    }

    @Test("check --as-of year 1 gives a verdict, not a crash (a fuzz-style regression)")
    func commandLineAtYearOne() throws {
        let result = try HostileProcess.run(["check", "--standards", TestSupport.standardsDirectory,
                                             TestSupport.examplesDirectory + "/submissions/achieved.xml", "--as-of", "0001-06-30"],
                                            scratch: HostileWorkspace.shared.folder)
        #expect(result.signal == nil, "\(result.standardError.prefix(2000))")
        #expect(result.exitCode == 20)
        #expect(result.standardOutput.contains("OUTCOME: NOT YET"))
    }
}
