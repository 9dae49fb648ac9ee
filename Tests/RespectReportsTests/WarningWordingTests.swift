import RespectEvaluation
import RespectModel
import RespectReports
import RespectTestSupport
import Testing

/// The English catalogue words every warning with its figures, as the text and HTML reports
/// show them (after its location).
@Suite("English wording: warnings")
struct WarningWordingTests {
    let wording = EnglishWording()

    private func messages(_ assessment: Assessment, _ kind: Warning.Kind) -> [String] {
        assessment.warnings.filter { $0.kind == kind }.map(wording.message)
    }

    @Test("expiring soon: the last day an item counts, for which indicators; a review date ahead")
    func expiry() throws {
        let framework = try TestSupport.miniFrameworkVariant([("min=\"2\" maxAgeMonths=\"12\"", "min=\"2\" maxAgeMonths=\"6\"")])
        let submission = try TestSupport.miniVariant([("issued=\"2025-09-01\"", "issued=\"2026-06-30\""),
                                                      ("issued=\"2026-01-15\"", "issued=\"2026-07-15\"")])
        let assessment = try Evaluator(framework: framework).evaluate(submission, asOf: CalendarDate("2026-12-30")!)
        #expect(messages(assessment, .ageLimitSoon).first
            == "E2 'Training log, autumn 2025' (“Training record”) stops counting after 2026-12-31, when it becomes older than 6 months (counts for training-recent)")
        #expect(messages(assessment, .reviewDueSoon)
            == ["E1 'Safeguarding policy' (“Policy”) is due for review by 2027-01-01, 2 days after the as-of date"])
        let oneDay = try TestSupport.assessMini([("reviewBy=\"2027-01-01\"", "reviewBy=\"2026-07-01\"")])
        #expect(messages(oneDay, .reviewDueSoon) == ["E1 'Safeguarding policy' (“Policy”) is due for review by 2026-07-01, 1 day after the as-of date"])
        let warning = try #require(assessment.warnings.first { $0.kind == .ageLimitSoon })
        #expect(wording.location(warning) == "line 16: ")
        #expect(wording.warningTag(warning.kind) == "expiring soon")
    }

    @Test("what in a submission will not count: unknown indicators, types and facts, units, dates and actions")
    func submissionConsistency() throws {
        let assessment = try TestSupport.assessMini([
            ("<supports>training-recent</supports>\n    </item>\n    <item id=\"E3\"", "<supports>training-recent u0 u1 u2 u3 u4 u5 u6</supports>\n    </item>\n    <item id=\"E3\""),
            ("type=\"data-report\"", "type=\"data-reprot\""),
            ("<fact id=\"contact-rate\" unit=\"percent\" source=\"E4\">85</fact>", "<fact id=\"contact-rate\" unit=\"percent\" source=\"E4\">85</fact>\n    <fact id=\"no-such-fact\">true</fact>"),
            ("unit=\"weeks\" source=\"E1\">24", "unit=\"months\" source=\"E1\">6"),
            ("issued=\"2026-05-01\"", "issued=\"2026-07-01\""),
            ("</facts>", "</facts>\n  <actionPlan><action indicator=\"nowhere\" due=\"2026-12-01\" owner=\"Lead\">Something</action></actionPlan>"),
        ])
        #expect(messages(assessment, .unknownIndicator)
            == ["evidence E2 supports 'u0', 'u1', 'u2', 'u3', 'u4' and 2 more, which are not indicators of mini@1; those links count for nothing"])
        #expect(messages(assessment, .unknownEvidenceType)
            == ["evidence E4 has type 'data-reprot', which mini@1 does not define; it cannot count for any indicator (did you mean `data-report`?)"])
        #expect(messages(assessment, .unknownFact) == ["fact 'no-such-fact' is not defined by mini@1; it is ignored"])
        #expect(messages(assessment, .factUnitMismatch) == ["fact 'programme-weeks' is stated as '6 months'; expected a number in weeks, so it cannot count"])
        #expect(messages(assessment, .issuedAfterAsOf) == ["evidence E7 is dated 2026-07-01, after the as-of date 2026-06-30; it does not count"])
        #expect(messages(assessment, .actionForUnknownIndicator) == ["action-plan entry for 'nowhere', which is not an indicator of mini@1; it covers nothing"])
        let one = try TestSupport.assessMini([("<supports>training-recent</supports>\n    </item>\n    <item id=\"E3\"",
                                               "<supports>training-recent u0</supports>\n    </item>\n    <item id=\"E3\"")])
        #expect(messages(one, .unknownIndicator) == ["evidence E2 supports 'u0', which is not an indicator of mini@1; the link counts for nothing"])
        let missingUnit = try TestSupport.assessMini([("unit=\"weeks\" source=\"E1\">24", "source=\"E1\">24")])
        #expect(messages(missingUnit, .factUnitMismatch) == ["fact 'programme-weeks' is stated without its unit, so it cannot count; add unit=\"weeks\""])
        let nearIndicator = try TestSupport.assessMini([("<supports>training-recent</supports>\n    </item>\n    <item id=\"E3\"",
                                                        "<supports>training-recnet</supports>\n    </item>\n    <item id=\"E3\"")])
        #expect(messages(nearIndicator, .unknownIndicator)
            == ["evidence E2 supports 'training-recnet', which is not an indicator of mini@1; the link counts for nothing (did you mean `training-recent`?)"])
    }

    @Test("editions: another edition than targeted, a superseded one, and a carried-over submission")
    func editions() throws {
        let framework = try TestSupport.miniFrameworkVariant([("edition=\"1\" revision=\"1\"", "edition=\"2\" revision=\"1\" supersededBy=\"3\"")])
        let assessment = try Evaluator(framework: framework).evaluate(try TestSupport.miniVariant([]), asOf: CalendarDate("2026-06-30")!)
        #expect(messages(assessment, .editionMismatch) == ["the submission targets mini@1 but is evaluated against mini@2"])
        #expect(messages(assessment, .supersededEdition) == ["mini@2 is superseded by edition 3"])
        #expect(wording.message(Warning(.migratedEdition(from: "ed@1", to: "ed@2")))
            == "the submission targets ed@1; its evidence was carried over to ed@2 through the declared links between the editions (see the migration checklist)")
    }

    @Test("findings that do not apply, in the findings file's place")
    func findings() throws {
        let submission = try TestSupport.loader.loadSubmission(contentsOf: TestSupport.fixture("engine/mini-achieved.xml"))
        let evaluator = Evaluator(framework: TestSupport.miniFramework)
        let stale = try TestSupport.loader.loadFindings(contentsOf: TestSupport.fixture("findings/unknown-and-stale.xml"))
        let assessment = try evaluator.evaluate(submission, asOf: CalendarDate("2026-06-30")!, findings: [stale], submissionSHA256: nil)
        #expect(messages(assessment, .unknownFindingTarget) == [
            "the finding names indicator 'no-such-indicator', which is not in framework mini@1; ignored",
            "the finding names evidence 'E99', which is not in the submission; ignored",
        ])
        #expect(messages(assessment, .findingNotApplied)
            == ["the finding on evidence 'E1' is ignored: the assessor judged a document with SHA-256 ffffffffffff…, but the submission now names another file"])
        #expect(messages(assessment, .findingExpired)
            == ["the finding on indicator 'policy-current' expired on 2026-06-29, before the as-of date 2026-06-30; it no longer applies"])
        let expired = try #require(assessment.warnings.first { $0.kind == .findingExpired })
        #expect(wording.location(expired) == "\(stale.source):16: ")
        #expect(wording.message(Warning(.findingNotApplied(target: .indicator, id: "iss-in-place", because: .indicatorNotApplicable)))
            == "the finding on indicator 'iss-in-place' is ignored: the indicator does not apply to the services and risk levels this submission declares")

        let other = try TestSupport.loader.loadFindings(contentsOf: TestSupport.fixture("findings/other-provider.xml"))
        let ignored = try evaluator.evaluate(submission, asOf: CalendarDate("2026-06-30")!, findings: [other], submissionSHA256: String(repeating: "a", count: 64))
        #expect(messages(ignored, .findingsNotForSubmission)
            == ["findings for provider 'Another Provider', charity 2000002 do not concern this submission (Mini Test Services, SHA-256 aaaaaaaaaaaa…); ignored"])
    }
}
