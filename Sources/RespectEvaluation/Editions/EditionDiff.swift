public import RespectModel

/// What changed between two framework editions: indicators added, removed, renamed, split and
/// merged (from the declared successor links and same-id matching), and for every indicator
/// that carries over, the requirement changes old → new. Deterministic: entries follow the old
/// edition's document order, then the new edition's.
public struct EditionDiff: Sendable, Codable {
    /// What happened to one group of linked indicators.
    public enum Kind: String, Sendable, Codable, CaseIterable {
        /// Only in the new edition.
        case added
        /// Only in the old edition.
        case removed
        /// Carried over under the same id.
        case carried
        /// Carried over one-to-one under another id.
        case renamed
        /// One old indicator divided between several new ones.
        case split
        /// Several old indicators combined into one new one.
        case merged
        /// Several old indicators linked to several new ones.
        case regrouped
    }

    /// One group of linked indicators and how their requirements changed.
    public struct Entry: Sendable, Codable {
        public var kind: Kind
        /// The declared relation (same-as, replaced-by, …), `nil` when inferred or not linked.
        public var relation: String?
        public var old: [IndicatorReference]
        public var new: [IndicatorReference]
        /// Requirement changes old → new (empty when none, or when added or removed).
        public var changes: [RequirementChange]
        /// Whether the difference comes from a source: `.sourced` only when every indicator on
        /// both sides is stated by a public source; otherwise it comes from modelling.
        public var basis: Provenance.Basis

        public init(kind: Kind, relation: String?, old: [IndicatorReference], new: [IndicatorReference],
                    changes: [RequirementChange], basis: Provenance.Basis) {
            self.kind = kind
            self.relation = relation
            self.old = old
            self.new = new
            self.changes = changes
            self.basis = basis
        }

        /// The basis of a difference between `old` and `new` indicators.
        static func basis(_ old: [Indicator], _ new: [Indicator]) -> Provenance.Basis {
            (old + new).allSatisfy(\.provenance.isSourced) ? .sourced : .modelled
        }
    }

    /// A renamed service or evidence type.
    public struct TermRename: Sendable, Codable, Hashable {
        /// Which vocabulary the term belongs to.
        public enum TermKind: String, Sendable, Codable, Hashable {
            case serviceType = "service-type"
            case evidenceType = "evidence-type"
        }

        public var vocabulary: TermKind
        public var old: String
        public var new: String

        public init(vocabulary: TermKind, old: String, new: String) {
            self.vocabulary = vocabulary
            self.old = old
            self.new = new
        }
    }

    /// `id@edition` and title of one side.
    public struct Side: Sendable, Codable {
        public var reference: String
        public var title: String
        public var notice: String
    }

    public var old: Side
    public var new: Side
    public var entries: [Entry]
    public var termRenames: [TermRename]
    /// Declared links whose target is not an indicator of the new edition.
    public var brokenLinks: [EditionLinks.BrokenLink]

    /// Entries of one kind.
    public func entries(_ kind: Kind) -> [Entry] { entries.filter { $0.kind == kind } }

    /// Entries whose requirements changed.
    public var changed: [Entry] { entries.filter { !$0.changes.isEmpty } }

    /// Compares `old` with `new`.
    public init(old oldFramework: Framework, new newFramework: Framework) {
        self.init(links: EditionLinks(old: oldFramework, new: newFramework))
    }

    public init(links: EditionLinks) {
        let oldFramework = links.old, newFramework = links.new
        old = Side(reference: oldFramework.identity.reference, title: oldFramework.title, notice: oldFramework.notice)
        new = Side(reference: newFramework.identity.reference, title: newFramework.title, notice: newFramework.notice)
        brokenLinks = links.broken
        termRenames = links.serviceTypeRenames.map { TermRename(vocabulary: .serviceType, old: $0.key, new: $0.value) }
            .sorted { $0.old < $1.old }
            + links.evidenceTypeRenames.map { TermRename(vocabulary: .evidenceType, old: $0.key, new: $0.value) }
            .sorted { $0.old < $1.old }

        // Connected groups of the link graph, found from each old indicator in document order.
        var groupOfOld: [String: Int] = [:]
        var groupOfNew: [String: Int] = [:]
        var groups: [(old: [String], new: [String])] = []
        for indicator in oldFramework.indicators where groupOfOld[indicator.id] == nil {
            var oldIDs: [String] = [indicator.id]
            var newIDs: [String] = []
            var frontier = [indicator.id]
            groupOfOld[indicator.id] = groups.count
            while let oldID = frontier.popLast() {
                for newID in links.successors(of: oldID) where groupOfNew[newID] == nil {
                    groupOfNew[newID] = groups.count
                    newIDs.append(newID)
                    for other in links.predecessors(of: newID) where groupOfOld[other] == nil {
                        groupOfOld[other] = groups.count
                        oldIDs.append(other)
                        frontier.append(other)
                    }
                }
            }
            groups.append((oldIDs, newIDs))
        }
        let oldOrder = Dictionary(uniqueKeysWithValues: oldFramework.indicators.enumerated().map { ($1.id, $0) })
        let newOrder = Dictionary(uniqueKeysWithValues: newFramework.indicators.enumerated().map { ($1.id, $0) })
        var entries: [Entry] = []
        for group in groups {
            let oldIndicators = group.old.sorted { oldOrder[$0, default: 0] < oldOrder[$1, default: 0] }.compactMap { oldFramework.indicator(id: $0) }
            let newIndicators = group.new.sorted { newOrder[$0, default: 0] < newOrder[$1, default: 0] }.compactMap { newFramework.indicator(id: $0) }
            entries.append(EditionDiff.entry(old: oldIndicators, new: newIndicators, links: links))
        }
        for indicator in newFramework.indicators where groupOfNew[indicator.id] == nil {
            entries.append(Entry(kind: .added, relation: nil, old: [], new: [indicator.reference], changes: [],
                                 basis: Entry.basis([], [indicator])))
        }
        self.entries = entries
    }

    private static func entry(old: [Indicator], new: [Indicator], links: EditionLinks) -> Entry {
        let kind: Kind
        switch (old.count, new.count) {
        case (_, 0): kind = .removed
        case (1, 1): kind = old[0].id == new[0].id ? .carried : .renamed
        case (1, _): kind = .split
        case (_, 1): kind = .merged
        default: kind = .regrouped
        }
        let relations = Set(old.flatMap { indicator in
            links.links.filter { $0.oldID == indicator.id }.compactMap { $0.relation?.rawValue }
        })
        let relation = relations.count == 1 ? relations.first : (relations.isEmpty ? nil : relations.sorted().joined(separator: ", "))
        let changes = new.isEmpty ? [] : RequirementComparison(old: old, new: new, links: links).changes
        return Entry(kind: kind, relation: relation, old: old.map(\.reference), new: new.map(\.reference), changes: changes,
                     basis: Entry.basis(old, new))
    }
}

extension Indicator {
    /// A short pointer for lists.
    public var reference: IndicatorReference {
        IndicatorReference(id: id, number: number, text: text, section: sectionID)
    }
}
