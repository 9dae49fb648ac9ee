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
        #expect(result.reasons.first?.kind == .noEvidence)
        #expect(result.reasons.first?.evidenceType == "partner-contact-log")
        #expect(result.toProvide == ["1 item of type “Partner-contact log” linked to iss-in-place"])
        #expect(result.unlinkedCandidates == ["E7"])
    }

    @Test("min count: one of two required items gives too few items with both figures")
    func tooFewItems() throws {
        let assessment = try TestSupport.assessMini([("issued=\"2026-01-15\"", "issued=\"2024-01-15\"")])
        let result = try #require(assessment.indicator("training-recent"))
        #expect(result.status == .partlyMet)
        // The specific reason comes first, the count last.
        #expect(result.reasons.first?.kind == .tooOld)
        #expect(result.reasons.first?.evidenceID == "E3")
        #expect(result.reasons.first?.actual == "2024-01-15")
        #expect(result.reasons.first?.required == "2025-06-30")
        let headline = try #require(result.reasons.last)
        #expect(headline.kind == .tooFewItems)
        #expect(headline.actual == "1")
        #expect(headline.required == "2")
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
        #expect(result.toProvide.count == 1)
        #expect(result.toProvide[0].hasPrefix("one of: "))
        #expect(Set(result.reasons.compactMap(\.evidenceType)) == ["data-report", "supervision-record"])
    }

    @Test("atLeast counts satisfied alternatives and reports how many more are needed")
    func atLeast() throws {
        let assessment = try TestSupport.assessMini([("<supports>data-either two-of-three</supports>", "<supports>data-either</supports>")])
        let result = try #require(assessment.indicator("two-of-three"))
        #expect(result.status == .partlyMet)
        let headline = try #require(result.reasons.first)
        #expect(headline.kind == .alternativesNotMet)
        #expect(headline.actual == "1")
        #expect(headline.required == "2")
        #expect(result.toProvide.first?.hasPrefix("1 more of: ") == true)
    }

    @Test("a number fact below its threshold reports actual and required values with units")
    func numberThresholdFails() throws {
        let assessment = try TestSupport.assessMini([(">24</fact>", ">16</fact>")])
        let result = try #require(assessment.indicator("duration"))
        #expect(result.status == .partlyMet)
        let reason = try #require(result.reasons.first { $0.kind == .thresholdFailed })
        #expect(reason.actual == "16 weeks")
        #expect(reason.required == "≥ 22 weeks")
        #expect(reason.message == "Programme length is 16 weeks; required ≥ 22 weeks")
    }

    @Test("a number fact exactly on its threshold passes")
    func numberThresholdBoundary() throws {
        let assessment = try TestSupport.assessMini([(">24</fact>", ">22.000</fact>")])
        #expect(assessment.status("duration") == .met)
    }

    @Test("a fact in the wrong unit does not count")
    func factUnitMismatch() throws {
        let assessment = try TestSupport.assessMini([("unit=\"weeks\" source=\"E1\">24", "unit=\"months\" source=\"E1\">6")])
        #expect(assessment.reasonKinds("duration").contains(.factUnitMismatch))
        #expect(assessment.warnings.contains { $0.kind == .factUnitMismatch })
    }

    @Test("a missing fact is named with the requirement")
    func factMissing() throws {
        let assessment = try TestSupport.assessMini([("<fact id=\"programme-weeks\" unit=\"weeks\" source=\"E1\">24</fact>", "")])
        let reason = try #require(assessment.indicator("duration")?.reasons.first { $0.kind == .factMissing })
        #expect(reason.factID == "programme-weeks")
        #expect(reason.required == "≥ 22 weeks")
    }

    @Test("a boolean fact must equal the required answer")
    func booleanFact() throws {
        let assessment = try TestSupport.assessMini([("<fact id=\"separate-workers\">true</fact>", "<fact id=\"separate-workers\">false</fact>")])
        let reason = try #require(assessment.indicator("iss-in-place")?.reasons.first { $0.kind == .thresholdFailed })
        #expect(reason.actual == "false")
    }

    @Test("a required service that is not offered makes the indicator not met, however much else is in place")
    func serviceNotOffered() throws {
        let assessment = try TestSupport.assessMini([("<service type=\"iss\" risks=\"standard high\"/>", "")])
        let result = try #require(assessment.indicator("iss-in-place"))
        #expect(result.status == .notMet) // the contact log and the fact are there, but not the service
        let reason = try #require(result.reasons.first { $0.kind == .serviceNotOffered })
        #expect(reason.message.contains("Integrated support service"))
        #expect(result.toProvide.contains { $0.contains("Integrated support service") })
    }
}
