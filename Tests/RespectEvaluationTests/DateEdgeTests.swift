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
        #expect(reason == .tooOld(evidenceID: "E2", evidenceType: TermReference(id: "training-record", label: "Training record"),
                                  issued: CalendarDate("2025-06-29")!, oldestAccepted: CalendarDate("2025-06-30")!,
                                  maximumAgeMonths: 12, asOf: CalendarDate("2026-06-30")!))
    }

    @Test("a review-by date equal to the as-of date has not passed")
    func reviewByToday() throws {
        let assessment = try TestSupport.assessMini([("reviewBy=\"2027-01-01\"", "reviewBy=\"2026-06-30\"")])
        #expect(assessment.status("policy-current") == .met)
        #expect(assessment.warnings.contains { $0.cause == .reviewDueSoon(
            item: EvidenceMention(id: "E1", title: "Safeguarding policy", type: TermReference(id: "policy", label: "Policy")),
            reviewBy: CalendarDate("2026-06-30")!, asOf: CalendarDate("2026-06-30")!) })
    }

    @Test("a review-by date the day before the as-of date has passed, with both dates given")
    func reviewByYesterday() throws {
        let assessment = try TestSupport.assessMini([("reviewBy=\"2027-01-01\"", "reviewBy=\"2026-06-29\"")])
        #expect(assessment.status("policy-current") == .notMet)
        let reason = try #require(assessment.indicator("policy-current")?.reasons.first { $0.kind == .reviewDatePassed })
        #expect(reason == .reviewDatePassed(evidenceID: "E1", evidenceType: TermReference(id: "policy", label: "Policy"),
                                            reviewBy: CalendarDate("2026-06-29")!, asOf: CalendarDate("2026-06-30")!))
        #expect(assessment.indicator("policy-current")?.toProvide == [.evidence(EvidenceProvision(
            count: 1, more: false, evidenceType: TermReference(id: "policy", label: "Policy"), indicator: "policy-current",
            issuedOnOrAfter: nil, reviewByOnOrAfter: CalendarDate("2026-06-30")))])
    }

    @Test("a policy without a review-by date does not count where a current review is required")
    func reviewByMissing() throws {
        let assessment = try TestSupport.assessMini([(" reviewBy=\"2027-01-01\"", "")])
        #expect(assessment.indicator("policy-current")?.reasons.contains(
            .reviewDateMissing(evidenceID: "E1", evidenceType: TermReference(id: "policy", label: "Policy"))) == true)
    }

    @Test("evidence dated after the as-of date does not count and is warned about")
    func futureEvidence() throws {
        let assessment = try TestSupport.assessMini([("issued=\"2026-05-01\"", "issued=\"2026-07-01\"")])
        #expect(assessment.indicator("iss-in-place")?.reasons.contains(
            .issuedAfterAsOf(evidenceID: "E7", evidenceType: TermReference(id: "partner-contact-log", label: "Partner-contact log"),
                             issued: CalendarDate("2026-07-01")!, asOf: CalendarDate("2026-06-30")!)) == true)
        #expect(assessment.warnings.contains { $0.cause == .issuedAfterAsOf(evidenceID: "E7", issued: CalendarDate("2026-07-01")!,
                                                                            asOf: CalendarDate("2026-06-30")!) && $0.line != nil })
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
        #expect(warning.cause == .ageLimitSoon(item: EvidenceMention(id: "E2", title: "Training log, autumn 2025",
                                                                     type: TermReference(id: "training-record", label: "Training record")),
                                               lastDay: CalendarDate("2026-07-15")!, maximumAgeMonths: 12, indicators: ["training-recent"]))
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
