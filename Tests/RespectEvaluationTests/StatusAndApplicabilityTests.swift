import RespectTestSupport
import Testing
import RespectEvaluation
import RespectModel

/// The five indicator statuses and how applicability is decided.
@Suite("Statuses and applicability")
struct StatusAndApplicabilityTests {
    @Test("a case-sample indicator with its paper evidence needs an assessor")
    func caseSampleNeedsAssessor() throws {
        let assessment = try TestSupport.assessMini()
        #expect(assessment.status("high-risk-audit") == .needsAssessor)
        #expect(assessment.indicator("high-risk-audit")?.reasons == [.needsAssessor(verification: .caseSample)])
        #expect(assessment.forAssessor.map(\.id).contains("high-risk-audit"))
    }

    @Test("a site-visit indicator with its paper evidence needs an assessor")
    func siteVisitNeedsAssessor() throws {
        let assessment = try TestSupport.assessMini()
        #expect(assessment.status("facilitation") == .needsAssessor)
        #expect(assessment.indicator("facilitation")?.reasons == [.needsAssessor(verification: .siteVisit)])
    }

    @Test("a site-visit indicator without its paper evidence is not met, not passed to the assessor")
    func siteVisitWithoutEvidenceIsNotMet() throws {
        let assessment = try TestSupport.assessMini([("<supports>facilitation</supports>", "<supports>data-either</supports>")])
        #expect(assessment.status("facilitation") == .notMet)
        #expect(!assessment.forAssessor.map(\.id).contains("facilitation"))
    }

    @Test("an indicator for risk levels the provider does not serve is not applicable")
    func riskLevelNotServed() throws {
        let assessment = try TestSupport.assessMini([("risks=\"standard high\"/>\n    <service type=\"iss\" risks=\"standard high\"/>",
                                                      "risks=\"standard\"/>\n    <service type=\"iss\" risks=\"standard\"/>")])
        #expect(assessment.status("high-risk-audit") == .notApplicable)
        #expect(assessment.indicator("high-risk-audit")?.reasons == [.notApplicable(serviceTypes: nil, riskLevels: [TermReference(id: "high", label: "High")])])
    }

    @Test("an indicator for service types the provider does not offer is not applicable")
    func serviceNotOfferedMeansNotApplicable() throws {
        let assessment = try TestSupport.assessMini([("<service type=\"group\" risks=\"standard high\"/>", "<service type=\"one-to-one\" risks=\"standard high\"/>")])
        #expect(assessment.status("facilitation") == .notApplicable)
        #expect(assessment.indicator("facilitation")?.reasons == [.notApplicable(serviceTypes: [TermReference(id: "group", label: "Group programme")], riskLevels: nil)])
        #expect(assessment.status("duration") == .met)
    }

    @Test("applicability needs the service and the risk level on the same offered service")
    func serviceAndRiskOnSameService() throws {
        // group at standard only; iss at high only: an indicator for group at high does not apply.
        let submission = Submission(
            provider: Provider(name: "X"), target: FrameworkTarget(framework: "mini", edition: "1"), asOf: nil,
            services: [OfferedService(serviceType: "group", riskLevels: ["standard"]),
                       OfferedService(serviceType: "iss", riskLevels: ["high"])],
            evidence: [], facts: [], actionPlan: [], source: "inline")
        #expect(Applicability(serviceTypes: ["group"], riskLevels: ["high"]).applies(to: submission) == false)
        #expect(Applicability(serviceTypes: ["iss"], riskLevels: ["high"]).applies(to: submission) == true)
        #expect(Applicability.everything.applies(to: submission) == true)
    }

    @Test("every status appears with its counts in the section roll-up")
    func sectionRollUp() throws {
        let assessment = try TestSupport.assessMini([(">24</fact>", ">16</fact>"),
                                                      ("<supports>data-either two-of-three</supports>", "<supports>two-of-three</supports>")])
        let work = try #require(assessment.sections.first { $0.id == "work" })
        #expect(work.counts.applicable == 3)
        #expect(work.counts.partlyMet == 1)
        #expect(work.counts.needsAssessor == 2)
        let org = try #require(assessment.sections.first { $0.id == "org" })
        #expect(org.counts.notMet == 1)
        #expect(org.counts.met == 3)
        #expect(org.standards.first?.status == .partlyMet)
        #expect(assessment.totals.applicable + assessment.totals.notApplicable == 9)
    }
}
