public import RespectModel

/// The kind of submission the generator aims for. The mix follows a fixed rotation, so any
/// corpus of three or more files has every outcome, including an unsafe "not yet".
public enum CorpusProfile: String, Sendable, CaseIterable {
    /// Every applicable mandatory indicator met, most desirable ones too.
    case achieved
    /// A few mandatory gaps, each with an action due within the year; nothing unsafe.
    case workingTowards = "working-towards"
    /// Many mandatory gaps, only some of them planned for; nothing unsafe.
    case notYetGaps = "not-yet-gaps"
    /// Perpetrator work without the survivor service a safety-critical indicator requires.
    case notYetUnsafe = "not-yet-unsafe"

    /// The verdict a submission of this profile should receive.
    public var intendedVerdict: Verdict {
        switch self {
        case .achieved: .achieved
        case .workingTowards: .workingTowards
        case .notYetGaps, .notYetUnsafe: .notYet
        }
    }

    /// 3 achieved, 3 working towards and 2 not yet (one of them unsafe) in every 8 files.
    static let rotation: [CorpusProfile] = [
        .achieved, .workingTowards, .notYetUnsafe, .achieved, .workingTowards, .notYetGaps, .workingTowards, .achieved,
    ]

    /// The profile of the submission numbered `number` (1-based).
    public static func forSubmission(number: Int) -> CorpusProfile {
        rotation[(number - 1) % rotation.count]
    }
}
