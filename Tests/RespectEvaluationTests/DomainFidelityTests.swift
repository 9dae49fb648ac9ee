import Foundation
import RespectTestSupport
import Testing
import RespectEvaluation
import RespectModel

/// The shipped models say only what public sources support and label the rest (issue 16):
/// provenance on every part, membership as a gate, the 22 weeks attributed to the Home Office,
/// Respect's published scope, no invented differences between editions, Safe Minimum Practice
/// in 2012, the Home Office standards by how well each is attested, interviews as evidence.
@Suite("Domain fidelity of the shipped models")
struct DomainFidelityTests {
    static let shippedFrameworks = ["respect-standard-2017.xml", "respect-standard-2012.xml", "home-office-2023.xml"]

    static func load(_ name: String) throws -> Framework {
        try TestSupport.loader.loadFramework(contentsOf: TestSupport.standardsDirectory + "/" + name)
    }

    static func submission(_ path: String, _ replacements: [(String, String)] = []) throws -> Submission {
        let text = try String(contentsOfFile: TestSupport.examplesDirectory + "/" + path, encoding: .utf8)
        return try TestSupport.loader.loadSubmission(contentsOf: TestSupport.temporaryFile(
            try TenderTestSupport.replacing(text, replacements), name: (path as NSString).lastPathComponent))
    }

    @Test("every principle, section, standard, indicator and gate of a shipped file states sourced or modelled, and a sourced one names its source")
    func everyPartStatesItsBasis() throws {
        for name in Self.shippedFrameworks {
            let text = try String(contentsOfFile: TestSupport.standardsDirectory + "/" + name, encoding: .utf8)
            for element in ["principle", "section", "standard", "indicator", "gate"] {
                let opening = try Regex("<\(element) id=\"[^\"]+\"[^>]*>")
                for match in text.matches(of: opening) {
                    let tag = String(text[match.range])
                    #expect(tag.contains("basis=\"sourced\"") || tag.contains("basis=\"modelled\""), "\(name): \(tag)")
                }
            }
            let framework = try Self.load(name)
            let parts: [Provenance] = framework.principles.map(\.provenance) + framework.sections.map(\.provenance)
                + framework.sections.flatMap { $0.standards.map(\.provenance) } + framework.indicators.map(\.provenance)
                + framework.gates.map(\.indicator.provenance)
            #expect(parts.filter(\.isSourced).allSatisfy { !($0.source ?? "").isEmpty }, "\(name)")
        }
    }

    @Test("standards/README.md's sourced-and-modelled table matches the files")
    func readmeTableMatchesTheFiles() throws {
        let readme = try String(contentsOfFile: TestSupport.standardsDirectory + "/README.md", encoding: .utf8)
        for name in Self.shippedFrameworks {
            let framework = try Self.load(name)
            let kinds: [(String, [Provenance])] = [
                ("principles", framework.principles.map(\.provenance)),
                ("sections", framework.sections.map(\.provenance)),
                ("standards", framework.sections.flatMap { $0.standards.map(\.provenance) }),
                ("indicators", framework.indicators.map(\.provenance)),
                ("gates", framework.gates.map(\.indicator.provenance)),
            ]
            for (kind, parts) in kinds where !parts.isEmpty {
                let sourced = parts.filter(\.isSourced).count
                let row = "| `\(name)` | \(kind) | \(sourced) | \(parts.count - sourced) |"
                #expect(readme.contains(row), "missing or wrong row: \(row)")
            }
        }
    }

