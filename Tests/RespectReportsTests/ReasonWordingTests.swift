import RespectEvaluation
import RespectModel
import RespectReports
import RespectTestSupport
import Testing

/// The English catalogue words each reason and provision the mini fixture gives, with its
/// figures; text, HTML, CSV and JSON all show these words.
@Suite("English wording: reasons and what to provide")
struct ReasonWordingTests {
    let wording = EnglishWording()

    private func reasons(_ id: String, _ replacements: [(String, String)]) throws -> [String] {
        try #require(try TestSupport.assessMini(replacements).indicator(id)).reasons.map(wording.message)
    }

    private func provisions(_ id: String, _ replacements: [(String, String)]) throws -> [String] {
        try #require(try TestSupport.assessMini(replacements).indicator(id)).toProvide.map(wording.message)
    }

    @Test("a missing item names its type's label, and what to provide says how many and where to link it")
    func noEvidence() throws {
        let change = [("<supports>iss-in-place</supports>", "<supports>contact-rate</supports>")]
        #expect(try reasons("iss-in-place", change) == ["no item of type “Partner-contact log” is linked to this indicator"])
        #expect(try provisions("iss-in-place", change) == ["1 item of type “Partner-contact log” linked to iss-in-place"])
    }

    @Test("an item too old gives its date, the oldest accepted date and the age limit")
    func tooOld() throws {
        let change = [("issued=\"2025-09-01\"", "issued=\"2025-06-29\"")]
        #expect(try reasons("training-recent", change) == [
            "E2 (“Training record”) was issued 2025-06-29; items must be issued on or after 2025-06-30 (no more than 12 months before 2026-06-30)",
            "1 of the 2 required items of type “Training record” can be counted",
        ])
        #expect(try provisions("training-recent", change) == ["1 more item of type “Training record” linked to training-recent, issued on or after 2025-06-30"])
    }

    @Test("review dates: passed, missing, and what a replacement must have")
    func reviewDates() throws {
        let passed = [("reviewBy=\"2027-01-01\"", "reviewBy=\"2026-06-29\"")]
        #expect(try reasons("policy-current", passed).first == "E1 (“Policy”) was due for review by 2026-06-29, before the as-of date 2026-06-30")
        #expect(try provisions("policy-current", passed) == ["1 item of type “Policy” linked to policy-current, with a review-by date on or after 2026-06-30"])
        #expect(try reasons("policy-current", [(" reviewBy=\"2027-01-01\"", "")]).first
            == "E1 (“Policy”) has no review-by date; this indicator needs a current review date")
    }

    @Test("evidence dated after the as-of date")
    func issuedAfterAsOf() throws {
        #expect(try reasons("iss-in-place", [("issued=\"2026-05-01\"", "issued=\"2026-07-01\"")]).first
            == "E7 (“Partner-contact log”) is dated 2026-07-01, after the as-of date 2026-06-30")
    }

    @Test("facts: below the threshold, missing, in another unit, and a yes/no not confirmed")
    func facts() throws {
        #expect(try reasons("duration", [(">24</fact>", ">16</fact>")]) == ["Programme length is 16 weeks; required ≥ 22 weeks"])
        #expect(try provisions("duration", [(">24</fact>", ">16</fact>")])
            == ["state programme-weeks (Programme length) with a value ≥ 22 weeks"])
        #expect(try reasons("duration", [("<fact id=\"programme-weeks\" unit=\"weeks\" source=\"E1\">24</fact>", "")])
            == ["the submission does not state the fact 'programme-weeks' (Programme length); required: ≥ 22 weeks"])
        #expect(try reasons("duration", [("unit=\"weeks\" source=\"E1\">24", "unit=\"months\" source=\"E1\">6")])
            == ["programme-weeks is stated in months, but the requirement is in weeks"])
        #expect(try reasons("iss-in-place", [("<fact id=\"separate-workers\" source=\"E1\">true</fact>", "<fact id=\"separate-workers\" source=\"E1\">false</fact>")])
            == ["not confirmed: “Separate workers for survivors” is stated as false; required: true"])
    }

    @Test("a fact that cites no source, or a source that cannot show it, says what an assessor must see and what would back it")
    func factNotBacked() throws {
        let noSource = [("unit=\"weeks\" source=\"E1\">24", "unit=\"weeks\">24")]
        #expect(try reasons("duration", noSource) == [
            "programme-weeks cites no source item (source=\"…\"), so it is a claim only; an assessor must see the document that shows it; it can be backed by citing an item of type “Policy”",
        ])
        #expect(try provisions("duration", noSource) == [
            "cite as the source of programme-weeks (source=\"ITEM-ID\") an item of type “Policy” that shows the figure; an assessor will check that it does",
        ])
        let wrongType = [("unit=\"weeks\" source=\"E1\">24", "unit=\"weeks\" source=\"E2\">24")]
        #expect(try reasons("duration", wrongType) == [
            "programme-weeks cites E2, a “Training record”, which cannot show this figure; an assessor must see the document that shows it; it can be backed by citing an item of type “Policy”",
        ])
    }

    @Test("the note on items of a needed type says what an item must show and that an assessor reads it")
    func unlinkedNote() {
        #expect(wording.unlinkedNote(["complaints-procedure"], mustShow: "A current written agreement with the support service.")
            == "link an item here only if it shows this: “A current written agreement with the support service”; an assessor reads every linked document, and one that does not show it will not count. 1 item of a needed type is in the pack but not linked here (complaints-procedure).")
    }

    @Test("a fact stated as the wrong kind")
    func factKind() {
        let reason = Reason.factKindMismatch(fact: TermReference(id: "separate-workers", label: "Separate workers"),
                                             stated: StatedValue(value: .number(ExactDecimal(3)), unit: nil),
                                             threshold: FactThreshold(factID: "separate-workers", comparison: .eq, value: .boolean(true), unit: nil))
        #expect(wording.message(reason) == "separate-workers is stated as '3', but the requirement needs true or false")
    }

    @Test("a required service that is not offered, and how to offer it")
    func serviceNotOffered() throws {
        let change = [("<service type=\"iss\" risks=\"standard high\"/>", "")]
        #expect(try reasons("iss-in-place", change).contains("the submission does not offer Integrated support service (iss)"))
        #expect(try provisions("iss-in-place", change).contains("offer Integrated support service and declare it as a service of type 'iss'"))
    }

    @Test("alternatives: one of several, and N more of several")
    func alternatives() throws {
        #expect(try provisions("data-either", [("<supports>data-either two-of-three</supports>", "<supports>two-of-three</supports>")]) == [
            "one of: 1 item of type “Data report” linked to data-either; or 1 item of type “Supervision record” linked to data-either",
        ])
        let change = [("<supports>data-either two-of-three</supports>", "<supports>data-either</supports>")]
        #expect(try reasons("two-of-three", change).first == "1 of the 2 required alternatives (out of 3) are met")
        #expect(try provisions("two-of-three", change) == [
            "1 more of: 1 item of type “Data report” linked to two-of-three; 1 item of type “Supervision record” linked to two-of-three",
        ])
    }

    @Test("statuses decided without paper: an assessor's visit or sample, and indicators that do not apply")
    func assessorAndApplicability() throws {
        let base = try TestSupport.assessMini()
        #expect(base.indicator("facilitation")?.reasons.map(wording.message)
            == ["the paper evidence is in place; only interviews or observation on a site visit can confirm this indicator"])
        #expect(base.indicator("high-risk-audit")?.reasons.map(wording.message)
            == ["the paper evidence is in place; an assessor must sample case files to confirm this indicator"])
        #expect(try reasons("high-risk-audit", [("risks=\"standard high\"/>\n    <service type=\"iss\" risks=\"standard high\"/>",
                                                 "risks=\"standard\"/>\n    <service type=\"iss\" risks=\"standard\"/>")])
            == ["applies only to risk levels: High — none of which the submission declares"])
        #expect(try reasons("facilitation", [("<service type=\"group\" risks=\"standard high\"/>", "<service type=\"one-to-one\" risks=\"standard high\"/>")])
            == ["applies only to services: Group programme — none of which the submission declares"])
    }

    @Test("an assessor's findings, in the assessor's own words")
    func assessorFindings() {
        let date = CalendarDate("2026-06-20")!
        let rejected = AssessorFindingReason(effect: .evidenceRejected, decision: .rejected, assessor: "A. Assessor", date: date,
                                             assessorReason: "Attendance only.", evidenceID: "E2")
        #expect(wording.message(.assessorFinding(rejected)) == "E2 was rejected by A. Assessor (2026-06-20): Attendance only.")
        var visit = rejected
        visit.effect = .evidenceNeedsSiteVisit
        visit.decision = .needsSiteVisit
        #expect(wording.message(.assessorFinding(visit)) == "A. Assessor (2026-06-20) needs a site visit to confirm evidence E2: Attendance only.")
        let decided = AssessorFindingReason(effect: .indicatorDecision, decision: .rejected, assessor: "A. Assessor", date: date,
                                            assessorReason: "Attendance only.")
        #expect(wording.message(.assessorFinding(decided)) == "A. Assessor (2026-06-20) rejected: Attendance only.")
        #expect(wording.message(Provision.answerFinding(assessor: "A. Assessor", date: date, assessorReason: "Attendance only."))
            == "evidence that answers the assessor's finding: Attendance only.")
    }
}
