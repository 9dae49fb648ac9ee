import RespectTestSupport
import Testing
import RespectEvaluation
import RespectModel

/// Each requirement construct of the framework format, on the mini fixture.
@Suite("Requirement kinds")
struct RequirementKindTests {
    @Test("the base submission meets every desk indicator")
    func baseSubmissionMeetsEverything() throws {
        let assessment = try TestSupport.assessMini()
        for id in ["policy-current", "training-recent", "data-either", "two-of-three", "duration", "iss-in-place", "contact-rate"] {
            #expect(assessment.status(id) == .met, "\(id)")
        }
        #expect(assessment.indicator("training-recent")?.evidenceUsed == ["E2", "E3"])
    }

    @Test("an evidence leaf with no linked item is not met and says which type is missing")
    func evidenceMissing() throws {
        let assessment = try TestSupport.assessMini([("<supports>iss-in-place</supports>", "<supports>contact-rate</supports>")])
        let result = try #require(assessment.indicator("iss-in-place"))
        #expect(result.status == .partlyMet) // the service and the fact still hold
        let log = TermReference(id: "partner-contact-log", label: "Partner-contact log")
        #expect(result.reasons.first == .noEvidence(evidenceType: log, required: 1))
        #expect(result.toProvide == [.evidence(EvidenceProvision(count: 1, more: false, evidenceType: log, indicator: "iss-in-place",
                                                                issuedOnOrAfter: nil, reviewByOnOrAfter: nil))])
        #expect(result.unlinkedCandidates == ["E7"])
    }

    @Test("min count: one of two required items gives too few items with both figures")
    func tooFewItems() throws {
        let assessment = try TestSupport.assessMini([("issued=\"2026-01-15\"", "issued=\"2024-01-15\"")])
        let result = try #require(assessment.indicator("training-recent"))
        #expect(result.status == .partlyMet)
        // The specific reason comes first, the count last.
        let training = TermReference(id: "training-record", label: "Training record")
        #expect(result.reasons.first == .tooOld(evidenceID: "E3", evidenceType: training, issued: CalendarDate("2024-01-15")!,
                                                oldestAccepted: CalendarDate("2025-06-30")!, maximumAgeMonths: 12,
                                                asOf: CalendarDate("2026-06-30")!))
        #expect(result.reasons.last == .tooFewItems(evidenceType: training, counted: 1, required: 2))
        #expect(result.toProvide == [.evidence(EvidenceProvision(count: 1, more: true, evidenceType: training, indicator: "training-recent",
                                                                issuedOnOrAfter: CalendarDate("2025-06-30"), reviewByOnOrAfter: nil))])
    }

    @Test("anyOf is met by either alternative and not met by neither")
    func anyOf() throws {
        let either = try TestSupport.assessMini([("<supports>data-either two-of-three</supports>", "<supports>two-of-three</supports>"),
                                                 ("<supports>facilitation</supports>", "<supports>facilitation data-either</supports>")])
        #expect(either.status("data-either") == .met)
        #expect(either.indicator("data-either")?.evidenceUsed == ["E6"])
        let neither = try TestSupport.assessMini([("<supports>data-either two-of-three</supports>", "<supports>two-of-three</supports>")])
        let result = try #require(neither.indicator("data-either"))
        #expect(result.status == .notMet)
        let data = TermReference(id: "data-report", label: "Data report")
        let supervision = TermReference(id: "supervision-record", label: "Supervision record")
        let linked = { (type: TermReference) in
            Provision.evidence(EvidenceProvision(count: 1, more: false, evidenceType: type, indicator: "data-either",
                                                 issuedOnOrAfter: nil, reviewByOnOrAfter: nil))
        }
        #expect(result.toProvide == [.oneOf(alternatives: [[linked(data)], [linked(supervision)]])])
        #expect(result.reasons == [.noEvidence(evidenceType: data, required: 1), .noEvidence(evidenceType: supervision, required: 1)])
    }

    @Test("atLeast counts satisfied alternatives and reports how many more are needed")
    func atLeast() throws {
        let assessment = try TestSupport.assessMini([("<supports>data-either two-of-three</supports>", "<supports>data-either</supports>")])
        let result = try #require(assessment.indicator("two-of-three"))
        #expect(result.status == .partlyMet)
        #expect(result.reasons.first == .alternativesNotMet(met: 1, required: 2, of: 3))
        let option = { (id: String, label: String) in
            [Provision.evidence(EvidenceProvision(count: 1, more: false, evidenceType: TermReference(id: id, label: label),
                                                  indicator: "two-of-three", issuedOnOrAfter: nil, reviewByOnOrAfter: nil))]
        }
        // The policy (E1) counts; one more of the other two.
        #expect(result.toProvide == [.moreOf(count: 1, options: [option("data-report", "Data report"),
                                                                 option("supervision-record", "Supervision record")])])
    }

    @Test("a number fact below its threshold reports actual and required values with units")
    func numberThresholdFails() throws {
        let assessment = try TestSupport.assessMini([(">24</fact>", ">16</fact>")])
        let result = try #require(assessment.indicator("duration"))
        #expect(result.status == .partlyMet)
        let reason = try #require(result.reasons.first { $0.kind == .thresholdFailed })
        #expect(reason == .thresholdFailed(fact: TermReference(id: "programme-weeks", label: "Programme length"),
                                           stated: StatedValue(value: .number(ExactDecimal(16)), unit: "weeks"),
                                           threshold: Self.programmeWeeks))
        #expect(result.toProvide.contains(.fact(fact: TermReference(id: "programme-weeks", label: "Programme length"), threshold: Self.programmeWeeks)))
    }

    @Test("a number fact exactly on its threshold passes")
    func numberThresholdBoundary() throws {
        let assessment = try TestSupport.assessMini([(">24</fact>", ">22.000</fact>")])
        #expect(assessment.status("duration") == .met)
    }

    @Test("a fact in the wrong unit does not count")
    func factUnitMismatch() throws {
        let assessment = try TestSupport.assessMini([("unit=\"weeks\" source=\"E1\">24", "unit=\"months\" source=\"E1\">6")])
        #expect(assessment.indicator("duration")?.reasons.contains(.factUnitMismatch(
            fact: TermReference(id: "programme-weeks", label: "Programme length"),
            stated: StatedValue(value: .number(ExactDecimal(6)), unit: "months"), threshold: Self.programmeWeeks)) == true)
        #expect(assessment.warnings.contains { $0.cause == .factUnitMismatch(
            fact: "programme-weeks", stated: StatedValue(value: .number(ExactDecimal(6)), unit: "months"), expectedKind: .number, expectedUnit: "weeks") })
    }

    @Test("a missing fact is named with the requirement")
    func factMissing() throws {
        let assessment = try TestSupport.assessMini([("<fact id=\"programme-weeks\" unit=\"weeks\" source=\"E1\">24</fact>", "")])
        let reason = try #require(assessment.indicator("duration")?.reasons.first { $0.kind == .factMissing })
        #expect(reason == .factMissing(fact: TermReference(id: "programme-weeks", label: "Programme length"), threshold: Self.programmeWeeks))
    }

    @Test("a boolean fact must equal the required answer")
    func booleanFact() throws {
        let assessment = try TestSupport.assessMini([("<fact id=\"separate-workers\" source=\"E1\">true</fact>", "<fact id=\"separate-workers\" source=\"E1\">false</fact>")])
        let reason = try #require(assessment.indicator("iss-in-place")?.reasons.first { $0.kind == .thresholdFailed })
        #expect(reason == .thresholdFailed(fact: TermReference(id: "separate-workers", label: "Separate workers for survivors"),
                                           stated: StatedValue(value: .boolean(false), unit: nil),
                                           threshold: FactThreshold(factID: "separate-workers", comparison: .eq, value: .boolean(true), unit: nil)))
    }

    @Test("a required service that is not offered makes the indicator not met, however much else is in place")
    func serviceNotOffered() throws {
        let assessment = try TestSupport.assessMini([("<service type=\"iss\" risks=\"standard high\"/>", "")])
        let result = try #require(assessment.indicator("iss-in-place"))
        #expect(result.status == .notMet) // the contact log and the fact are there, but not the service
        let iss = TermReference(id: "iss", label: "Integrated support service")
        #expect(result.reasons.contains(.serviceNotOffered(serviceType: iss)))
        #expect(result.toProvide.contains(.service(serviceType: iss)))
    }

    /// The mini framework's programme-length threshold: ≥ 22 weeks.
    static let programmeWeeks = FactThreshold(factID: "programme-weeks", comparison: .ge, value: .number(ExactDecimal(22)), unit: "weeks")
}
