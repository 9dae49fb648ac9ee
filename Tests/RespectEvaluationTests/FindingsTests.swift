import Foundation
import RespectTestSupport
import Testing
import RespectEvaluation
import RespectModel
import RespectXML

/// Assessor findings: they override the engine's status, the outcome is recomputed, expired
/// and unusable findings are listed and warned about, and without findings nothing changes.
@Suite("Assessor findings")
struct FindingsTests {
    let submission: Submission
    let submissionSHA256: String
    let evaluator = Evaluator(framework: TestSupport.miniFramework)
    let asOf = CalendarDate("2026-06-30")!

    init() throws {
        let path = TestSupport.fixture("engine/mini-achieved.xml")
        submission = try TestSupport.loader.loadSubmission(contentsOf: path)
        submissionSHA256 = try #require(InputFile(role: "submission", path: path)).sha256
    }

    private func findings(_ name: String) throws -> Findings {
        try TestSupport.loader.loadFindings(contentsOf: TestSupport.fixture("findings/" + name))
    }

    private func assess(_ files: [Findings], asOf date: CalendarDate? = nil) throws -> Assessment {
        try evaluator.evaluate(submission, asOf: date ?? asOf, findings: files, submissionSHA256: submissionSHA256)
    }

    /// A findings file about mini-achieved.xml with one finding, written to a temporary file.
    private func single(_ finding: String, subject: String = "<subject provider=\"Mini Test Services\"/>") throws -> Findings {
        let text = """
            <?xml version="1.0" encoding="UTF-8"?>
            <findings xmlns="urn:respect-engine:findings:v1" assessor="A. Assessor">
              \(subject)
              \(finding)
            </findings>
            """
        return try TestSupport.loader.loadFindings(contentsOf: TestSupport.temporaryFile(text, name: "findings.xml"))
    }

    @Test("without findings the result is exactly the automated one")
    func noFindingsChangeNothing() throws {
        let automated = try evaluator.evaluate(submission, asOf: asOf)
        let withNone = try assess([])
        #expect(withNone.findings == nil)
        #expect(withNone.indicators.map(\.status) == automated.indicators.map(\.status))
        #expect(withNone.indicators.allSatisfy { $0.automatedStatus == nil && $0.assessorDecision == nil })
        #expect(withNone.outcome.id == automated.outcome.id)
    }

    @Test("an indicator rejected is not met, and the outcome is recomputed")
    func indicatorRejected() throws {
        let assessment = try assess([try findings("indicator-decisions.xml")])
        let training = try #require(assessment.indicator("training-recent"))
        #expect(training.status == .notMet)
        #expect(training.automatedStatus == .met)
        #expect(training.assessorDecision?.decision == .rejected)
        #expect(training.assessorDecision?.assessor == "A. Assessor")
        #expect(training.reasons.first?.kind == .assessorFinding)
        guard case .assessorFinding(let finding) = training.reasons.first else { return }
        #expect(finding.effect == .indicatorDecision && finding.decision == .rejected && finding.assessor == "A. Assessor")
        #expect(finding.date == CalendarDate("2026-06-20") && finding.evidenceID == nil)
        let summary = try #require(assessment.findings?.entries.first { $0.targetID == "training-recent" })
        #expect(summary.automated == .status(.met))
        #expect(assessment.findings?.automatedOutcome.verdict == .achieved)
        #expect(assessment.outcome.verdict == .notYet, "a mandatory indicator unmet with no action plan")
        #expect(assessment.missingEvidence.flatMap(\.items).contains { $0.indicator.id == "training-recent" })
    }

    @Test("an indicator accepted is met, and needs-site-visit makes a met indicator need an assessor")
    func indicatorAcceptedAndSiteVisit() throws {
        let assessment = try assess([try findings("indicator-decisions.xml")])
        let facilitation = try #require(assessment.indicator("facilitation"))
        #expect(facilitation.automatedStatus == .needsAssessor)
        #expect(facilitation.status == .met)
        #expect(facilitation.assessorDecision?.assessor == "B. Observer", "a finding's own assessor wins over the file's")
        let contact = try #require(assessment.indicator("contact-rate"))
        #expect(contact.automatedStatus == .met)
        #expect(contact.status == .needsAssessor)
        #expect(assessment.forAssessor.contains { $0.id == "contact-rate" })
        #expect(assessment.indicator("policy-current")?.automatedStatus == nil, "untouched indicators carry no automated status")
    }

    @Test("the subject matches the provider's name ignoring case and spacing, and its charity number")
    func subjectMatching() throws {
        let summary = try #require(try assess([try findings("indicator-decisions.xml")]).findings)
        #expect(summary.files.map(\.matched) == [true])
        #expect(summary.applied.count == 3)
    }

