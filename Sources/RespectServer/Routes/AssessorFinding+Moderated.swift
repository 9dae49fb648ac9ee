import RespectAssessment
import RespectModel
import RespectStore

extension AssessorFinding {
    /// The finding as the engine reads it, and where its moderation stands.
    var moderated: ModeratedFinding {
        let state: ModeratedFinding.State = switch moderation?.agrees {
        case true?: .agreed
        case false?: .disputed
        case nil: .awaitingModeration
        }
        return ModeratedFinding(finding: Finding(kind: kind, targetID: targetID, decision: decision, reason: reason,
                                                 assessor: assessorEmail.value, date: date, expires: expires, fileSHA256: fileSHA256),
                                state: state)
    }
}
