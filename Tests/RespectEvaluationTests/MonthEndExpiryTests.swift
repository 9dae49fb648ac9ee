import RespectTestSupport
import Testing
import RespectEvaluation
import RespectModel

/// "Stops counting soon" warnings for items issued on the last day of a month: the warning
/// names the real last day, and it is given on every day up to it.
@Suite("Expiry warnings on month ends")
struct MonthEndExpiryTests {
    /// training-recent with a 6-month limit; E2 issued on 30 June 2026, E3 in mid-July.
    private func sixMonths(asOf: String) throws -> Assessment {
        let framework = try TestSupport.miniFrameworkVariant([("min=\"2\" maxAgeMonths=\"12\"", "min=\"2\" maxAgeMonths=\"6\"")])
        let submission = try TestSupport.miniVariant([("issued=\"2025-09-01\"", "issued=\"2026-06-30\""),
                                                      ("issued=\"2026-01-15\"", "issued=\"2026-07-15\"")])
        return try Evaluator(framework: framework).evaluate(submission, asOf: CalendarDate(asOf)!)
    }

    private func ageWarning(_ assessment: Assessment, _ id: String) -> Warning? {
        assessment.warnings.first { $0.kind == .ageLimitSoon && $0.evidenceID == id }
    }

    @Test("an item issued on 30 June with a 6-month limit stops counting after 31 December", arguments: ["2026-10-15", "2026-12-30", "2026-12-31"])
    func thirtyDayMonthIntoThirtyOne(asOf: String) throws {
        let assessment = try sixMonths(asOf: asOf)
        #expect(assessment.status("training-recent") == .met, "E2 still counts as of \(asOf)")
        let warning = try #require(ageWarning(assessment, "E2"), "warned about as of \(asOf)")
        #expect(warning.date == CalendarDate("2026-12-31"))
        #expect(warning.indicators == ["training-recent"])
    }

    @Test("on 1 January the item no longer counts, and the oldest date accepted is 1 July")
    func dayAfterTheLastDay() throws {
        let assessment = try sixMonths(asOf: "2027-01-01")
        #expect(assessment.status("training-recent") == .partlyMet)
        #expect(ageWarning(assessment, "E2") == nil)
        let tooOld = try #require(assessment.indicator("training-recent")?.reasons.first { $0.kind == .tooOld })
        #expect(tooOld == .tooOld(evidenceID: "E2", evidenceType: TermReference(id: "training-record", label: "Training record"),
                                  issued: CalendarDate("2026-06-30")!, oldestAccepted: CalendarDate("2026-07-01")!,
                                  maximumAgeMonths: 6, asOf: CalendarDate("2027-01-01")!))
    }

    @Test("an item issued on 28 February in the year before a leap year counts until 29 February", arguments: [
        ("2024-02-29", true), ("2024-03-01", false),
    ])
    func leapYear(asOf: String, counts: Bool) throws {
        let assessment = try TestSupport.assessMini([("issued=\"2025-09-01\"", "issued=\"2023-02-28\""),
                                                     ("issued=\"2026-01-15\"", "issued=\"2023-12-01\"")], asOf: asOf)
        #expect((assessment.status("training-recent") == .met) == counts)
        let warning = ageWarning(assessment, "E2")
        #expect((warning?.date == CalendarDate("2024-02-29")) == counts)
    }

    @Test("an item issued on 31 January with a 1-month limit stops counting after 28 February")
    func thirtyOneDayMonthIntoFebruary() throws {
        let framework = try TestSupport.miniFrameworkVariant([("min=\"2\" maxAgeMonths=\"12\"", "min=\"2\" maxAgeMonths=\"1\"")])
        let submission = try TestSupport.miniVariant([("issued=\"2025-09-01\"", "issued=\"2026-01-31\""),
                                                      ("issued=\"2026-01-15\"", "issued=\"2026-02-15\"")])
        let evaluator = Evaluator(framework: framework)
        let lastDay = try evaluator.evaluate(submission, asOf: CalendarDate("2026-02-28")!)
        #expect(lastDay.status("training-recent") == .met)
        #expect(ageWarning(lastDay, "E2")?.date == CalendarDate("2026-02-28"))
        let dayAfter = try evaluator.evaluate(submission, asOf: CalendarDate("2026-03-01")!)
        #expect(dayAfter.status("training-recent") == .partlyMet)
    }
}
