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

    init(framework: Framework, indicatorIDs: Set<String>? = nil, submission: Submission, asOf: CalendarDate) {
        let vocabulary = framework.vocabulary
        let identity = framework.identity
        if submission.target.framework != identity.id || submission.target.edition != identity.edition {
            warnings.append(Warning(kind: .editionMismatch,
                                    message: "the submission targets \(submission.target.reference) but is evaluated against \(identity.reference)"))
        }
        if let successor = identity.supersededBy {
            warnings.append(Warning(kind: .supersededEdition,
                                    message: "\(identity.reference) is superseded by edition \(successor)"))
        }
        errors = Self.errors(framework: framework, submission: submission)
        let indicatorIDs = indicatorIDs ?? Set(framework.indicators.map(\.id))
        for item in submission.evidence {
            if vocabulary.evidenceType(item.type) == nil {
                warnings.append(Warning(kind: .unknownEvidenceType,
                                        message: "evidence \(item.id) has type '\(item.type)', which \(identity.reference) does not define; it cannot count for any indicator",
                                        line: item.line, evidenceID: item.id))
            }
            // One warning per item, however many unknown ids it lists.
            var seen = Set<String>()
            let unknown = item.supports.filter { !indicatorIDs.contains($0) && seen.insert($0).inserted }
            if !unknown.isEmpty {
                let shown = unknown.prefix(5).map { "'\($0)'" }.joined(separator: ", ")
                let message = unknown.count == 1
                    ? "evidence \(item.id) supports \(shown), which is not an indicator of \(identity.reference)"
                    : "evidence \(item.id) supports \(shown)\(unknown.count > 5 ? " and \(unknown.count - 5) more" : ""), which are not indicators of \(identity.reference)"
                warnings.append(Warning(kind: .unknownIndicator, message: message, line: item.line, evidenceID: item.id))
            }
            if item.issued > asOf {
                warnings.append(Warning(kind: .issuedAfterAsOf,
                                        message: "evidence \(item.id) is dated \(item.issued), after the as-of date \(asOf); it does not count",
                                        line: item.line, evidenceID: item.id, date: item.issued))
            }
        }
        for fact in submission.facts {
            guard let definition = vocabulary.fact(fact.id) else {
                warnings.append(Warning(kind: .unknownFact,
                                        message: "fact '\(fact.id)' is not defined by \(identity.reference); it is ignored", line: fact.line))
                continue
            }
            if definition.kind != fact.value.kind || definition.unit != fact.unit {
                warnings.append(Warning(kind: .factUnitMismatch,
                                        message: "fact '\(fact.id)' is stated as '\(fact.value)\(fact.unit.map { " " + $0 } ?? "")'; expected a \(definition.kind.rawValue)\(definition.unit.map { " in " + $0 } ?? "")",
                                        line: fact.line))
            }
        }
        for action in submission.actionPlan where !indicatorIDs.contains(action.indicatorID) {
            warnings.append(Warning(kind: .actionForUnknownIndicator,
                                    message: "action-plan entry for '\(action.indicatorID)', which is not an indicator of \(identity.reference)",
                                    line: action.line))
        }
    }

    /// The errors alone (the vocabulary a submission's services use), without the warnings:
    /// what must be checked before evaluating when nobody reads the warnings.
    static func errors(framework: Framework, submission: Submission) -> [XMLDiagnostic] {
        let vocabulary = framework.vocabulary
        let file = submission.source
        let identity = framework.identity
        var errors: [XMLDiagnostic] = []
        for service in submission.services {
            if vocabulary.serviceType(service.serviceType) == nil {
                errors.append(XMLDiagnostic(location: SourceLocation(file: file, line: 0),
                                            message: "service type '\(service.serviceType)' is not defined by \(identity.reference); expected one of: \(vocabulary.serviceTypes.map(\.id).joined(separator: ", "))"))
            }
            for risk in service.riskLevels where vocabulary.riskLevel(risk) == nil {
                errors.append(XMLDiagnostic(location: SourceLocation(file: file, line: 0),
                                            message: "risk level '\(risk)' (service '\(service.serviceType)') is not defined by \(identity.reference); expected one of: \(vocabulary.riskLevels.map(\.id).joined(separator: ", "))"))
            }
        }
        return errors
    }
}
