/// The layout of an evidence register: the CSV file (or files) a spreadsheet exports, from
/// which `respect import` builds a submission and which `respect export` writes back.
///
/// A register has up to five sections, each started by a row holding only its title (any
/// case; "Evidence", "Facts"…) and then, except for `submission`, a header row naming its
/// columns in any order. A file that starts with a header row instead of a title is a section
/// of the kind its columns show (a plain list of evidence items is an evidence register on
/// its own). Blank rows are ignored.
///
/// - `submission`: one row per field, its name in the first cell and its value in the second:
///   provider, charity number, company number, region, framework (ID@EDITION), as of, and
///   local indicators (ids a tender adds to the framework, which the register may link to).
/// - `services`: service type, risk levels.
/// - `evidence`: id, type, title, issued, review by, supports, file, sha256.
/// - `facts`: fact, value, unit, source.
/// - `actions`: indicator, action, owner, due.
public enum RegisterSection: String, Sendable, Hashable, CaseIterable {
    case submission, services, evidence, facts, actions

    /// The title row `respect export` writes.
    public var title: String {
        switch self {
        case .submission: "Submission"
        case .services: "Services"
        case .evidence: "Evidence"
        case .facts: "Facts"
        case .actions: "Actions"
        }
    }

    /// Every title a section is recognised by (folded: see `RegisterLayout.folded`).
    var titles: [String] {
        switch self {
        case .submission: ["submission", "about"]
        case .services: ["services", "service"]
        case .evidence: ["evidence", "evidenceregister", "evidenceitems", "register"]
        case .facts: ["facts", "fact", "figures"]
        case .actions: ["actions", "action", "actionplan"]
        }
    }

    /// The columns of the section, in the order `respect export` writes them.
    public var columns: [RegisterColumn] {
        switch self {
        case .submission: [.field, .value]
        case .services: [.serviceType, .riskLevels]
        case .evidence: [.id, .type, .title, .issued, .reviewBy, .supports, .file, .sha256]
        case .facts: [.fact, .value, .unit, .source]
        case .actions: [.indicator, .action, .owner, .due]
        }
    }

    /// The columns a header row must have.
    public var requiredColumns: [RegisterColumn] {
        switch self {
        case .submission: [.field, .value]
        case .services: [.serviceType, .riskLevels]
        case .evidence: [.id, .type, .title, .issued, .supports]
        case .facts: [.fact, .value]
        case .actions: [.indicator, .action, .owner, .due]
        }
    }
}

/// A column of a register section: its heading as `respect export` writes it, and the other
/// headings it is recognised by (any case; spaces, hyphens and underscores ignored).
public enum RegisterColumn: String, Sendable, Hashable, CaseIterable {
    case field, value
    case serviceType = "service type", riskLevels = "risk levels"
    case id, type, title, issued, reviewBy = "review by", supports, file, sha256
    case fact, unit, source
    case indicator, action, owner, due

    /// The heading `respect export` writes.
    public var heading: String { rawValue }

    /// Every heading the column is recognised by, folded.
    var names: [String] {
        let others: [String] = switch self {
        case .field: ["name", "item"]
        case .value: []
        case .serviceType: ["service", "services", "type"]
        case .riskLevels: ["risks", "risk", "risklevel"]
        case .id: ["evidenceid", "ref", "reference"]
        case .type: ["evidencetype", "kind"]
        case .title: ["document", "documenttitle", "name"]
        case .issued: ["issuedate", "dateissued", "issuedon", "date"]
        case .reviewBy: ["reviewdate", "reviewbydate", "nextreview", "review"]
        case .supports: ["indicators", "supportsindicators", "indicatorids"]
        case .file: ["path", "filepath", "location"]
        case .sha256: ["sha", "hash", "checksum", "sha256hash"]
        case .fact: ["factid", "id"]
        case .unit: ["units"]
        case .source: ["sourceevidence", "evidence", "sourceid"]
        case .indicator: ["indicatorid"]
        case .action: ["whatwillbedone", "description"]
        case .owner: ["who", "responsible"]
        case .due: ["duedate", "by", "deadline"]
        }
        return [RegisterLayout.folded(rawValue)] + others
    }
}

/// A field of the `submission` section.
public enum RegisterField: String, Sendable, Hashable, CaseIterable {
    case provider, charityNumber = "charity number", companyNumber = "company number", region, framework, asOf = "as of"
    case localIndicators = "local indicators"

    /// The name `respect export` writes in the field's first cell.
    public var heading: String { rawValue }

    var names: [String] {
        let others: [String] = switch self {
        case .provider: ["providername", "name", "organisation", "organisationname", "organization"]
        case .charityNumber: ["charity", "registeredcharitynumber", "charityno"]
        case .companyNumber: ["company", "companyno"]
        case .region: ["area"]
        case .framework: ["standard", "frameworkedition", "edition"]
        case .asOf: ["asofdate", "assessmentdate", "date"]
        case .localIndicators: ["tenderindicators", "localindicator"]
        }
        return [RegisterLayout.folded(rawValue)] + others
    }
}

/// Matching of titles, headings and field names.
public enum RegisterLayout {
    /// Lower case letters and digits only: "Review-by", "review_by" and "ReviewBy" are alike.
    public static func folded(_ text: String) -> String {
        String(text.lowercased().unicodeScalars.filter { ("a"..."z").contains($0) || ("0"..."9").contains($0) }.map(Character.init))
    }

    /// The section a row titles: a recognised title alone in the row (other cells empty).
    static func section(titledBy record: CSVRecord) -> RegisterSection? {
        let filled = record.cells.filter { !$0.allSatisfy(\.isWhitespace) }
        guard filled.count == 1, let first = record.cells.first, !first.allSatisfy(\.isWhitespace) else { return nil }
        let name = folded(first)
        return RegisterSection.allCases.first { $0.titles.contains(name) }
    }

    /// The section a row alone in its first cell nearly titles ("Sevrices"), when it titles none.
    static func misspeltTitle(_ record: CSVRecord) -> RegisterSection? {
        guard section(titledBy: record) == nil, record.cells.dropFirst().allSatisfy({ $0.allSatisfy(\.isWhitespace) }),
              let first = record.cells.first, !first.allSatisfy(\.isWhitespace),
              let near = NearestMatch.nearest(to: first, among: RegisterSection.allCases.map { .init(value: $0.rawValue, names: [$0.title]) })
        else { return nil }
        return RegisterSection(rawValue: near)
    }

    /// The column a heading names in `section`, if any.
    static func column(_ heading: String, in section: RegisterSection) -> RegisterColumn? {
        let name = folded(heading)
        return section.columns.first { $0.names.contains(name) }
    }

    /// The section a header row is of: the one with the most of its columns named (at least
    /// two; evidence first on a tie). Its missing columns are then reported as such.
    static func section(ofHeader record: CSVRecord) -> RegisterSection? {
        var best: (section: RegisterSection, score: Int)?
        for section in [RegisterSection.evidence, .facts, .actions, .services] {
            let score = Set(record.cells.compactMap { column($0, in: section) }).count
            if score >= 2, score > best?.score ?? 0 { best = (section, score) }
        }
        return best?.section
    }
}
