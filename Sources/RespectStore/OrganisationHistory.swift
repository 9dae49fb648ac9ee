import RespectModel

/// One organisation's runs. Organisations are told apart by registered number (charity, else
/// company number): runs that give one are grouped by it, whatever name they were recorded
/// under; runs that give none are grouped by name (compared ignoring case and spacing), and
/// such a group cannot tell two organisations of the same name apart.
public struct OrganisationHistory: Sendable, Codable, Hashable {
    /// `nil`: the runs gave no registered number and are grouped by name.
    public var registeredNumber: String?
    /// The provider's name in the latest run.
    public var name: String
    /// Oldest first.
    public var runs: [RunSummary]

    public init(registeredNumber: String?, name: String, runs: [RunSummary]) {
        self.registeredNumber = registeredNumber
        self.name = name
        self.runs = runs
    }

    /// Groups `runs` (oldest first) by organisation as described above; the groups come in the
    /// order of their first run.
    public static func grouping(_ runs: [RunSummary]) -> [OrganisationHistory] {
        enum Key: Hashable {
            case number(String)
            case name(String)
        }
        var order: [Key] = []
        var groups: [Key: OrganisationHistory] = [:]
        for run in runs {
            let key = run.registeredNumber.map(Key.number) ?? .name(FindingsSubject.folded(run.provider))
            if groups[key] == nil {
                order.append(key)
                groups[key] = OrganisationHistory(registeredNumber: run.registeredNumber, name: run.provider, runs: [])
            }
            groups[key]?.runs.append(run)
            groups[key]?.name = run.provider
        }
        return order.compactMap { groups[$0] }
    }
}
