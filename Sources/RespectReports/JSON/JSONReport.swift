public import Foundation
public import RespectEvaluation
import RespectModel

/// Renders results as JSON for people and programs: `ResultCoding`'s deterministic encoding
/// (sorted keys, stable order: identical inputs give byte-identical output), indented, with a
/// `message` in the given wording beside each typed value's `code` and figures.
public enum JSONReport {
    public static func render(_ assessment: Assessment, wording: any Wording = EnglishWording()) throws -> String {
        try encode(assessment, wording: wording)
    }

    /// `render`'s output as UTF-8 bytes, made without the string: a large submission's result
    /// (the heaviest legal file's is 39 MB) is not held twice over to be sent.
    public static func renderData(_ assessment: Assessment, wording: any Wording = EnglishWording()) throws -> Data {
        try encodedData(assessment, wording: wording)
    }

    /// The path to the next verdict (`respect plan`) of an assessment that carries one: the
    /// advisory notice, the edition, the submission, the outcome now, the safety-critical
    /// failures and the plan; with `includesDraftActions`, the action-plan entries as XML.
    public static func renderPlan(_ assessment: Assessment, includesDraftActions: Bool = false,
                                  wording: any Wording = EnglishWording()) throws -> String {
        let document = PlanDocument(
            advisory: assessment.advisory, engineVersion: assessment.engineVersion, asOf: assessment.asOf,
            framework: assessment.framework, submission: .init(file: assessment.submission.file, provider: assessment.submission.provider),
            outcome: .init(id: assessment.outcome.id, verdict: assessment.outcome.verdict, label: assessment.outcome.label),
            safetyCriticalFailures: assessment.safetyCriticalFailures.map { IndicatorMention(id: $0.id, number: $0.number) },
            plan: assessment.plan,
            draftActions: includesDraftActions ? assessment.plan.map { ActionPlanDraft(wording: wording).xml($0) } : nil)
        return try encode(document, wording: wording)
    }

    /// Encodes any result value the same deterministic way.
    public static func encode(_ value: some Encodable, wording: any Wording = EnglishWording()) throws -> String {
        String(decoding: try encodedData(value, wording: wording), as: UTF8.self)
    }

    /// `encode`'s output as UTF-8 bytes, ending in a newline.
    private static func encodedData(_ value: some Encodable, wording: any Wording) throws -> Data {
        var data = try ResultCoding.encode(value, pretty: true, userInfo: [.resultWording: wording])
        data.append(0x0A)
        return data
    }
}

/// What `respect plan --format json` writes.
private struct PlanDocument: Encodable {
    struct SubmissionReference: Encodable {
        var file: String
        var provider: Provider
    }

    struct OutcomeReference: Encodable {
        var id: String
        var verdict: Verdict
        var label: String
    }

    var advisory: Advisory
    var engineVersion: String
    var asOf: CalendarDate
    var framework: FrameworkSummary
    var submission: SubmissionReference
    var outcome: OutcomeReference
    var safetyCriticalFailures: [IndicatorMention]
    var plan: VerdictPlan?
    var draftActions: String?
}