    @Test("Respect membership is a gate checked first, with its own message, not a scored indicator")
    func membershipIsAGate() throws {
        let framework = try Self.load("respect-standard-2017.xml")
        #expect(framework.indicator(id: "gov-respect-membership") == nil)
        let gate = try #require(framework.gate(id: "gov-respect-membership"))
        #expect(gate.outcomeID == "not-yet")
        #expect(gate.message.lowercased().contains("apply for respect membership before applying for accreditation"))
        #expect(try Self.load("respect-standard-2012.xml").gate(id: "r12-org-membership")?.successorID == "gov-respect-membership")

        // The working-towards pack with its 2025/26 membership confirmation (too old): every
        // other figure is unchanged, but the gate decides.
        let lapsed = try Self.submission("submissions/working-towards.xml", [(
            #"<item id="gov-respect-membership" type="governance-record" issued="2026-06-12">"#,
            #"<item id="gov-respect-membership" type="governance-record" issued="2025-06-12">"#)])
        let current = try Self.submission("submissions/working-towards.xml")
        let evaluator = Evaluator(framework: framework)
        let lapsedResult = try evaluator.evaluate(lapsed, asOf: try #require(lapsed.asOf))
        let currentResult = try evaluator.evaluate(current, asOf: try #require(current.asOf))
        #expect(currentResult.outcome.verdict == .workingTowards)
        #expect(currentResult.gates?.allSatisfy(\.passed) == true)
        #expect(lapsedResult.outcome.verdict == .notYet)
        #expect(lapsedResult.outcome.failedGate?.id == "gov-respect-membership")
        #expect(lapsedResult.outcome.rulesTried.isEmpty)
        #expect(lapsedResult.totals == currentResult.totals, "a gate counts in no figure")
        #expect(try evaluator.figures(of: lapsed, asOf: try #require(lapsed.asOf)) == AssessmentFigures(lapsedResult))
    }

    @Test("an assessor's finding can pass the membership gate")
    func findingsDecideAGate() throws {
        let framework = try Self.load("respect-standard-2017.xml")
        let lapsed = try Self.submission("submissions/working-towards.xml", [(
            #"<item id="gov-respect-membership" type="governance-record" issued="2026-06-12">"#,
            #"<item id="gov-respect-membership" type="governance-record" issued="2025-06-12">"#)])
        let findingsText = """
            <?xml version="1.0" encoding="UTF-8"?>
            <findings xmlns="urn:respect-engine:findings:v1" assessor="R. Okafor">
              <subject provider="Brookfield Safer Relationships" charityNumber="1190002"/>
              <indicator id="gov-respect-membership" decision="accepted" date="2026-10-05">
                <reason>Respect confirmed by email that membership for 2026/27 is current.</reason>
              </indicator>
            </findings>
            """
        let findings = try TestSupport.loader.loadFindings(contentsOf: TestSupport.temporaryFile(findingsText, name: "findings.xml"))
        let result = try Evaluator(framework: framework).evaluate(lapsed, asOf: try #require(lapsed.asOf), findings: [findings], submissionSHA256: nil)
        #expect(result.outcome.verdict == .workingTowards)
        let gate = try #require(result.gates?.first)
        #expect(gate.passed)
        #expect(gate.result.automatedStatus == .notMet)
    }

    @Test("22 weeks is attributed to the Home Office in the 2017 model, and is the typology's desirable proposal in the Home Office model")
    func twentyTwoWeeksIsTheHomeOffices() throws {
        let respect = try #require(try Self.load("respect-standard-2017.xml").indicator(id: "int-behaviour-change-duration"))
        #expect(respect.text.contains("Home Office"))
        #expect(respect.guidance?.contains("not Respect's") == true)
        #expect(respect.provenance.basis == .modelled)
        let homeOffice = try Self.load("home-office-2023.xml")
        #expect(homeOffice.indicator(id: "ho3-behaviour-change-length") == nil)
        let proposal = try #require(homeOffice.indicator(id: "ho-typology-behaviour-change-length"))
        #expect(proposal.level == .desirable)
        #expect(proposal.sectionID == "ho-typology")
        #expect(proposal.applicability.serviceTypes == ["behaviour-change"])
        #expect(proposal.text.contains("proposes"))
    }

    @Test("the 2017 model's scope is Respect's: no young people's programme, survivor support applies only to perpetrator work it fits")
    func scopeAsRespectStatesIt() throws {
        let framework = try Self.load("respect-standard-2017.xml")
        #expect(framework.vocabulary.serviceTypes.map(\.id) == [
            "group-behaviour-change", "one-to-one-behaviour-change", "early-intervention", "high-risk-case-management",
            "disruption", "integrated-support-service", "childrens-service",
        ])
        let iss = try #require(framework.indicator(id: "iss-in-place-for-every-intervention"))
        #expect(iss.applicability.serviceTypes == ["group-behaviour-change", "one-to-one-behaviour-change", "early-intervention",
                                                   "high-risk-case-management", "disruption"])
    }

    @Test("the 2012 model has no threshold that differs from 2017's, and every difference the diff shows is marked modelled")
    func noInventedDifferences() throws {
        let old = try Self.load("respect-standard-2012.xml")
        let new = try Self.load("respect-standard-2017.xml")
        var newThresholds: [String: Set<FactThreshold>] = [:]
        for indicator in new.indicators { for threshold in indicator.requirement.thresholds { newThresholds[threshold.factID, default: []].insert(threshold) } }
        for indicator in old.indicators {
            for threshold in indicator.requirement.thresholds {
                #expect(newThresholds[threshold.factID]?.contains(threshold) == true, "\(indicator.id): \(threshold)")
            }
        }
        let diff = EditionDiff(old: old, new: new)
        #expect(!diff.changed.isEmpty)
        #expect(diff.entries.allSatisfy { $0.basis == .modelled })
    }

    @Test("the 2012 model gives Safe Minimum Practice when every safety and risk requirement is met but the full standard is not")
    func safeMinimumPractice() throws {
        let framework = try Self.load("respect-standard-2012.xml")
        let outcome = try #require(framework.outcomes.first { $0.id == "safe-minimum-practice" })
        #expect(outcome.verdict == .workingTowards)
        #expect(outcome.conditions.contains(.tierMet(tier: "smp", acceptNeedsAssessor: true)))
        #expect(framework.notice.contains("62 indicators"))
        #expect(framework.indicators.count == 62)
        let evaluator = Evaluator(framework: framework)
        let full = try Self.submission("submissions/2012-era.xml")
        #expect(try evaluator.evaluate(full, asOf: try #require(full.asOf)).outcome.id == "achieved")
        // Without its constitution and insurance (a mandatory indicator outside the safety subset).
        let partial = try Self.submission("submissions/2012-era.xml", [("<supports>r12-org-constitution</supports>", "<supports>r12-org-business-plan</supports>")])
        let result = try evaluator.evaluate(partial, asOf: try #require(partial.asOf))
        #expect(result.outcome.id == "safe-minimum-practice")
        #expect(result.outcome.label.contains("not accredited"))
        #expect(result.indicator("r12-org-constitution")?.tiers == nil)
    }

    @Test("the Home Office standards carry their source and confidence, and the crosswalk carries it beside each standard")
    func homeOfficeStandardsByAttestation() throws {
        let homeOffice = try Self.load("home-office-2023.xml")
        #expect(homeOffice.principles.map(\.id) == ["S1", "S2", "S3", "S4", "S5", "S6", "S7"])
        let standards = Dictionary(uniqueKeysWithValues: homeOffice.sections.flatMap(\.standards).map { ($0.id, $0.provenance) })
        #expect(standards["ho1"]?.confidence == .high && standards["ho1"]?.basis == .sourced)
        #expect(standards["ho4"]?.confidence == .medium && standards["ho5"]?.confidence == .medium)
        #expect(standards["ho6"]?.confidence == .low && standards["ho6"]?.basis == .sourced)
        #expect(standards["ho7"]?.basis == .modelled)
        #expect(homeOffice.indicator(id: "ho2-community-knowledge-collaboration")?.provenance.basis == .modelled)

        let crosswalk = try TestSupport.loader.loadCrosswalk(contentsOf: TestSupport.standardsDirectory + "/crosswalk-respect2017-ho2023.xml")
        let respect = try Self.load("respect-standard-2017.xml")
        let submission = try Self.submission("submissions/achieved.xml")
        let assessment = try Evaluator(framework: respect).evaluate(submission, asOf: try #require(submission.asOf))
        let coverage = try CrosswalkCoverage(crosswalk: crosswalk, assessment: assessment, source: respect, target: homeOffice)
        #expect(coverage.standards.first { $0.id == "ho7" }?.provenance?.basis == .modelled)
        #expect(coverage.standards.first { $0.id == "ho6" }?.provenance?.confidence == .low)
    }

    @Test("an interview indicator is never met from documents: complete paper evidence leaves it for the assessor")
    func interviewsAreEvidence() throws {
        let framework = try Self.load("respect-standard-2017.xml")
        let indicator = try #require(framework.indicator(id: "staff-reflective-support"))
        #expect(indicator.verification == .interview)
        #expect(indicator.interviewees == [.staff])
        let submission = try Self.submission("submissions/achieved.xml")
        let asOf = try #require(submission.asOf)
        let result = try #require(try Evaluator(framework: framework).evaluate(submission, asOf: asOf).indicator("staff-reflective-support"))
        #expect(result.status != .met)
        if result.status == .needsAssessor { #expect(result.reasons == [.needsAssessor(verification: .interview)]) }
    }

    @Test("a framework saying sourced without a source, or interview without interviewees, is refused")
    func loaderRefusesUnfoundedLabels() throws {
        let text = try String(contentsOfFile: TestSupport.standardsDirectory + "/respect-standard-2017.xml", encoding: .utf8)
        let unsourced = try TenderTestSupport.replacing(text, [(#"<section id="governance" number="1" basis="modelled">"#, #"<section id="governance" number="1" basis="sourced">"#)])
        #expect(throws: (any Error).self) { try TestSupport.loader.loadFramework(contentsOf: TestSupport.temporaryFile(unsourced, name: "unsourced.xml")) }
        let silent = try TenderTestSupport.replacing(text, [(#"verification="interview" interviewees="staff""#, #"verification="interview""#)])
        #expect(throws: (any Error).self) { try TestSupport.loader.loadFramework(contentsOf: TestSupport.temporaryFile(silent, name: "silent.xml")) }
    }
}

private extension EvidenceRequirement {
    /// Every fact threshold in the tree.
    var thresholds: [FactThreshold] {
        switch self {
        case .allOf(let children), .anyOf(let children), .atLeast(_, let children): children.flatMap(\.thresholds)
        case .fact(let threshold): [threshold]
        case .evidence, .service: []
        }
    }
}
