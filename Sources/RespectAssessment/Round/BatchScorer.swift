public import RespectEvaluation
public import RespectModel
public import RespectXML

/// Scores one submission file of a batch through `AssessmentEngine.assess` — the same pipeline
/// as `respect check`, so a file gets the same verdict, counts and missing list in both — and
/// reduces the result to a `BatchRow`.
///
/// Safe to call from many threads at once: the engine's standards library and compiled schemas
/// are shared, everything else is per call. Nothing it is given is kept, so memory does not
/// grow with the number of files scored.
public struct BatchScorer: Sendable {
    /// How a round's engine validates submissions: through the validation screen, which a
    /// round of many files repays (its verdicts are libxml2's full validation's).
    public static let screening = ValidationScreening.whenRecognised

    public let engine: AssessmentEngine
    /// The framework for every submission (`--framework`); nil: each submission's own target.
    public let fixedFramework: String?
    /// The as-of date for every submission (`--as-of`); nil: each submission's own date, else `today`.
    public let asOf: CalendarDate?
    public let today: CalendarDate
    /// Assessor findings to apply and a run store to record into (`--findings`, `--store`).
    public var review = BatchReview()

    public init(engine: AssessmentEngine, fixedFramework: String? = nil, asOf: CalendarDate? = nil, today: CalendarDate) {
        self.engine = engine
        self.fixedFramework = fixedFramework
        self.asOf = asOf
        self.today = today
    }

    /// The row for one file; never throws: a file that cannot be scored gets a row saying why.
    /// Suspends only to record the run (`review.record`).
    public func score(file: String) async -> BatchRow {
        await score(.file(file))
    }

    /// The row for one input (a file, or bytes such as a stored submission version).
    public func score(_ source: InputSource) async -> BatchRow {
        let file = source.name
        let request = AssessmentRequest(submission: source, framework: fixedFramework, asOf: asOf, today: today,
                                        findings: review.findings)
        do {
            guard let record = review.record else {
                let result = try engine.figures(request)
                var row = BatchRow(file: file, sha256: result.input.sha256, provider: result.submission.provider.name,
                                   outcome: BatchOutcome(result.figures.verdict), framework: result.resolved.edition.reference,
                                   asOf: result.asOf)
                row.registeredNumber = result.submission.provider.registeredNumber
                row.fill(from: result.figures, findingsGiven: !review.findings.isEmpty)
                return row
            }
            // The store keeps the full result.
            let result = try engine.assess(request)
            var row = BatchRow(file: file, sha256: result.input.sha256, provider: result.submission.provider.name,
                               outcome: BatchOutcome(result.assessment.outcome.verdict),
                               framework: result.resolved.edition.reference, asOf: result.asOf)
            row.registeredNumber = result.submission.provider.registeredNumber
            row.fill(from: AssessmentFigures(result.assessment), findingsGiven: !review.findings.isEmpty)
            do {
                row.run = try await record(result.assessment)
            } catch {
                row.storeError = "\(file): the run could not be recorded: \(error)"
            }
            return row
        } catch {
            return Self.row(file: file, failure: error)
        }
    }

    /// The row for one input and, when it could be scored, the full assessment (its inputs filled
    /// in), for a caller that records the run itself — in the same transaction as its own records.
    /// The row is the one `score` gives without a store.
    public func scoreInFull(_ source: InputSource) -> (row: BatchRow, assessment: Assessment?) {
        let request = AssessmentRequest(submission: source, framework: fixedFramework, asOf: asOf, today: today,
                                        findings: review.findings)
        do {
            let result = try engine.assess(request)
            var row = BatchRow(file: source.name, sha256: result.input.sha256, provider: result.submission.provider.name,
                               outcome: BatchOutcome(result.assessment.outcome.verdict),
                               framework: result.resolved.edition.reference, asOf: result.asOf)
            row.registeredNumber = result.submission.provider.registeredNumber
            row.fill(from: AssessmentFigures(result.assessment), findingsGiven: !review.findings.isEmpty)
            return (row, result.assessment)
        } catch {
            return (Self.row(file: source.name, failure: error), nil)
        }
    }

    /// The documents an assessor keeps beside a round's submissions: found among them, they are
    /// skipped with a note rather than counted as failed submissions.
    public static let skippedKinds: Set<DocumentKind> = [.findings, .tender]

    /// The row of a file that could not be scored, with what was learnt before the failure.
    static func row(file: String, failure: AssessmentFailure) -> BatchRow {
        var row = BatchRow(file: file, sha256: failure.input?.sha256, provider: failure.submission?.provider.name,
                           outcome: outcome(for: failure.error), framework: failure.framework, asOf: failure.asOf)
        row.registeredNumber = failure.submission?.provider.registeredNumber
        if case .load(.wrongKind(_, .submission, let found)) = failure.error, Self.skippedKinds.contains(found) {
            row.skipped = found
        }
        if case .load(.notInstalled) = failure.error {
            // Located at the submission that needs the edition, not at the standards folder.
            row.errors = ["\(file): \(failure.error.description)"]
        } else {
            row.errors = failure.error.diagnostics.map(\.description)
        }
        return row
    }

    /// The outcome a failure means.
    static func outcome(for error: AssessmentError) -> BatchOutcome {
        switch error {
        case .load(.input(let input)):
            switch input {
            case .notWellFormed, .doctypeNotAllowed, .tooDeep, .tooManyElements: .notWellFormed
            case .overCap: .inconsistent
            case .notValid, .schemaUnusable: .invalid
            case .fileNotFound, .notARegularFile, .unreadable, .empty, .tooLarge: .unreadable
            case .unknownDocument: .notASubmission
            }
        case .load(.wrongKind): .notASubmission
        case .load(.inconsistent), .submissionMismatch, .crosswalkMismatch, .tenderMismatch: .inconsistent
        case .load(.notInstalled), .load(.ambiguousEdition): .frameworkMissing
        case .noInput: .unreadable
        case .invalidChoice, .register: .inconsistent
        }
    }
}

extension BatchRow {
    /// The verdict's figures: totals, safety-critical failures and the missing entries, most
    /// urgent first (within each rank, the framework's section order).
    mutating func fill(from figures: AssessmentFigures, findingsGiven: Bool) {
        outcome = BatchOutcome(figures.verdict)
        if findingsGiven {
            findingsApplied = figures.findingsApplied
            findingsFilesMatched = figures.findingsFilesMatched
        }
        mandatoryMet = figures.mandatoryMet
        mandatoryApplicable = figures.mandatoryApplicable
        safetyCriticalFailures = figures.safetyCriticalFailures.map { "\($0.number) \($0.id)" }
        let entries = figures.missingEvidence
        missingCount = entries.count
        let ranked = entries.enumerated().sorted { lhs, rhs in
            (Self.rank(lhs.element), lhs.offset) < (Self.rank(rhs.element), rhs.offset)
        }
        missing = ranked.map { BatchRow.MissingEntry($0.element) }
    }

    private static func rank(_ item: MissingEvidenceFigure) -> Int {
        item.safetyCritical ? 0 : item.level == .mandatory ? 1 : 2
    }
}
