import RespectTestSupport
import Testing
import RespectEvaluation
import RespectModel

/// Age limits, review-by dates and expiry warnings at their boundaries.
@Suite("Date edges")
struct DateEdgeTests {
    @Test("an item issued exactly at the age limit still counts; a day earlier does not")
    func ageLimitBoundary() throws {
        // training-recent: maxAgeMonths 12, as of 2026-06-30 → issued on or after 2025-06-30.
        let onLimit = try TestSupport.assessMini([("issued=\"2025-09-01\"", "issued=\"2025-06-30\"")])
        #expect(onLimit.status("training-recent") == .met)
        let dayBefore = try TestSupport.assessMini([("issued=\"2025-09-01\"", "issued=\"2025-06-29\"")])
        #expect(dayBefore.status("training-recent") == .partlyMet)
        let reason = try #require(dayBefore.indicator("training-recent")?.reasons.first { $0.kind == .tooOld })
        #expect(reason.actual == "2025-06-29")
        #expect(reason.required == "2025-06-30")
        #expect(reason.message.contains("no more than 12 months before 2026-06-30"))
    }

    @Test("a review-by date equal to the as-of date has not passed")
    func reviewByToday() throws {
        let assessment = try TestSupport.assessMini([("reviewBy=\"2027-01-01\"", "reviewBy=\"2026-06-30\"")])
        #expect(assessment.status("policy-current") == .met)
        #expect(assessment.warnings.contains { $0.kind == .reviewDueSoon && $0.evidenceID == "E1" })
    }

    @Test("a review-by date the day before the as-of date has passed, with both dates given")
    func reviewByYesterday() throws {
        let assessment = try TestSupport.assessMini([("reviewBy=\"2027-01-01\"", "reviewBy=\"2026-06-29\"")])
        #expect(assessment.status("policy-current") == .notMet)
        let reason = try #require(assessment.indicator("policy-current")?.reasons.first { $0.kind == .reviewDatePassed })
        #expect(reason.actual == "2026-06-29")
        #expect(reason.required == "2026-06-30")
    }

    @Test("a policy without a review-by date does not count where a current review is required")
    func reviewByMissing() throws {
        let assessment = try TestSupport.assessMini([(" reviewBy=\"2027-01-01\"", "")])
        #expect(assessment.reasonKinds("policy-current").contains(.reviewDateMissing))
    }

    @Test("evidence dated after the as-of date does not count and is warned about")
    func futureEvidence() throws {
        let assessment = try TestSupport.assessMini([("issued=\"2026-05-01\"", "issued=\"2026-07-01\"")])
        #expect(assessment.reasonKinds("iss-in-place").contains(.issuedAfterAsOf))
        #expect(assessment.warnings.contains { $0.kind == .issuedAfterAsOf && $0.evidenceID == "E7" })
    }

    @Test("review dates within 90 days warn; 91 days does not")
    func expiryHorizon() throws {
        let within = try TestSupport.assessMini([("reviewBy=\"2027-01-01\"", "reviewBy=\"2026-09-28\"")])
        #expect(within.warnings.contains { $0.kind == .reviewDueSoon && $0.date == CalendarDate("2026-09-28") })
        let beyond = try TestSupport.assessMini([("reviewBy=\"2027-01-01\"", "reviewBy=\"2026-09-29\"")])
        #expect(!beyond.warnings.contains { $0.kind == .reviewDueSoon })
    }

    @Test("items about to pass an age limit are warned about with the last day they count")
    func ageLimitSoon() throws {
        let assessment = try TestSupport.assessMini([("issued=\"2025-09-01\"", "issued=\"2025-07-15\"")])
        let warning = try #require(assessment.warnings.first { $0.kind == .ageLimitSoon })
        #expect(warning.evidenceID == "E2")
        #expect(warning.date == CalendarDate("2026-07-15"))
    }

    @Test("calendar arithmetic clamps month ends and counts leap days")
    func calendarArithmetic() {
        #expect(CalendarDate("2025-08-31")!.adding(months: 6) == CalendarDate("2026-02-28"))
        #expect(CalendarDate("2024-02-29")!.adding(months: -12) == CalendarDate("2023-02-28"))
        #expect(CalendarDate("2024-02-28")!.adding(days: 1) == CalendarDate("2024-02-29"))
        #expect(CalendarDate("2026-06-30")!.adding(days: 90) == CalendarDate("2026-09-28"))
        #expect(CalendarDate("2000-01-01")!.days(until: CalendarDate("2026-06-30")!) == 9677)
        #expect(CalendarDate("2026-02-30") == nil)
        #expect(CalendarDate("2026-6-30") == nil)
        #expect(CalendarDate("2026-06-30Z") == nil)
    }

    @Test("fact numbers parse exactly and refuse overflow and exponents")
    func exactDecimals() {
        #expect(ExactDecimal("22")?.description == "22")
        #expect(ExactDecimal("-0.125")?.description == "-0.125")
        #expect(ExactDecimal("87.250000")?.description == "87.25")
        #expect(ExactDecimal("999999999999.999999") != nil)
        #expect(ExactDecimal("9999999999999999999") == nil)
        #expect(ExactDecimal("1e3") == nil)
        #expect(ExactDecimal("1.0000001") == nil)
        #expect(ExactDecimal("") == nil)
        #expect(ExactDecimal("22") == ExactDecimal("22.0"))
    }
}
