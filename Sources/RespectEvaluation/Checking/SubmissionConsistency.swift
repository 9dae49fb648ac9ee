import RespectModel
public import RespectXML

/// A submission uses vocabulary its framework does not define, so it cannot be evaluated
/// fairly. `description` lists every problem with its line.
public struct SubmissionMismatch: Error, Sendable, CustomStringConvertible {
    public var file: String
    /// `id@edition` of the framework edition the submission does not fit.
    public var framework: String
    public var problems: [XMLDiagnostic]

    public var description: String { problems.map(\.description).joined(separator: "\n") }
}

/// Checks a submission against the framework it is evaluated with.
///
/// Errors: service types or risk levels outside the framework's vocabulary (they would make
/// indicators silently not applicable). Warnings: references that simply will not count —
/// unknown indicators, evidence types or facts, future-dated evidence, a different edition.
struct SubmissionConsistency {
    private(set) var errors: [XMLDiagnostic] = []
    private(set) var warnings: [Warning] = []

    /// `warns: false` finds only the errors (the planner's evaluations show no warnings).
    init(framework: Framework, indicatorIDs: Set<String>? = nil, submission: Submission, asOf: CalendarDate, warns: Bool = true) {
        errors = Self.errors(framework: framework, submission: submission)
        guard warns else { return }
        let identity = framework.identity
        if submission.target.framework != identity.id || submission.target.edition != identity.edition {
            warnings.append(Warning(.editionMismatch(target: submission.target.reference, edition: identity.reference)))
        }
        if let successor = identity.supersededBy {
            warnings.append(Warning(.supersededEdition(edition: identity.reference, successor: successor)))
        }
        warnings += Self.evidenceThatWillNotCount(framework: framework, indicatorIDs: indicatorIDs, submission: submission)
        for item in submission.evidence where item.issued > asOf {
            warnings.append(Warning(.issuedAfterAsOf(evidenceID: item.id, issued: item.issued, asOf: asOf), line: item.line))
        }
    }

    /// How many nearest-value look-ups one submission gets: enough for any genuine file, few
    /// enough that a hostile one listing thousands of unknown ids costs little.
    static let suggestionBudget = 200

    /// The warnings for what counts for nothing whatever the date (`Warning.meansEvidenceWillNotCount`),
    /// each with the nearest valid value where one is near, in document order.
    static func evidenceThatWillNotCount(framework: Framework, indicatorIDs: Set<String>? = nil,
                                         submission: Submission) -> [Warning] {
        let vocabulary = framework.vocabulary
        let edition = framework.identity.reference
        let indicatorIDs = indicatorIDs ?? Set(framework.indicators.map(\.id))
        var budget = suggestionBudget
        func suggest(_ lookUp: () -> String?) -> String? {
            guard budget > 0 else { return nil }
            budget -= 1
            return lookUp()
        }
        var warnings: [Warning] = []
        for item in submission.evidence {
            if vocabulary.evidenceType(item.type) == nil {
                warnings.append(Warning(.unknownEvidenceType(evidenceID: item.id, evidenceType: vocabulary.evidenceTypeReference(item.type),
                                                             edition: edition, nearest: suggest { vocabulary.nearestEvidenceType(to: item.type) }),
                                        line: item.line))
            }
            // One warning per item, however many unknown ids it lists (the first five named).
            var seen = Set<String>()
            let unknown = item.supports.filter { !indicatorIDs.contains($0) && seen.insert($0).inserted }
            if !unknown.isEmpty {
                let shown = Array(unknown.prefix(5))
                var nearest: [String: String] = [:]
                for id in shown { nearest[id] = suggest { framework.nearestIndicator(to: id) } }
                warnings.append(Warning(.unknownIndicator(evidenceID: item.id, indicators: shown, count: unknown.count,
                                                          edition: edition, nearest: nearest),
                                        line: item.line))
            }
        }
        for fact in submission.facts {
            guard let definition = vocabulary.fact(fact.id) else {
                warnings.append(Warning(.unknownFact(fact: fact.id, edition: edition, nearest: suggest { vocabulary.nearestFact(to: fact.id) }),
                                        line: fact.line))
                continue
            }
            if definition.kind != fact.value.kind || definition.unit != fact.unit {
                warnings.append(Warning(.factUnitMismatch(fact: fact.id, stated: StatedValue(value: fact.value, unit: fact.unit),
                                                          expectedKind: definition.kind, expectedUnit: definition.unit),
                                        line: fact.line))
            }
        }
        for action in submission.actionPlan where !indicatorIDs.contains(action.indicatorID) {
            warnings.append(Warning(.actionForUnknownIndicator(indicator: action.indicatorID, edition: edition,
                                                               nearest: suggest { framework.nearestIndicator(to: action.indicatorID) }),
                                    line: action.line))
        }
        return warnings
    }

    /// The errors alone (the vocabulary a submission's services use), without the warnings:
    /// what must be checked before evaluating when nobody reads the warnings.
    static func errors(framework: Framework, submission: Submission) -> [XMLDiagnostic] {
        let vocabulary = framework.vocabulary
        let file = submission.source
        let identity = framework.identity
        var errors: [XMLDiagnostic] = []
        func suggestion(_ nearest: String?) -> String { nearest.map { "did you mean `\($0)`? " } ?? "" }
        for service in submission.services {
            let location = SourceLocation(file: file, line: service.line)
            if vocabulary.serviceType(service.serviceType) == nil {
                let nearest = NearestMatch.nearest(to: service.serviceType, among: vocabulary.serviceTypes.map { .init(value: $0.id, names: [$0.label]) })
                errors.append(XMLDiagnostic(location: location,
                                            message: "service type '\(service.serviceType)' is not defined by \(identity.reference); \(suggestion(nearest))expected one of: \(vocabulary.serviceTypes.map(\.id).joined(separator: ", "))"))
            }
            for risk in service.riskLevels where vocabulary.riskLevel(risk) == nil {
                let nearest = NearestMatch.nearest(to: risk, among: vocabulary.riskLevels.map { .init(value: $0.id, names: [$0.label]) })
                errors.append(XMLDiagnostic(location: location,
                                            message: "risk level '\(risk)' (service '\(service.serviceType)') is not defined by \(identity.reference); \(suggestion(nearest))expected one of: \(vocabulary.riskLevels.map(\.id).joined(separator: ", "))"))
            }
        }
        return errors
    }
}
