/// What the command line (or a web form) says about a register's submission, overriding or
/// completing its `submission` and `services` sections.
public struct RegisterOverrides: Sendable {
    public var providerName: String?
    public var charityNumber: String?
    public var companyNumber: String?
    public var region: String?
    /// Replaces the `services` section when given.
    public var services: [OfferedService]?
    public var asOf: CalendarDate?

    public init(providerName: String? = nil, charityNumber: String? = nil, companyNumber: String? = nil, region: String? = nil,
                services: [OfferedService]? = nil, asOf: CalendarDate? = nil) {
        self.providerName = providerName
        self.charityNumber = charityNumber
        self.companyNumber = companyNumber
        self.region = region
        self.services = services
        self.asOf = asOf
    }
}

/// Builds a submission from an evidence register, checking every cell against the framework
/// edition it targets: every problem is collected (with its file, row, column and the nearest
/// valid value), and a submission is returned only when there is none, so it validates
/// against `submission-v1.xsd` and nothing in it counts for nothing.
public struct RegisterReader {
    let document: RegisterDocument
    let framework: Framework
    let overrides: RegisterOverrides
    var problems: [RegisterProblem] = []
    var notes: [RegisterNote] = []
    /// Indicator id or display number → id.
    let indicatorsByName: [String: String]
    /// The ids the Submission section declares as local indicators (a tender's), accepted in
    /// links although the edition lacks them.
    public private(set) var localIndicators: [String] = []
    private var notedLocal = Set<String>()
    let decimalComma: Bool

    /// - Parameter decimalComma: whether the files are separated by semicolons, so a comma in
    ///   a figure is a decimal comma.
    public init(document: RegisterDocument, framework: Framework, overrides: RegisterOverrides = RegisterOverrides(),
                decimalComma: Bool = false) {
        self.document = document
        self.framework = framework
        self.overrides = overrides
        self.decimalComma = decimalComma
        var byName: [String: String] = [:]
        // Gates (preconditions such as membership) take evidence links as indicators do.
        for indicator in framework.indicators + framework.gates.map(\.indicator) {
            byName[indicator.id] = indicator.id
            if byName[indicator.number] == nil { byName[indicator.number] = indicator.id }
        }
        indicatorsByName = byName
        problems = document.problems
        notes = document.notes
    }

    /// The submission, or every problem found.
    public mutating func read() throws(RegisterError) -> (submission: Submission, notes: [RegisterNote]) {
        let (provider, asOf) = submissionFields()
        readLocalIndicators()
        let services = offeredServices()
        let evidence = evidenceItems()
        let facts = statedFacts(evidenceIDs: Set(evidence.map(\.id)))
        let actions = plannedActions()
        if !problems.isEmpty {
            throw RegisterError(problems: problems.sorted { ($0.location.file, $0.location.row, $0.location.column ?? -1)
                < ($1.location.file, $1.location.row, $1.location.column ?? -1) })
        }
        let identity = framework.identity
        let first = document.sheets.first?.file ?? "register"
        return (Submission(provider: provider, target: FrameworkTarget(framework: identity.id, edition: identity.edition), asOf: asOf,
                           services: services, evidence: evidence, facts: facts, actionPlan: actions, source: first), notes)
    }

    // MARK: - Submission and services

