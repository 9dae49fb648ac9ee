import RespectEvaluation
public import RespectModel
public import RespectXML

/// Scores one submission file of a batch: read, hash, validate, evaluate against the framework
/// it targets (or the one given for all), and reduce the assessment to a `BatchRow`.
///
/// This is the whole per-file pipeline, safe to call from many threads at once: the loader's
/// compiled schemas and the framework cache are shared, everything else is per call. Nothing
/// it is given is kept, so memory does not grow with the number of files scored.
public struct BatchScorer: Sendable {
    /// How a round's loader validates submissions: through the validation screen, which a
    /// round of many files repays (its verdicts are libxml2's full validation's).
    public static let screening = ValidationScreening.whenRecognised

    public let loader: DocumentLoader
    public let frameworks: FrameworkCache
    /// The framework for every submission (`--framework`); nil: each submission's own target.
    public let fixedFramework: String?
    /// The as-of date for every submission (`--as-of`); nil: each submission's own date, else `today`.
    public let asOf: CalendarDate?
    public let today: CalendarDate
    /// Assessor findings to apply and a run store to record into (`--findings`, `--store`).
    public var review = BatchReview()

    public init(loader: DocumentLoader, frameworks: FrameworkCache, fixedFramework: String? = nil,
                asOf: CalendarDate? = nil, today: CalendarDate) {
        self.loader = loader
        self.frameworks = frameworks
        self.fixedFramework = fixedFramework
        self.asOf = asOf
        self.today = today
    }

    /// The row for one file; never throws: a file that cannot be scored gets a row saying why.
    public func score(file: String) -> BatchRow {
        var row = BatchRow(file: file, outcome: .unreadable)
        do {
            let bytes: [UInt8]
            do {
                bytes = try loader.reader.bytes(contentsOf: file)
            } catch {
                throw DocumentLoadError.input(error)
            }
            row.sha256 = InputFile.sha256(of: bytes)
            let submission = try loader.loadSubmission(bytes: bytes, path: file)
            row.provider = submission.provider.name
            let framework = try frameworks.framework(fixedFramework ?? submission.target.reference)
            row.framework = framework.entry.framework.identity.reference
            let date = asOf ?? submission.asOf ?? today
            row.asOf = date
            let findings = review.findings?(submission, row.sha256 ?? "") ?? []
            if findings.isEmpty && review.record == nil {
                // Only the row's figures are needed: the rest of the assessment is not written.
                fill(&row, from: try framework.evaluator.figures(of: submission, asOf: date))
                return row
            }
            var assessment: Assessment
            if !findings.isEmpty {
                assessment = try framework.evaluator.evaluate(submission, asOf: date, findings: findings, submissionSHA256: row.sha256)
            } else {
                assessment = try framework.evaluator.evaluate(submission, asOf: date)  // the store keeps the full result
            }
            fill(&row, from: AssessmentFigures(assessment))
            if let record = review.record {
                assessment.inputs = [row.sha256.map { InputFile(role: "submission", path: file, sha256: $0) }, framework.input].compactMap { $0 }
                    + Findings.inputFiles(findings, concerning: submission, submissionSHA256: row.sha256)
                do {
                    row.run = try record(assessment)
                } catch {
                    row.storeError = "\(file): the run could not be recorded: \(error)"
                }
            }
        } catch let error as DocumentLoadError {
            row.outcome = Self.outcome(for: error)
            if case .notInstalled = error {
                // Located at the submission that needs the edition, not at the standards folder.
                row.errors = ["\(file): \(error.description)"]
            } else {
                row.errors = error.diagnostics.map(\.description)
            }
        } catch let error as SubmissionMismatch {
            row.outcome = .inconsistent
            row.errors = error.problems.map(\.description)
        } catch {
            row.outcome = .inconsistent
            row.errors = ["\(file): \(error)"]
        }
        return row
    }

    private func fill(_ row: inout BatchRow, from figures: AssessmentFigures) {
        row.outcome = BatchOutcome(figures.verdict)
        row.mandatoryMet = figures.mandatoryMet
        row.mandatoryApplicable = figures.mandatoryApplicable
        row.safetyCriticalFailures = figures.safetyCriticalFailures.map { "\($0.number) \($0.id)" }
        let missing = figures.missingEvidence
        row.missingCount = missing.count
        // Stable: within each rank, the framework's section order.
        let ranked = missing.enumerated().sorted { lhs, rhs in
            (Self.rank(lhs.element), lhs.offset) < (Self.rank(rhs.element), rhs.offset)
        }
        row.reasons = ranked.map { Self.reason($0.element) }
    }

    private static func rank(_ item: MissingEvidenceFigure) -> Int {
        item.safetyCritical ? 0 : item.level == .mandatory ? 1 : 2
    }

    /// "7.1.1 iss-in-place-for-every-intervention (safety-critical): <first reason>".
    static func reason(_ item: MissingEvidenceFigure) -> String {
        let tag = item.safetyCritical ? " (safety-critical)" : item.level == .mandatory ? "" : " (desirable)"
        let why = item.firstReason ?? item.firstToProvide ?? item.status.label
        return "\(item.indicator.number) \(item.indicator.id)\(tag): \(why)"
    }

    /// The outcome a loading error means.
    static func outcome(for error: DocumentLoadError) -> BatchOutcome {
        switch error {
        case .input(let input):
            switch input {
            case .notWellFormed, .doctypeNotAllowed, .tooDeep, .tooManyElements: .notWellFormed
            case .notValid, .schemaUnusable: .invalid
            case .fileNotFound, .notARegularFile, .unreadable, .empty, .tooLarge: .unreadable
            case .unknownDocument: .notASubmission
            }
        case .wrongKind: .notASubmission
        case .inconsistent: .inconsistent
        case .notInstalled, .ambiguousEdition: .frameworkMissing
        }
    }
}
