import Foundation
import RespectEvaluation
import RespectModel
import RespectReports
import RespectTestSupport
import Testing

/// The JSON report: beside each typed value's `code` and figures, its English `message`; the
/// message is never read back, and the same result always gives the same bytes.
@Suite("JSON report: codes and messages")
struct JSONReportTests {
    let wording = EnglishWording()

    /// The JSON report of `value`, checked for its code and its message, and decoded back.
    private func expectWorded<Value: Codable & Equatable>(_ value: Value, code: String, message: String,
                                                         sourceLocation: SourceLocation = #_sourceLocation) throws {
        let json = try JSONReport.encode(value)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any], sourceLocation: sourceLocation)
        #expect(object["code"] as? String == code, sourceLocation: sourceLocation)
        #expect(object["message"] as? String == message, sourceLocation: sourceLocation)
        #expect(try ResultCoding.decode(Value.self, from: Data(json.utf8)) == value, "the message is not read back", sourceLocation: sourceLocation)
    }

    @Test("every reason and warning code carries its English message")
    func reasonsAndWarnings() throws {
        for reason in TypedSamples.reasons { try expectWorded(reason, code: reason.kind.rawValue, message: wording.message(reason)) }
        for warning in TypedSamples.warnings { try expectWorded(warning, code: warning.kind.rawValue, message: wording.message(warning)) }
    }

    @Test("every condition, provision, tender reason, requirement change, migration note and engine view carries its message")
    func others() throws {
        for value in TypedSamples.conditions { try expectWorded(value, code: value.kind.rawValue, message: wording.message(value)) }
        for value in TypedSamples.provisions { try expectWorded(value, code: value.kind.rawValue, message: wording.message(value)) }
        for value in TypedSamples.tenderReasons { try expectWorded(value, code: value.kind.rawValue, message: wording.message(value)) }
        for value in TypedSamples.requirementChanges { try expectWorded(value, code: value.kind.rawValue, message: wording.message(value)) }
        for value in TypedSamples.migrationNotes { try expectWorded(value, code: value.kind.rawValue, message: wording.message(value)) }
        for value in TypedSamples.automatedViews { try expectWorded(value, code: value.kind.rawValue, message: wording.message(value)) }
        for value in TypedSamples.advisories { try expectWorded(value, code: value.rawValue, message: wording.message(value)) }
        for value in TypedSamples.planCauses { try expectWorded(value, code: value.kind.rawValue, message: wording.message(value)) }
        for value in TypedSamples.planChanges { try expectWorded(value, code: value.kind.rawValue, message: wording.message(value)) }
        for value in TypedSamples.planAdditions { try expectWorded(value, code: value.kind.rawValue, message: wording.message(value)) }
    }

    @Test("nested values are worded too: the alternatives of a provision, the reasons inside a tender reason")
    func nested() throws {
        let json = try JSONReport.encode(TypedSamples.provisions[3])
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
        let alternatives = try #require(object["alternatives"] as? [[[String: Any]]])
        #expect(alternatives.flatMap { $0 }.allSatisfy { ($0["message"] as? String)?.isEmpty == false })
        #expect(alternatives[1].map { $0["code"] as? String } == ["fact", "service"])
    }

    @Test("check --format json: every reason, provision, warning and condition of the not-yet example has a code and its message")
    func checkReport() throws {
        let run = try CommandLineRunner.run(["check", "examples/submissions/not-yet.xml", "--format", "json"])
        #expect(run.exitCode == 20)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(run.standardOutput.utf8)) as? [String: Any])
        let assessment = try ResultCoding.decode(Assessment.self, from: Data(run.standardOutput.utf8))
        let indicators = try #require(object["indicators"] as? [[String: Any]])
        var worded = 0
        for (json, result) in zip(indicators, assessment.indicators) {
            let reasons = try #require(json["reasons"] as? [[String: Any]])
            #expect(reasons.map { $0["code"] as? String } == result.reasons.map(\.kind.rawValue))
            #expect(reasons.map { $0["message"] as? String } == result.reasons.map(wording.message))
            let provisions = try #require(json["toProvide"] as? [[String: Any]])
            #expect(provisions.map { $0["message"] as? String } == result.toProvide.map(wording.message))
            worded += reasons.count + provisions.count
        }
        #expect(worded > 50)
        let warnings = try #require(object["warnings"] as? [[String: Any]])
        #expect(!warnings.isEmpty)
        #expect(warnings.map { $0["code"] as? String } == assessment.warnings.map(\.kind.rawValue))
        #expect(warnings.map { $0["message"] as? String } == assessment.warnings.map(wording.message))
        let trials = try #require((object["outcome"] as? [String: Any])?["rulesTried"] as? [[String: Any]])
        let conditions = trials.flatMap { ($0["conditions"] as? [[String: Any]]) ?? [] }
        #expect(conditions.map { $0["message"] as? String } == assessment.outcome.rulesTried.flatMap(\.conditions).map(wording.message))
        #expect((object["advisory"] as? [String: Any])?["message"] as? String == wording.message(Advisory.selfAssessment))
        let missing = try #require(object["missingEvidence"] as? [[String: Any]]).flatMap { ($0["items"] as? [[String: Any]]) ?? [] }
        #expect(missing.allSatisfy { item in ((item["why"] as? [[String: Any]]) ?? []).allSatisfy { $0["code"] != nil && $0["message"] != nil } })
    }

    @Test("tender --format json: each bid's reasons carry code, clause, figures and message")
    func tenderReport() throws {
        let run = try CommandLineRunner.run(["tender", "examples/tender/tender-lot1.xml", "examples/tender/bids", "--format", "json"])
        let object = try #require(try JSONSerialization.jsonObject(with: Data(run.standardOutput.utf8)) as? [String: Any])
        let bids = try #require(object["bids"] as? [[String: Any]])
        let harrowby = try #require(bids.first { ($0["file"] as? String)?.hasSuffix("b-harrowby-24-weeks.xml") == true })
        let reason = try #require((harrowby["reasons"] as? [[String: Any]])?.first)
        #expect(reason["code"] as? String == "threshold-failed")
        #expect(reason["clause"] as? String == "4.2")
        #expect((reason["stated"] as? [String: Any])?["value"] as? Int == 24)
        #expect((reason["message"] as? String)?.hasPrefix("programme-duration-weeks is 24 weeks; the tender requires ≥ 26 weeks (clause 4.2") == true)
    }
}
