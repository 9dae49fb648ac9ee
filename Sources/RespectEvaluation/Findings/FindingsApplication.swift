public import RespectModel

extension Evaluator {
    /// Evaluates `submission` as of `asOf` with an assessor's findings applied on top.
    ///
    /// Findings files whose subject does not match the submission (its provider, and the file's
    /// SHA-256 `submissionSHA256` when the subject names one) are ignored with a warning. Of the
    /// rest: an expired finding (expiry before `asOf`) is listed as expired; one on an unknown
    /// indicator or item, on an indicator that does not apply, or on an item whose document
    /// changed, is listed and warned about; of several on the same target the latest-dated
    /// applies. Then:
    /// - evidence rejected: the item no longer counts; accepted: it counts whatever its dates;
    ///   needs site visit: indicators it makes met need an assessor;
    /// - indicator accepted → met; rejected → not met; needs site visit → needs assessor;
    /// and the roll-ups, outcome and missing-evidence list are recomputed.
    ///
    /// `evidenceFiles`, when given, are the declared files checked under an evidence root: an
    /// item whose file is missing or different does not count (each relying indicator says
    /// why, and a warning names the item), for the engine's own view and with the findings.
    ///
    /// With no findings files and no evidence files the result is exactly `evaluate(_:asOf:)`'s.
    public func evaluate(_ submission: Submission, asOf: CalendarDate, findings: [Findings],
                         submissionSHA256: String?, evidenceFiles: EvidenceFileChecks? = nil) throws(SubmissionMismatch) -> Assessment {
        var files = EvaluationAdjustments()
        if let evidenceFiles { files.leaveOut(evidenceFiles, from: submission, vocabulary: framework.vocabulary) }
        let automated = try evaluate(submission, asOf: asOf, adjustments: files)
        guard !findings.isEmpty else { return automated }
        var application = FindingsApplication(framework: framework, submission: submission, automated: automated, asOf: asOf)
        let adjustments = application.classify(findings, submissionSHA256: submissionSHA256).adding(evidenceFilesOf: files)
        var assessment = try evaluate(submission, asOf: asOf, adjustments: adjustments)
        application.annotate(&assessment)
        return assessment
    }
}

/// Sorts findings into those that apply and those that do not, and records, beside the
/// assessor's decisions, what the engine said without them.
struct FindingsApplication {
    let framework: Framework
    let submission: Submission
    let automated: Assessment
    let asOf: CalendarDate
    private(set) var files: [FindingsFileResult] = []
    private(set) var entries: [FindingEntry] = []
    private(set) var warnings: [Warning] = []

    init(framework: Framework, submission: Submission, automated: Assessment, asOf: CalendarDate) {
        self.framework = framework
        self.submission = submission
        self.automated = automated
        self.asOf = asOf
    }

    mutating func classify(_ findingsFiles: [Findings], submissionSHA256: String?) -> EvaluationAdjustments {
        var winners: [String: Int] = [:]
        for file in findingsFiles {
            let matched = file.subject.matches(submission.provider, submissionSHA256: submissionSHA256)
            files.append(FindingsFileResult(file: file.source, subject: file.subject, matched: matched, findings: file.findings.count))
            guard matched else {
                warnings.append(Warning(.findingsNotForSubmission(subject: file.subject, provider: submission.provider.name,
                                                                  submissionSHA256: submissionSHA256),
                                        file: file.source))
                continue
            }
            for finding in file.findings {
                var entry = FindingEntry(kind: finding.kind, targetID: finding.targetID, decision: finding.decision,
                                         reason: finding.reason, assessor: finding.assessor, date: finding.date,
                                         expires: finding.expires, file: file.source, line: finding.line,
                                         state: state(of: finding), automated: automatedView(of: finding), changes: [])
                if entry.state == .applied {
                    let key = "\(finding.kind.rawValue) \(finding.targetID)"
                    if let previous = winners[key] {
                        if entries[previous].date <= finding.date {
                            entries[previous].state = .superseded
                            winners[key] = entries.count
                        } else {
                            entry.state = .superseded
                        }
                    } else {
                        winners[key] = entries.count
                    }
                }
                if let warning = warning(for: entry, finding: finding) { warnings.append(warning) }
                entries.append(entry)
            }
        }
        var adjustments = EvaluationAdjustments()
        for (index, entry) in entries.enumerated() where entry.state == .applied {
            let finding = Finding(kind: entry.kind, targetID: entry.targetID, decision: entry.decision, reason: entry.reason,
                                  assessor: entry.assessor, date: entry.date, expires: entry.expires, line: entry.line)
            switch (entry.kind, entry.decision) {
            case (.indicator, _): adjustments.indicatorDecisions[entry.targetID] = (finding, entries[index].location)
            case (.evidence, .accepted): adjustments.acceptedEvidence.insert(entry.targetID)
            case (.evidence, .rejected):
                let supports = submission.evidence.first { $0.id == entry.targetID }?.supports ?? []
                adjustments.rejectedEvidence[entry.targetID] = (finding, supports)
            case (.evidence, .needsSiteVisit): adjustments.siteVisitEvidence[entry.targetID] = finding
            }
        }
        return adjustments
    }

