import RespectModel

extension EvaluationAdjustments {
    /// Leaves out the items whose declared file could not be confirmed, with a reason for each
    /// indicator that relied on one and a warning for each item.
    mutating func leaveOut(_ files: EvidenceFileChecks, from submission: Submission, vocabulary: Vocabulary) {
        let items = Dictionary(submission.evidence.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        for check in files.unconfirmed {
            guard let item = items[check.evidenceID], let problem = check.problem else { continue }
            unconfirmedEvidence[check.evidenceID] = (Reason.evidenceFileNotConfirmed(
                evidenceID: check.evidenceID, evidenceType: vocabulary.evidenceTypeReference(item.type), path: check.path, problem: problem),
                                                     item.supports)
            warnings.append(Warning(.evidenceFileNotConfirmed(evidenceID: check.evidenceID, path: check.path,
                                                              declaredSHA256: check.declaredSHA256, problem: problem),
                                    line: item.line))
        }
        evidenceFiles = files.summary
    }
}