    @Test("a rejected item no longer counts; an accepted item counts even when too old")
    func evidenceDecisions() throws {
        // As of 2026-10-01, E2 (issued 2025-09-01) is older than the 12 months training-recent accepts.
        let late = CalendarDate("2026-10-01")!
        let automated = try evaluator.evaluate(submission, asOf: late)
        #expect(automated.status("training-recent") == .partlyMet)
        let assessment = try assess([try findings("evidence-decisions.xml")], asOf: late)
        #expect(assessment.status("training-recent") == .met)
        #expect(assessment.indicator("training-recent")?.evidenceUsed == ["E2", "E3"])
        #expect(assessment.indicator("training-recent")?.automatedStatus == .partlyMet)
        let facilitation = try #require(assessment.indicator("facilitation"))
        #expect(facilitation.status == .notMet, "E6 was its only supervision record")
        #expect(facilitation.automatedStatus == .needsAssessor)
        #expect(!facilitation.evidenceUsed.contains("E6"))
        let e6 = try #require(assessment.findings?.entries.first { $0.targetID == "E6" })
        #expect(e6.automated == .countedFor(["facilitation"]))
        #expect(e6.changes.contains { $0.id == "facilitation" && $0.from == .needsAssessor && $0.to == .notMet })
        let e2 = try #require(assessment.findings?.entries.first { $0.targetID == "E2" })
        #expect(e2.automated == .notCounted([IndicatorReason(indicator: "training-recent", reason: .tooOld(
            evidenceID: "E2", evidenceType: TermReference(id: "training-record", label: "Training record"), issued: CalendarDate("2025-09-01")!,
            oldestAccepted: CalendarDate("2025-10-01")!, maximumAgeMonths: 12, asOf: late))]))
    }

    @Test("an item needing a site visit makes the indicators it made met need an assessor")
    func evidenceSiteVisit() throws {
        let assessment = try assess([try findings("evidence-decisions.xml")])
        let policy = try #require(assessment.indicator("policy-current"))
        #expect(policy.automatedStatus == .met)
        #expect(policy.status == .needsAssessor)
        #expect(policy.reasons.first?.evidenceID == "E1")
        guard case .assessorFinding(let finding) = policy.reasons.first else { Issue.record("not an assessor's finding"); return }
        #expect(finding.effect == .evidenceNeedsSiteVisit && finding.decision == .needsSiteVisit)
    }

    @Test("unknown indicators and items, changed documents and repeated findings are listed and warned about with file and line")
    func unusableFindings() throws {
        let file = try findings("unknown-and-stale.xml")
        let assessment = try assess([file])
        let entries = try #require(assessment.findings?.entries)
        #expect(entries.first { $0.targetID == "no-such-indicator" }?.state == .unknownTarget)
        #expect(entries.first { $0.targetID == "no-such-indicator" }?.automated == .unknownIndicator)
        #expect(entries.first { $0.targetID == "E99" }?.state == .unknownTarget)
        #expect(entries.first { $0.targetID == "E99" }?.automated == .unknownEvidence)
        #expect(entries.first { $0.targetID == "E1" }?.state == .fileChanged)
        #expect(entries.filter { $0.targetID == "duration" }.map(\.state) == [.superseded, .applied], "the later finding wins")
        #expect(assessment.status("duration") == .met)
        #expect(assessment.status("policy-current") == .met)
        let unknown = assessment.warnings.filter { $0.kind == .unknownFindingTarget }
        #expect(unknown.count == 2)
        #expect(unknown.allSatisfy { $0.file == file.source && ($0.line ?? 0) > 0 })
        let indicatorLine = try #require(file.findings.first { $0.targetID == "no-such-indicator" }?.line)
        #expect(unknown.contains { $0.line == indicatorLine && $0.cause == .unknownFindingTarget(target: .indicator, id: "no-such-indicator", edition: "mini@1") })
        #expect(unknown.contains { $0.cause == .unknownFindingTarget(target: .evidence, id: "E99", edition: nil) })
        let changed = try #require(assessment.warnings.first { $0.kind == .findingNotApplied })
        guard case .findingNotApplied(.evidence, "E1", .fileChanged(let judged)) = changed.cause else {
            Issue.record("expected the changed document of E1: \(changed.cause)")
            return
        }
        #expect(judged == file.findings.first { $0.targetID == "E1" }?.fileSHA256)
    }

    @Test("findings about another provider are ignored with a warning")
    func otherProvider() throws {
        let assessment = try assess([try findings("other-provider.xml")])
        #expect(assessment.status("training-recent") == .met)
        #expect(assessment.findings?.files.map(\.matched) == [false])
        #expect(assessment.findings?.entries.isEmpty == true)
        let warning = try #require(assessment.warnings.first { $0.kind == .findingsNotForSubmission })
        #expect(warning.file?.hasSuffix("other-provider.xml") == true)
        #expect(warning.cause == .findingsNotForSubmission(subject: try findings("other-provider.xml").subject, provider: "Mini Test Services",
                                                           submissionSHA256: submissionSHA256))
    }

    @Test("a subject pinned to the submission's SHA-256 applies to that file only")
    func pinnedToFile() throws {
        let finding = "<indicator id=\"training-recent\" decision=\"rejected\" date=\"2026-06-20\"><reason>Pinned.</reason></indicator>"
        let pinned = try single(finding, subject: "<subject provider=\"Mini Test Services\" submissionSha256=\"\(submissionSHA256)\"/>")
        #expect(try assess([pinned]).status("training-recent") == .notMet)
        let other = String(repeating: "a", count: 64)
        let elsewhere = try single(finding, subject: "<subject submissionSha256=\"\(other)\"/>")
        let ignored = try assess([elsewhere])
        #expect(ignored.status("training-recent") == .met)
        #expect(ignored.warnings.contains { $0.kind == .findingsNotForSubmission })
    }

    @Test("a finding applies through its expiry day and is listed as expired after it", arguments: [
        ("2026-06-29", FindingState.expired, IndicatorStatus.met),
        ("2026-06-30", FindingState.applied, IndicatorStatus.notMet),
        ("2026-07-01", FindingState.applied, IndicatorStatus.notMet),
    ])
    func expiry(expires: String, state: FindingState, status: IndicatorStatus) throws {
        let file = try single("<indicator id=\"training-recent\" decision=\"rejected\" date=\"2026-06-01\" expires=\"\(expires)\"><reason>Attendance only.</reason></indicator>")
        let assessment = try assess([file])
        #expect(assessment.findings?.entries.first?.state == state)
        #expect(assessment.status("training-recent") == status)
        #expect(assessment.warnings.contains { $0.kind == .findingExpired } == (state == .expired))
        if state == .expired {
            #expect(assessment.warnings.contains { $0.cause == .findingExpired(target: .indicator, id: "training-recent",
                                                                               expired: CalendarDate(expires)!, asOf: asOf) })
        }
    }

    @Test("a finding on an indicator that does not apply is not applied")
    func notApplicableIndicator() throws {
        let file = try single("<indicator id=\"iss-in-place\" decision=\"rejected\" date=\"2026-06-01\"><reason>Not relevant.</reason></indicator>")
        let oneToOne = try TestSupport.miniVariant([("<service type=\"group\" risks=\"standard high\"/>", "")])
        let assessment = try evaluator.evaluate(oneToOne, asOf: asOf, findings: [file], submissionSHA256: nil)
        #expect(assessment.status("iss-in-place") == .notApplicable)
        #expect(assessment.findings?.entries.first?.state == .notApplicable)
        #expect(assessment.warnings.contains { $0.cause == .findingNotApplied(target: .indicator, id: "iss-in-place", because: .indicatorNotApplicable) })
    }

    @Test("a findings file without an assessor, or expiring before its date, is rejected with its line")
    func invalidFile() throws {
        let path = TestSupport.fixture("findings/invalid-no-assessor.xml")
        #expect {
            _ = try TestSupport.loader.loadFindings(contentsOf: path)
        } throws: { error in
            guard let error = error as? DocumentLoadError else { return false }
            let text = error.description
            return text.contains("invalid-no-assessor.xml:5") && text.contains("names no assessor") && text.contains("before its date")
        }
    }

    @Test("a subject that names nothing is rejected with its line")
    func emptySubject() throws {
        let text = """
            <?xml version="1.0" encoding="UTF-8"?>
            <findings xmlns="urn:respect-engine:findings:v1" assessor="A. Assessor">
              <subject/>
            </findings>
            """
        let path = TestSupport.temporaryFile(text, name: "findings.xml")
        #expect {
            _ = try TestSupport.loader.loadFindings(contentsOf: path)
        } throws: { error in
            (error as? DocumentLoadError)?.description.contains("findings.xml:3: element 'subject' names no submission") == true
        }
    }

    @Test("the loader detects a findings file from its root element")
    func detected() throws {
        let loaded = try TestSupport.loader.load(contentsOf: TestSupport.fixture("findings/indicator-decisions.xml"))
        #expect(loaded.kind == .findings)
    }
}