    private mutating func submissionFields() -> (Provider, CalendarDate?) {
        var values: [RegisterField: (String, RegisterLocation)] = [:]
        if let sheet = document.sheet(.submission) {
            for record in sheet.records {
                let location = RegisterLocation(file: sheet.file, row: record.row, column: 0, heading: "field")
                let name = RegisterLayout.folded(record[0])
                guard let field = RegisterField.allCases.first(where: { $0.names.contains(name) }) else {
                    problems.append(RegisterProblem(location, "'\(record[0])' is not a field of the Submission section; expected "
                                                    + RegisterField.allCases.map(\.heading).joined(separator: ", "),
                                                    nearest: NearestMatch.nearest(to: record[0], among: RegisterField.allCases.map { .init(value: $0.heading) })))
                    continue
                }
                let extra = record.cells.dropFirst(2).contains { !$0.allSatisfy(\.isWhitespace) }
                if extra { notes.append(RegisterNote(location, "only the first two cells of a Submission row are read")) }
                values[field] = (RegisterValues.unprotected(record[1]), RegisterLocation(file: sheet.file, row: record.row, column: 1, heading: field.heading))
            }
        }
        func value(_ field: RegisterField, _ override: String?) -> String? {
            if let override {
                if let (given, location) = values[field], !given.allSatisfy(\.isWhitespace), given.trimmingSpaces != override {
                    notes.append(RegisterNote(location, "\(field.heading) '\(given)' is replaced by the one given on the command line"))
                }
                return override
            }
            guard let (given, _) = values[field], !given.allSatisfy(\.isWhitespace) else { return nil }
            return given
        }
        let name = value(.provider, overrides.providerName).map(RegisterValues.text)
        let location = values[.provider]?.1 ?? RegisterLocation(file: document.sheets.first?.file ?? "register", row: 0)
        if name == nil {
            problems.append(RegisterProblem(location, "the provider's name is missing; add a 'provider' row to the Submission section, or give it on the command line (--provider)"))
        } else if let name, RegisterValues.length(name) > 2000 {
            problems.append(RegisterProblem(location, "the provider's name is longer than 2000 characters"))
        }
        let region = value(.region, overrides.region).map(RegisterValues.text)
        if let region, RegisterValues.length(region) > 2000 {
            problems.append(RegisterProblem(values[.region]?.1 ?? location, "the region is longer than 2000 characters"))
        }
        var asOf = overrides.asOf
        if asOf == nil, let (text, at) = values[.asOf], !text.allSatisfy(\.isWhitespace) {
            asOf = RegisterValues.date(text)
            if asOf == nil { problems.append(RegisterProblem(at, "'\(text)' is not a date; expected \(RegisterValues.dateFormats)")) }
        }
        let provider = Provider(name: name ?? "", charityNumber: value(.charityNumber, overrides.charityNumber)?.trimmingSpaces,
                                companyNumber: value(.companyNumber, overrides.companyNumber)?.trimmingSpaces, region: region)
        return (provider, asOf)
    }

    private mutating func readLocalIndicators() {
        guard let sheet = document.sheet(.submission) else { return }
        for record in sheet.records where RegisterField.localIndicators.names.contains(RegisterLayout.folded(record[0])) {
            let location = RegisterLocation(file: sheet.file, row: record.row, column: 1, heading: RegisterField.localIndicators.heading)
            for token in RegisterValues.tokens(record[1]) {
                if !RegisterValues.isIdentifier(token) {
                    problems.append(RegisterProblem(location, "'\(token)' is not an id: \(RegisterValues.identifierRule)",
                                                    nearest: RegisterValues.suggestedIdentifier(token)))
                } else if indicatorsByName[token] == nil, !localIndicators.contains(token) {
                    localIndicators.append(token)
                }
            }
        }
    }

    /// The `framework` field of the Submission section, if given: `ID@EDITION`, and where it is.
    public static func frameworkReference(in document: RegisterDocument) -> (reference: String, location: RegisterLocation)? {
        guard let sheet = document.sheet(.submission) else { return nil }
        for record in sheet.records where RegisterField.framework.names.contains(RegisterLayout.folded(record[0])) {
            let value = record[1].trimmingSpaces
            if !value.isEmpty { return (value, RegisterLocation(file: sheet.file, row: record.row, column: 1, heading: "framework")) }
        }
        return nil
    }

    private mutating func offeredServices() -> [OfferedService] {
        if let services = overrides.services {
            if let sheet = document.sheet(.services) {
                notes.append(RegisterNote(RegisterLocation(file: sheet.file, row: sheet.startRow),
                                          "the Services section is replaced by the services given on the command line"))
            }
            return services
        }
        guard let sheet = document.sheet(.services), !sheet.records.isEmpty || !sheet.isComplete else {
            problems.append(RegisterProblem(RegisterLocation(file: document.sheets.first?.file ?? "register", row: 0),
                                            "no services: add a Services section (service type, risk levels), or give them on the command line (--services)"))
            return []
        }
        guard sheet.isComplete else { return [] }
        let vocabulary = framework.vocabulary
        var services: [OfferedService] = []
        var seen: [String: Int] = [:]
        for record in sheet.records {
            extraCells(record, sheet)
            let typeText = RegisterValues.unprotected(sheet.cell(record, .serviceType)).trimmingSpaces
            let type = term(typeText, among: vocabulary.serviceTypes, what: "service type", at: sheet.location(record, .serviceType))
            var risks: [String] = []
            let riskText = sheet.cell(record, .riskLevels)
            if riskText.allSatisfy(\.isWhitespace) {
                problems.append(RegisterProblem(sheet.location(record, .riskLevels), "no risk levels; expected one or more of "
                                                + vocabulary.riskLevels.map(\.id).joined(separator: ", ")))
            }
            for part in riskText.split(whereSeparator: { $0 == "," || $0 == ";" || $0.isNewline }) {
                let whole = String(part).trimmingSpaces
                guard !whole.isEmpty else { continue }
                let items = match(whole, among: vocabulary.riskLevels) != nil ? [whole] : RegisterValues.tokens(whole)
                for item in items {
                    if let id = term(item, among: vocabulary.riskLevels, what: "risk level", at: sheet.location(record, .riskLevels)), !risks.contains(id) {
                        risks.append(id)
                    }
                }
            }
            guard let type else { continue }
            if let earlier = seen[type] {
                problems.append(RegisterProblem(sheet.location(record, .serviceType), "\(type) is listed twice; the first is row \(earlier). List each service once, with all its risk levels"))
                continue
            }
            seen[type] = record.row
            services.append(OfferedService(serviceType: type, riskLevels: risks))
        }
        if services.count > 50 {
            problems.append(RegisterProblem(RegisterLocation(file: sheet.file, row: sheet.startRow), "\(services.count) services; a submission lists at most 50"))
        }
        return services
    }

