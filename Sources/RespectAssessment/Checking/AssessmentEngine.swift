public import RespectEvaluation
public import RespectModel
public import RespectXML

/// The use cases every front end calls — each command of `respect`, and the server — so that
/// the same submission gets the same verdict, counts and missing-evidence list everywhere.
///
/// Assessing a submission is one pipeline: read the bytes once (the bytes hashed are the bytes
/// parsed), load and validate them, choose the framework edition (`StandardsLibrary`: the one
/// asked for or the one targeted, marked superseded when it is, carried over from an older
/// edition through its links), apply the assessor findings that concern it, evaluate, and read
/// the result through a crosswalk when asked. Safe to share between threads.
public struct AssessmentEngine: Sendable {
    public let library: StandardsLibrary

    public init(library: StandardsLibrary) {
        self.library = library
    }

    /// An engine over a standards folder (framework files, and the XSDs in its `schema/` folder).
    public init(standards directory: String, loader: DocumentLoader) {
        self.init(library: StandardsLibrary(directory: directory, loader: loader))
    }

    public var loader: DocumentLoader { library.loader }

    /// Assesses one submission in full.
    ///
    /// - Throws: `AssessmentFailure`, with what was learnt before the failure.
    public func assess(_ request: AssessmentRequest) throws(AssessmentFailure) -> SubmissionAssessment {
        var failure = AssessmentFailure(error: .noInput(""))
        do throws(AssessmentError) {
            let prepared = try prepare(request, noting: &failure)
            var assessment = try evaluate(prepared.submission, against: prepared.resolved, asOf: prepared.asOf,
                                          findings: prepared.findings, sha256: prepared.input.sha256, evidenceFiles: prepared.evidenceFiles)
            var crosswalkInputs: [InputFile] = []
            if let crosswalk = request.crosswalk {
                crosswalkInputs = try read(crosswalk, into: &assessment, source: prepared.resolved.edition.framework)
            }
            assessment.inputs = [prepared.input] + prepared.resolved.inputs + crosswalkInputs
                + request.findings.inputFiles(prepared.findings, concerning: prepared.submission, sha256: prepared.input.sha256)
            return SubmissionAssessment(input: prepared.input, submission: prepared.submission, resolved: prepared.resolved,
                                        asOf: prepared.asOf, findings: prepared.findings, assessment: assessment)
        } catch {
            failure.error = error
            throw failure
        }
    }

    /// The figures of a submission's assessment (verdict, totals, safety-critical failures,
    /// missing entries): what a batch row shows. Without findings they are computed without
    /// writing the rest of the assessment; they always equal `AssessmentFigures(assess(…))`.
    ///
    /// - Throws: `AssessmentFailure`, with what was learnt before the failure.
    public func figures(_ request: AssessmentRequest) throws(AssessmentFailure) -> SubmissionFigures {
        var failure = AssessmentFailure(error: .noInput(""))
        do throws(AssessmentError) {
            let prepared = try prepare(request, noting: &failure)
            let figures: AssessmentFigures
            if prepared.findings.isEmpty && prepared.evidenceFiles == nil {
                figures = try self.figures(of: prepared.submission, against: prepared.resolved, asOf: prepared.asOf)
            } else {
                figures = AssessmentFigures(try evaluate(prepared.submission, against: prepared.resolved, asOf: prepared.asOf,
                                                         findings: prepared.findings, sha256: prepared.input.sha256,
                                                         evidenceFiles: prepared.evidenceFiles))
            }
            return SubmissionFigures(input: prepared.input, submission: prepared.submission, resolved: prepared.resolved,
                                     asOf: prepared.asOf, figures: figures)
        } catch {
            failure.error = error
            throw failure
        }
    }

    /// Read, load, resolve, date and findings: the steps before evaluating, the same for
    /// `assess` and `figures`. Notes in `failure` what it learns, for the error a later step throws.
    private func prepare(_ request: AssessmentRequest,
                         noting failure: inout AssessmentFailure) throws(AssessmentError) -> PreparedSubmission {
        let (input, submission) = try readSubmission(request.submission, noting: &failure)
        failure.submission = submission
        let resolved = try resolve(submission, requested: request.framework)
        failure.framework = resolved.edition.reference
        let asOf = request.asOf ?? submission.asOf ?? request.today
        failure.asOf = asOf
        let evidenceFiles = try request.evidenceRoot.map { root throws(AssessmentError) in try EvidenceFileChecker(root: root).check(submission) }
        return PreparedSubmission(input: input, submission: submission, resolved: resolved, asOf: asOf,
                                  findings: request.findings.concerning(submission, sha256: input.sha256), evidenceFiles: evidenceFiles)
    }

