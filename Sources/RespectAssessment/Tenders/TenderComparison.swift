public import RespectEvaluation
public import RespectModel

/// What to compare: a commissioner's tender and the bids made to it.
public struct TenderRequest: Sendable {
    public var tender: InputSource
    /// In the order they are reported when not ranked (bids are ranked in the result).
    public var bids: [InputSource]
    /// Framework files or `ID@EDITION` references for accepted editions; any accepted edition
    /// not named here comes from the standards folder.
    public var frameworks: [String]

    public init(tender: InputSource, bids: [InputSource], frameworks: [String] = []) {
        self.tender = tender
        self.bids = bids
        self.frameworks = frameworks
    }
}

extension AssessmentEngine {
    /// Checks every bid against the tender and compares them.
    ///
    /// Each bid goes through the same steps as `assess`: read once, loaded, evaluated as of the
    /// tender's deadline against the accepted edition it targets with the tender's stricter
    /// thresholds and local indicators applied. A bid written for an older installed edition
    /// of an accepted framework is carried over to the accepted edition exactly as `check
    /// --framework` does. A bid for an edition the tender does not accept is evaluated against
    /// that edition (when installed) so its outcome still shows; it is not compliant. A bid that
    /// cannot be read is reported with its located problems, and the others are still checked.
    ///
    /// - Throws: when the tender cannot be read or does not fit an accepted edition, or an
    ///   accepted edition is missing.
    public func compareBids(_ request: TenderRequest) throws(AssessmentError) -> TenderResult {
        let document = try read(request.tender)
        let tender: Tender
        var accepted: [LoadedEdition] = []
        do {
            tender = try loader.loadTender(bytes: document.bytes, path: document.name)
            var named: [LoadedEdition] = []
            for reference in request.frameworks { named.append(try library.edition(reference)) }
            for target in tender.frameworks.editions {
                if let given = named.first(where: { $0.reference == target.reference }) {
                    accepted.append(given)
                } else {
                    accepted.append(try library.edition(target.reference))
                }
            }
        } catch {
            throw .load(error)
        }
        let evaluator: TenderEvaluator
        do {
            evaluator = try TenderEvaluator(tender: tender, frameworks: accepted.map(\.framework))
        } catch {
            throw .tenderMismatch(error)
        }
        // The accepted editions as the tender changes them, each with its evaluator.
        let prepared = accepted.compactMap { edition in
            evaluator.framework(for: FrameworkTarget(framework: edition.framework.identity.id, edition: edition.framework.identity.edition))
                .map { LoadedEdition(framework: $0, input: edition.input, variant: "tender \(tender.reference)") }
        }
        let bids = request.bids.map { judge($0, evaluator: evaluator, prepared: prepared, deadline: tender.timetable.deadline) }
        var result = evaluator.compare(bids)
        result.inputs = [document.record(role: "tender")] + accepted.map(\.input)
        return result
    }

    /// Reads, loads, evaluates and judges one bid; never throws: a bid that cannot be read or
    /// evaluated is a not-compliant result with its problems.
    private func judge(_ source: InputSource, evaluator: TenderEvaluator, prepared: [LoadedEdition],
                       deadline: CalendarDate) -> TenderBidResult {
        var document: InputDocument?
        let bid: Submission
        do {
            let read = try read(source)
            document = read
            bid = try loadSubmission(read)
        } catch {
            var result = TenderEvaluator.unreadable(file: source.name, problems: error.diagnostics.map(\.description))
            result.input = document?.record(role: "bid")
            return result
        }
        guard let document else { return TenderEvaluator.unreadable(file: source.name, problems: []) }
        let (resolved, isAccepted) = edition(for: bid, prepared: prepared)
        var evaluated = bid
        let evaluation: Result<Assessment, SubmissionMismatch>?
        if let resolved {
            if let plan = resolved.migration { evaluated = plan.migration.migrate(bid) }
            do {
                var assessment = try evaluate(bid, against: resolved, asOf: deadline)
                assessment.inputs = [document.record(role: "bid")] + resolved.inputs
                evaluation = .success(assessment)
            } catch {
                if case .submissionMismatch(let mismatch) = error { evaluation = .failure(mismatch) } else { evaluation = nil }
            }
        } else {
            evaluation = nil
        }
        var result = evaluator.judge(evaluated, evaluation: evaluation, accepted: isAccepted)
        result.file = document.name
        result.target = bid.target
        result.input = document.record(role: "bid")
        return result
    }

    /// The edition a bid is judged under: the tender's copy of the accepted edition it targets,
    /// or of an accepted newer edition of the same framework it is carried over to; otherwise
    /// the installed edition it targets (not accepted), or none.
    private func edition(for bid: Submission, prepared: [LoadedEdition]) -> (ResolvedEdition?, accepted: Bool) {
        if let direct = prepared.first(where: { $0.reference == bid.target.reference }) {
            return (ResolvedEdition(edition: direct), true)
        }
        for edition in prepared {
            if let plan = try? library.migration(for: bid.target, to: edition) {
                return (ResolvedEdition(edition: edition, migration: plan), true)
            }
        }
        return ((try? library.resolve(target: bid.target, requested: nil)), false)
    }
}
