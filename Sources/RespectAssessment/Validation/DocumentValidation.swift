public import RespectEvaluation
public import RespectModel
public import RespectXML

/// The result of validating one file: what it is, in figures, or every located problem.
public struct DocumentValidation: Sendable {
    public var file: String
    /// `nil` when the kind could not be told (unreadable, not well formed, unknown root).
    public var kind: DocumentKind?
    /// What the file holds, when it is valid.
    public var summary: DocumentSummary?
    public var problems: [XMLDiagnostic]
    /// In a submission: what counts for nothing against the edition it targets (an unknown
    /// evidence type, a link to an id that is not an indicator, a fact without its unit…), each
    /// located and with the nearest valid value where one is near. Any of these makes the file
    /// invalid: a provider would otherwise believe the evidence counts.
    public var notCounted: [Warning] = []
    /// `nil` when the file is valid.
    public var failure: FailureKind?

    public var isValid: Bool { failure == nil }
}

/// What a valid file holds, in figures (the words are the reports' business).
public enum DocumentSummary: Sendable {
    case framework(reference: String, indicators: Int, sections: Int)
    /// `editionInstalled` false: the edition it targets is not installed, so its vocabulary was
    /// not checked against it.
    case submission(provider: String, target: FrameworkTarget, evidenceItems: Int, editionInstalled: Bool)
    case crosswalk(id: String, source: String, target: String, standards: Int)
    case findings(count: Int, subject: FindingsSubject)
    case tender(reference: String, accepts: [FrameworkTarget])
}

extension AssessmentEngine {
    /// Validates a framework, submission, tender, findings or crosswalk file (the kind is told
    /// from the root element): hardened parse, its XSD, the consistency its builder checks, and
    /// for a submission whose targeted edition is installed, that its services fit that
    /// edition's vocabulary and that nothing in it counts for nothing (`notCounted`). Never
    /// throws: problems are in the result.
    public func validate(_ source: InputSource) -> DocumentValidation {
        var result = DocumentValidation(file: source.name, kind: nil, summary: nil, problems: [], failure: nil)
        do throws(AssessmentError) {
            let loaded: LoadedDocument
            // A submission file is read in pieces, as `check` reads it; anything else whole.
            if case .file(let path) = source, let parsed = loader.parseSubmissionInPieces(path: path) {
                do {
                    loaded = .submission(try loader.build(parsed))
                } catch {
                    throw AssessmentError.load(error)
                }
            } else {
                let document = try read(source)
                do {
                    loaded = try loader.load(bytes: document.bytes, sourceName: document.name)
                } catch {
                    throw AssessmentError.load(error)
                }
            }
            result.kind = loaded.kind
            switch loaded {
            case .framework(let framework):
                result.summary = .framework(reference: framework.identity.reference, indicators: framework.indicators.count,
                                            sections: framework.sections.count)
            case .submission(let submission):
                var installed = false
                if let edition = try? library.edition(submission.target.reference) {
                    installed = true
                    // Every problem at once: services outside the edition's vocabulary, and
                    // everything that would count for nothing.
                    do {
                        try edition.evaluator.checkFits(submission)
                    } catch {
                        result.problems = error.problems
                        result.failure = AssessmentError.submissionMismatch(error).kind
                    }
                    result.notCounted = edition.evaluator.evidenceThatWillNotCount(in: submission)
                    if !result.notCounted.isEmpty { result.failure = result.failure ?? .badData }
                }
                result.summary = .submission(provider: submission.provider.name, target: submission.target,
                                             evidenceItems: submission.evidence.count, editionInstalled: installed)
            case .crosswalk(let crosswalk):
                result.summary = .crosswalk(id: crosswalk.id, source: crosswalk.source.reference,
                                            target: crosswalk.target.reference, standards: crosswalk.standards.count)
            case .findings(let findings):
                result.summary = .findings(count: findings.findings.count, subject: findings.subject)
            case .tender(let tender):
                result.summary = .tender(reference: tender.reference, accepts: tender.frameworks.editions)
            }
        } catch {
            result.problems = error.diagnostics
            result.failure = error.kind
        }
        return result
    }
}