    /// Reads and loads the submission; notes its input record in `failure` once known. A file
    /// is parsed in pieces and hashed as it is read (`DocumentLoader.parseSubmissionInPieces`),
    /// else read whole, hashed, and parsed from those bytes, which gives every error.
    private func readSubmission(_ source: InputSource,
                                noting failure: inout AssessmentFailure) throws(AssessmentError) -> (InputFile, Submission) {
        if case .file(let path) = source, let parsed = loader.parseSubmissionInPieces(path: path) {
            let input = InputFile(role: "submission", path: path, sha256: parsed.sha256)
            failure.input = input
            do {
                return (input, try loader.build(parsed))
            } catch {
                throw .load(error)
            }
        }
        var document = try read(source)
        let input = document.record(role: "submission")
        failure.input = input
        return (input, try loadSubmission(taking: &document))
    }

    // MARK: - The steps, shared by every use case

    /// Reads an input once.
    public func read(_ source: InputSource) throws(AssessmentError) -> InputDocument {
        do {
            return try source.read(with: loader.reader)
        } catch {
            throw .load(error)
        }
    }

    /// Loads and validates a submission from the bytes read, taking them from `document` (its
    /// name and digest stay): they are released once parsed, so the largest submission's bytes
    /// are not in memory while its model is built.
    func loadSubmission(taking document: inout InputDocument) throws(AssessmentError) -> Submission {
        let bytes = document.bytes
        document.bytes = []
        do {
            return try loader.loadSubmission(bytes: consume bytes, path: document.name)
        } catch {
            throw .load(error)
        }
    }

    /// Loads and validates a submission from the bytes read.
    public func loadSubmission(_ document: InputDocument) throws(AssessmentError) -> Submission {
        do {
            return try loader.loadSubmission(bytes: document.bytes, path: document.name)
        } catch {
            throw .load(error)
        }
    }

    /// The edition to evaluate `submission` against (see `StandardsLibrary.resolve`).
    public func resolve(_ submission: Submission, requested: String?) throws(AssessmentError) -> ResolvedEdition {
        do {
            return try library.resolve(target: submission.target, requested: requested)
        } catch {
            throw .load(error)
        }
    }

    /// Evaluates `submission` against a resolved edition, carrying it over first when it was
    /// written for an older one, with `findings` applied.
    public func evaluate(_ submission: Submission, against resolved: ResolvedEdition, asOf: CalendarDate,
                         findings: [Findings] = [], sha256: String? = nil,
                         evidenceFiles: EvidenceFileChecks? = nil) throws(AssessmentError) -> Assessment {
        do {
            if let plan = resolved.migration {
                return try plan.migration.evaluate(submission, asOf: asOf, evaluator: resolved.edition.evaluator,
                                                   findings: findings, submissionSHA256: sha256, evidenceFiles: evidenceFiles)
            }
            return try resolved.edition.evaluator.evaluate(submission, asOf: asOf, findings: findings, submissionSHA256: sha256,
                                                           evidenceFiles: evidenceFiles)
        } catch {
            throw .submissionMismatch(error)
        }
    }

    /// The figures `evaluate` would give without findings, computed without writing the rest
    /// of the assessment.
    public func figures(of submission: Submission, against resolved: ResolvedEdition,
                        asOf: CalendarDate) throws(AssessmentError) -> AssessmentFigures {
        let evaluated = resolved.migration.map { $0.migration.migrate(submission) } ?? submission
        do {
            return try resolved.edition.evaluator.figures(of: evaluated, asOf: asOf)
        } catch {
            throw .submissionMismatch(error)
        }
    }

    /// Reads a crosswalk and its target framework and adds the coverage to `assessment`;
    /// returns the input records of the two files.
    private func read(_ source: InputSource, into assessment: inout Assessment,
                      source framework: Framework) throws(AssessmentError) -> [InputFile] {
        let document = try read(source)
        let crosswalk: Crosswalk
        let target: LoadedEdition
        do {
            crosswalk = try loader.loadCrosswalk(bytes: document.bytes, path: document.name)
            target = try library.edition(crosswalk.target.reference)
        } catch {
            throw .load(error)
        }
        do {
            assessment.crosswalk = try CrosswalkCoverage(crosswalk: crosswalk, assessment: assessment,
                                                         source: framework, target: target.framework)
        } catch {
            throw .crosswalkMismatch(error)
        }
        return [document.record(role: "crosswalk"),
                InputFile(role: "crosswalk-target", path: target.input.path, sha256: target.input.sha256)]
    }
}