    /// Marks what changed in `assessment` and adds the findings summary and warnings.
    func annotate(_ assessment: inout Assessment) {
        // Gates are judged like indicators, and findings may decide them too.
        let before = Dictionary((automated.indicators + (automated.gates ?? []).map(\.result)).map { ($0.id, $0.status) },
                                uniquingKeysWith: { first, _ in first })
        for index in assessment.indicators.indices {
            let result = assessment.indicators[index]
            if let old = before[result.id], old != result.status || result.assessorDecision != nil {
                assessment.indicators[index].automatedStatus = old
            }
        }
        for index in (assessment.gates ?? []).indices {
            let result = assessment.gates![index].result
            if let old = before[result.id], old != result.status || result.assessorDecision != nil {
                assessment.gates![index].result.automatedStatus = old
            }
        }
        let after = Dictionary((assessment.indicators + (assessment.gates ?? []).map(\.result)).map { ($0.id, $0) },
                               uniquingKeysWith: { first, _ in first })
        let decided = Set(entries.filter { $0.state == .applied && $0.kind == .indicator }.map(\.targetID))
        var summaryEntries = entries
        for index in summaryEntries.indices where summaryEntries[index].state == .applied {
            let entry = summaryEntries[index]
            let targets: [String]
            switch entry.kind {
            case .indicator: targets = [entry.targetID]
            case .evidence:
                let supports = submission.evidence.first { $0.id == entry.targetID }?.supports ?? []
                targets = supports.filter { !decided.contains($0) }
            }
            summaryEntries[index].changes = targets.compactMap { id in
                guard let result = after[id], let old = before[id], old != result.status else { return nil }
                return IndicatorChange(id: id, number: result.number, from: old, to: result.status)
            }
        }
        assessment.findings = FindingsSummary(automatedOutcome: OutcomeSummary(automated.outcome), files: files,
                                              entries: summaryEntries)
        assessment.warnings += warnings
    }

    private func state(of finding: Finding) -> FindingState {
        switch finding.kind {
        case .indicator:
            guard framework.indicator(id: finding.targetID) != nil || framework.gate(id: finding.targetID) != nil else { return .unknownTarget }
            if finding.isExpired(asOf: asOf) { return .expired }
            if automated.indicators.first(where: { $0.id == finding.targetID })?.status == .notApplicable { return .notApplicable }
        case .evidence:
            guard let item = submission.evidence.first(where: { $0.id == finding.targetID }) else { return .unknownTarget }
            if finding.isExpired(asOf: asOf) { return .expired }
            if let judged = finding.fileSHA256, judged.lowercased() != item.file?.sha256.lowercased() { return .fileChanged }
        }
        return .applied
    }

    /// The engine's own view of the finding's target.
    private func automatedView(of finding: Finding) -> AutomatedView {
        switch finding.kind {
        case .indicator:
            return automated.indicators.first { $0.id == finding.targetID }.map { .status($0.status) } ?? .unknownIndicator
        case .evidence:
            guard submission.evidence.contains(where: { $0.id == finding.targetID }) else { return .unknownEvidence }
            let countedFor = automated.indicators.filter { $0.evidenceUsed.contains(finding.targetID) }.map(\.id)
            if !countedFor.isEmpty { return .countedFor(countedFor) }
            let doubts = automated.indicators.flatMap { result in
                result.reasons.filter { $0.evidenceID == finding.targetID }.map { IndicatorReason(indicator: result.id, reason: $0) }
            }
            return .notCounted(IndicatorReason.eachKindOnce(doubts))
        }
    }

    private func warning(for entry: FindingEntry, finding: Finding) -> Warning? {
        let cause: Warning.Cause
        switch entry.state {
        case .applied, .superseded:
            return nil
        case .expired:
            guard let expires = entry.expires else { return nil }
            cause = .findingExpired(target: entry.kind, id: entry.targetID, expired: expires, asOf: asOf)
        case .unknownTarget:
            cause = .unknownFindingTarget(target: entry.kind, id: entry.targetID,
                                          edition: entry.kind == .indicator ? framework.identity.reference : nil)
        case .notApplicable:
            cause = .findingNotApplied(target: entry.kind, id: entry.targetID, because: .indicatorNotApplicable)
        case .fileChanged:
            cause = .findingNotApplied(target: entry.kind, id: entry.targetID, because: .fileChanged(judgedSHA256: finding.fileSHA256 ?? ""))
        }
        return Warning(cause, line: entry.line, file: entry.file)
    }
}
