import Foundation
import RespectEvaluation
import RespectModel
import RespectTestSupport
import Testing

/// `ResultCoding`: every code of every typed value encodes as `code` plus its figures, without
/// a message when no wording is given, and decodes back to an equal value; whole results
/// re-encode to the same bytes.
@Suite("Result coding")
struct ResultCodingTests {
    /// Encodes `value` without a wording, checks the object's code and that it has no
    /// message, and decodes it back.
    private func roundTrip<Value: Codable & Equatable>(_ value: Value, code: String) throws {
        let data = try ResultCoding.encode(value)
        let object = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        #expect(object["code"] as? String == code)
        #expect(object["message"] == nil, "no words without a wording: \(code)")
        #expect(try ResultCoding.decode(Value.self, from: data) == value, "\(code) reads back equal")
    }

    @Test("every reason code round-trips with its figures")
    func reasons() throws {
        #expect(Set(TypedSamples.reasons.map(\.kind)) == Set(Reason.Kind.allCases))
        for reason in TypedSamples.reasons { try roundTrip(reason, code: reason.kind.rawValue) }
    }

    @Test("every plan cause, change and addition round-trips with its figures")
    func planValues() throws {
        #expect(Set(TypedSamples.planCauses.map(\.kind)) == Set(PlanCause.Kind.allCases))
        for cause in TypedSamples.planCauses { try roundTrip(cause, code: cause.kind.rawValue) }
        #expect(Set(TypedSamples.planChanges.map(\.kind)) == Set(PlanChange.Kind.allCases))
        for change in TypedSamples.planChanges { try roundTrip(change, code: change.kind.rawValue) }
        #expect(Set(TypedSamples.planAdditions.map(\.kind)) == Set(PlanAddition.Kind.allCases))
        for addition in TypedSamples.planAdditions { try roundTrip(addition, code: addition.kind.rawValue) }
    }

    @Test("every warning code round-trips with its figures, line and file")
    func warnings() throws {
        #expect(Set(TypedSamples.warnings.map(\.kind)) == Set(Warning.Kind.allCases))
        for warning in TypedSamples.warnings { try roundTrip(warning, code: warning.kind.rawValue) }
    }

    @Test("every condition, provision, tender reason, requirement change, migration note and engine view round-trips")
    func others() throws {
        #expect(Set(TypedSamples.conditions.map(\.kind)) == Set(ConditionResult.Kind.allCases))
        for condition in TypedSamples.conditions { try roundTrip(condition, code: condition.kind.rawValue) }
        #expect(Set(TypedSamples.provisions.map(\.kind)) == Set(Provision.Kind.allCases))
        for provision in TypedSamples.provisions { try roundTrip(provision, code: provision.kind.rawValue) }
        #expect(Set(TypedSamples.tenderReasons.map(\.kind)) == Set(TenderReason.Kind.allCases))
        for reason in TypedSamples.tenderReasons { try roundTrip(reason, code: reason.kind.rawValue) }
        #expect(Set(TypedSamples.requirementChanges.map(\.kind)) == Set(RequirementChange.Kind.allCases))
        for change in TypedSamples.requirementChanges { try roundTrip(change, code: change.kind.rawValue) }
        #expect(Set(TypedSamples.migrationNotes.map(\.kind)) == Set(MigrationNote.Kind.allCases))
        for note in TypedSamples.migrationNotes { try roundTrip(note, code: note.kind.rawValue) }
        #expect(Set(TypedSamples.automatedViews.map(\.kind)) == Set(AutomatedView.Kind.allCases))
        for view in TypedSamples.automatedViews { try roundTrip(view, code: view.kind.rawValue) }
        for advisory in TypedSamples.advisories { try roundTrip(advisory, code: advisory.rawValue) }
    }

    @Test("figures are written as fields: dates as YYYY-MM-DD, counts and thresholds as exact numbers, terms with their labels")
    func figuresAsFields() throws {
        let data = try ResultCoding.encode(TypedSamples.reasons[10])
        #expect(String(decoding: data, as: UTF8.self) == """
            {"code":"threshold-failed","fact":{"id":"programme-weeks","label":"Programme length"},"stated":{"unit":"weeks","value":16},\
            "threshold":{"comparison":"ge","fact":"programme-weeks","unit":"weeks","value":22.5}}
            """)
        let tooOld = String(decoding: try ResultCoding.encode(TypedSamples.reasons[2]), as: UTF8.self)
        #expect(tooOld == """
            {"asOf":"2026-06-30","code":"too-old","evidenceID":"E1","evidenceType":{"id":"policy","label":"Policy"},"issued":"2024-01-15",\
            "maximumAgeMonths":12,"oldestAccepted":"2025-06-30"}
            """)
    }

    @Test("a decoded code the engine does not know is refused, not guessed")
    func unknownCode() {
        #expect(throws: DecodingError.self) { try ResultCoding.decode(Reason.self, from: Data(#"{"code":"no-such-reason"}"#.utf8)) }
        #expect(throws: DecodingError.self) { try ResultCoding.decode(Reason.self, from: Data(#"{"code":"no-evidence"}"#.utf8)) }
    }

    @Test("whole results, with findings, migration and tender figures, re-encode to the same bytes")
    func wholeResults() throws {
        let framework = TestSupport.standard2017
        let folder = TestSupport.examplesDirectory + "/submissions/"
        for name in ["achieved.xml", "working-towards.xml", "not-yet.xml"] {
            let submission = try TestSupport.loader.loadSubmission(contentsOf: folder + name)
            let assessment = try Evaluator(framework: framework).evaluate(submission, asOf: try #require(submission.asOf).adding(months: 5))
            let data = try ResultCoding.encode(assessment)
            #expect(try ResultCoding.encode(try ResultCoding.decode(Assessment.self, from: data)) == data, "\(name)")
        }
        let findings = try TestSupport.loader.loadFindings(contentsOf: TestSupport.fixture("findings/unknown-and-stale.xml"))
        let withFindings = try Evaluator(framework: TestSupport.miniFramework)
            .evaluate(try TestSupport.miniVariant([]), asOf: CalendarDate("2026-06-30")!, findings: [findings], submissionSHA256: nil)
        let data = try ResultCoding.encode(withFindings)
        #expect(try ResultCoding.encode(try ResultCoding.decode(Assessment.self, from: data)) == data)
        let tender = try TenderTestSupport.evaluator(try TenderTestSupport.tender())
        let result = tender.compare([tender.assess(try TenderTestSupport.bid([(">26</fact>", ">24</fact>")]))])
        let tenderData = try ResultCoding.encode(result)
        #expect(try ResultCoding.encode(try ResultCoding.decode(TenderResult.self, from: tenderData)) == tenderData)
    }
}
