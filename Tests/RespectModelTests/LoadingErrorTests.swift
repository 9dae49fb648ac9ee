import Foundation
import RespectTestSupport
import Testing
import RespectEvaluation
import RespectModel
import RespectXML

/// Bad input is refused with the file, the line and what was expected.
@Suite("Loading errors")
struct LoadingErrorTests {
    private func loadError(_ text: String, as kind: DocumentKind = .submission) -> DocumentLoadError? {
        let path = TestSupport.temporaryFile(text)
        do {
            switch kind {
            case .framework: _ = try TestSupport.loader.loadFramework(contentsOf: path)
            case .submission: _ = try TestSupport.loader.loadSubmission(contentsOf: path)
            case .tender: _ = try TestSupport.loader.loadTender(contentsOf: path)
            case .crosswalk: _ = try TestSupport.loader.loadCrosswalk(contentsOf: path)
            case .findings: _ = try TestSupport.loader.loadFindings(contentsOf: path)
            }
            return nil
        } catch {
            return error
        }
    }

    @Test("a submission breaking its XSD names the line and what was expected")
    func schemaViolation() throws {
        let text = TestSupport.miniAchievedText.replacingOccurrences(of: "issued=\"2025-09-01\"", with: "issued=\"01/09/2025\"")
        let error = try #require(loadError(text))
        guard case .input(.notValid(let diagnostics)) = error else { Issue.record("expected notValid, got \(error)"); return }
        let first = try #require(diagnostics.first)
        #expect(first.location.line == 16)
        #expect(first.message.contains("issued"))
        #expect(first.message.contains("01/09/2025"))
        #expect(error.description.contains(":16"))
    }

    @Test("an impossible date is refused at its line")
    func impossibleDate() throws {
        let text = TestSupport.miniAchievedText.replacingOccurrences(of: "issued=\"2025-09-01\"", with: "issued=\"2025-02-30\"")
        let error = try #require(loadError(text))
        #expect(error.diagnostics.first?.location.line == 16)
    }

    @Test("a missing child element is reported with the element expected")
    func missingSupports() throws {
        let text = TestSupport.miniAchievedText.replacingOccurrences(of: "      <supports>training-recent</supports>\n    </item>\n    <item id=\"E3\"", with: "    </item>\n    <item id=\"E3\"")
        let error = try #require(loadError(text))
        #expect(error.description.contains("supports"))
        #expect(error.description.contains("<item> is missing <file> or <supports>; add it inside <item>"))
    }

    @Test("duplicate evidence ids are refused")
    func duplicateEvidenceID() throws {
        let text = TestSupport.miniAchievedText.replacingOccurrences(of: "<item id=\"E3\"", with: "<item id=\"E2\"")
        let error = try #require(loadError(text))
        #expect(error.description.contains("E2"))
    }

    @Test("a review-by date before the issue date is inconsistent")
    func reviewBeforeIssue() throws {
        let text = TestSupport.miniAchievedText.replacingOccurrences(of: "reviewBy=\"2027-01-01\"", with: "reviewBy=\"2024-01-01\"")
        let error = try #require(loadError(text))
        guard case .inconsistent(let problems) = error else { Issue.record("expected inconsistent, got \(error)"); return }
        #expect(problems.first?.location.line == 11)
        #expect(problems.first?.message.contains("before its issue date") == true)
    }

    @Test("a framework file given where a submission is expected says so")
    func wrongKind() throws {
        let error = try #require(loadError(try String(contentsOfFile: TestSupport.fixture("engine/mini-framework.xml"), encoding: .utf8)))
        guard case .wrongKind(_, let expected, let found) = error else { Issue.record("expected wrongKind, got \(error)"); return }
        #expect(expected == .submission)
        #expect(found == .framework)
    }

    @Test("a framework referring to an undefined principle or service is refused with the line")
    func inconsistentFramework() throws {
        let text = try String(contentsOfFile: TestSupport.fixture("engine/mini-framework.xml"), encoding: .utf8)
            .replacingOccurrences(of: "level=\"mandatory\" principles=\"P1\"", with: "level=\"mandatory\" principles=\"P9\"")
            .replacingOccurrences(of: "<appliesTo services=\"group\"/>", with: "<appliesTo services=\"groups\"/>")
        let error = try #require(loadError(text, as: .framework))
        guard case .inconsistent(let problems) = error else { Issue.record("expected inconsistent, got \(error)"); return }
        #expect(problems.contains { $0.message.contains("principle 'P9'") && $0.location.line > 0 })
        #expect(problems.contains { $0.message.contains("service type 'groups'") })
    }

    @Test("a threshold in the wrong unit and a last outcome with conditions are refused")
    func thresholdUnitAndFallback() throws {
        let text = try String(contentsOfFile: TestSupport.fixture("engine/mini-framework.xml"), encoding: .utf8)
            .replacingOccurrences(of: "value=\"22\" unit=\"weeks\"", with: "value=\"22\" unit=\"months\"")
            .replacingOccurrences(of: "<label>Not yet</label>\n      <when/>", with: "<label>Not yet</label>\n      <when><noSafetyCriticalFailure/></when>")
        let error = try #require(loadError(text, as: .framework))
        #expect(error.description.contains("'months'"))
        #expect(error.description.contains("empty <when/>"))
    }

    @Test("an undefined evidence type in a framework is caught by the XSD key reference")
    func undefinedEvidenceType() throws {
        let text = try String(contentsOfFile: TestSupport.fixture("engine/mini-framework.xml"), encoding: .utf8)
            .replacingOccurrences(of: "<evidence type=\"case-file-audit\"/>", with: "<evidence type=\"case-audit\"/>")
        let error = try #require(loadError(text, as: .framework))
        guard case .input(.notValid) = error else { Issue.record("expected notValid, got \(error)"); return }
        #expect(error.description.contains("case-audit"))
    }

    @Test("a service type the framework does not define stops evaluation with the known ones listed")
    func unknownServiceType() throws {
        let submission = try TestSupport.miniVariant([("<service type=\"iss\"", "<service type=\"isss\"")])
        #expect(throws: SubmissionMismatch.self) {
            _ = try Evaluator(framework: TestSupport.miniFramework).evaluate(submission, asOf: CalendarDate("2026-06-30")!)
        }
        do {
            _ = try Evaluator(framework: TestSupport.miniFramework).evaluate(submission, asOf: CalendarDate("2026-06-30")!)
        } catch {
            #expect(error.description.contains("'isss'"))
            #expect(error.description.contains("group, one-to-one, iss"))
        }
    }

    @Test("references to unknown indicators, types and facts are warnings, not crashes")
    func unknownReferencesWarn() throws {
        let assessment = try TestSupport.assessMini([
            ("<supports>facilitation</supports>", "<supports>facilitation no-such-indicator</supports>"),
            ("type=\"data-report\"", "type=\"data-reprot\""),
            ("<fact id=\"contact-rate\"", "<fact id=\"contact-rates\""),
            ("</facts>", "</facts>\n  <actionPlan><action indicator=\"ghost\" due=\"2026-08-01\" owner=\"X\">Y</action></actionPlan>"),
        ])
        let kinds = Set(assessment.warnings.map(\.kind))
        #expect(kinds.isSuperset(of: [.unknownIndicator, .unknownEvidenceType, .unknownFact, .actionForUnknownIndicator]))
        #expect(assessment.warnings.first { $0.kind == .unknownIndicator }?.line == 32) // the <item id="E6"> start tag
        #expect(assessment.status("contact-rate") == .notMet)
    }
}