    // MARK: - Shared checks

    /// The vocabulary term `text` names by id or label (ignoring case, spaces, hyphens and
    /// underscores), if any.
    func match(_ text: String, among terms: [Term]) -> String? {
        let wanted = RegisterLayout.folded(text)
        guard !wanted.isEmpty else { return nil }
        return terms.first { RegisterLayout.folded($0.id) == wanted || RegisterLayout.folded($0.label) == wanted }?.id
    }

    /// The id of the term `text` names; otherwise a problem with the nearest term.
    mutating func term(_ text: String, among terms: [Term], what: String, at location: RegisterLocation) -> String? {
        if let id = match(text, among: terms) { return id }
        let expected = terms.count > 10
            ? "expected the id or label of one listed by `respect frameworks show \(framework.identity.reference)`"
            : "expected one of " + terms.map(\.id).joined(separator: ", ")
        if text.isEmpty {
            problems.append(RegisterProblem(location, "the \(what) is missing; \(expected)"))
        } else {
            let article = what.first.map { "aeiou".contains($0) } == true ? "an" : "a"
            problems.append(RegisterProblem(location, "'\(text)' is not \(article) \(what) of \(framework.identity.reference); \(expected)",
                                            nearest: NearestMatch.nearest(to: text, among: terms.map { .init(value: $0.id, names: [$0.label]) })))
        }
        return nil
    }

    /// The indicator id `text` names (its id or display number); otherwise a problem.
    mutating func indicator(_ text: String, at location: RegisterLocation) -> String? {
        if let id = indicatorsByName[text] { return id }
        if localIndicators.contains(text) {
            if notedLocal.insert(text).inserted {
                notes.append(RegisterNote(location, "'\(text)' is not an indicator of \(framework.identity.reference); declared under local indicators, a link to it counts only where a tender defines it"))
            }
            return text
        }
        // A number is answered with the nearest number, an id with the nearest id.
        let isNumber = !text.isEmpty && text.allSatisfy { $0 == "." || ($0.isASCII && $0.isNumber) }
        let nearest = isNumber
            ? NearestMatch.nearest(to: text, among: framework.indicators.map { .init(value: $0.number) })
            : framework.nearestIndicator(to: text)
        problems.append(RegisterProblem(location, "'\(text)' is not an indicator of \(framework.identity.reference) (by id or number)",
                                        nearest: nearest))
        return nil
    }

    /// Text of 1 to 2000 characters (white space collapsed, as the XML loader reads it), or a problem.
    mutating func requiredText(_ raw: String, _ what: String, at location: RegisterLocation, collapse: Bool = true) -> String? {
        let value = collapse ? RegisterValues.text(RegisterValues.unprotected(raw)) : RegisterValues.unprotected(raw)
        if value.allSatisfy(\.isWhitespace) {
            problems.append(RegisterProblem(location, "the \(what) is missing"))
            return nil
        }
        if RegisterValues.length(value) > 2000 {
            problems.append(RegisterProblem(location, "the \(what) has \(RegisterValues.length(value)) characters; at most 2000"))
            return nil
        }
        return value
    }

    /// A date, or a problem (`required`: also when the cell is empty).
    mutating func date(_ text: String, _ what: String, at location: RegisterLocation, required: Bool) -> CalendarDate? {
        if text.allSatisfy(\.isWhitespace) {
            if required { problems.append(RegisterProblem(location, "the \(what) date is missing; expected \(RegisterValues.dateFormats)")) }
            return nil
        }
        guard let date = RegisterValues.date(text) else {
            problems.append(RegisterProblem(location, "'\(text)' is not a date; expected an existing date written \(RegisterValues.dateFormats)"))
            return nil
        }
        return date
    }
}
