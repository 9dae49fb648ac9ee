extension RegisterReader {
    /// The facts section's figures, each checked against the fact's definition.
    mutating func statedFacts(evidenceIDs: Set<String>) -> [StatedFact] {
        guard let sheet = document.sheet(.facts), sheet.isComplete else { return [] }
        var facts: [StatedFact] = []
        var rows: [String: Int] = [:]
        let vocabulary = framework.vocabulary
        for record in sheet.records {
            extraCells(record, sheet)
            let idText = RegisterValues.unprotected(sheet.cell(record, .fact)).trimmingSpaces
            guard let id = term(idText, among: vocabulary.facts.map { Term(id: $0.id, label: $0.label) }, what: "fact", at: sheet.location(record, .fact)),
                  let definition = vocabulary.fact(id) else { continue }
            if let earlier = rows[id] {
                problems.append(RegisterProblem(sheet.location(record, .fact), "the fact \(id) is already stated on row \(earlier); state each fact once"))
                continue
            }
            rows[id] = record.row
            let unitText = sheet.cell(record, .unit).trimmingSpaces
            var unit = definition.unit
            var valid = true
            if !unitText.isEmpty, unitText != definition.unit {
                problems.append(RegisterProblem(sheet.location(record, .unit),
                                                definition.unit.map { "\(id) is stated in \($0); '\(unitText)' is not its unit" }
                                                    ?? "\(id) is \(definition.kind == .boolean ? "true or false" : "a number") with no unit; leave the unit empty",
                                                nearest: definition.unit))
                valid = false
            } else if !unitText.isEmpty {
                unit = unitText
            }
            let valueText = RegisterValues.unprotected(sheet.cell(record, .value))
            let value = RegisterValues.factValue(valueText, kind: definition.kind, unit: definition.unit, decimalComma: decimalComma)
            if value == nil {
                let expected = definition.kind == .boolean ? "yes or no (true or false)"
                    : "a number\(definition.unit.map { " of \($0)" } ?? "") with a decimal point, at most 12 digits before it and 6 after"
                problems.append(RegisterProblem(sheet.location(record, .value),
                                                valueText.allSatisfy(\.isWhitespace) ? "the value is missing; expected \(expected)" : "'\(valueText)' is not \(expected)"))
            }
            let sourceText = RegisterValues.unprotected(sheet.cell(record, .source)).trimmingSpaces
            var source: String?
            if !sourceText.isEmpty {
                if evidenceIDs.contains(sourceText) {
                    source = sourceText
                } else {
                    problems.append(RegisterProblem(sheet.location(record, .source), "'\(sourceText)' is not the id of an item in the Evidence section",
                                                    nearest: NearestMatch.nearest(to: sourceText, among: evidenceIDs.sorted().map { .init(value: $0) })))
                    valid = false
                }
            }
            guard valid, let value else { continue }
            facts.append(StatedFact(id: id, value: value, unit: unit, sourceEvidenceID: source, line: record.row))
        }
        if facts.count > 1000 {
            problems.append(RegisterProblem(RegisterLocation(file: sheet.file, row: sheet.startRow), "\(facts.count) facts; a submission states at most 1000"))
        }
        return facts
    }

    /// The actions section's entries.
    mutating func plannedActions() -> [PlannedAction] {
        guard let sheet = document.sheet(.actions), sheet.isComplete else { return [] }
        var actions: [PlannedAction] = []
        for record in sheet.records {
            extraCells(record, sheet)
            let indicatorText = RegisterValues.unprotected(sheet.cell(record, .indicator)).trimmingSpaces
            let id: String?
            if indicatorText.isEmpty {
                problems.append(RegisterProblem(sheet.location(record, .indicator), "the indicator is missing; give the id (or number) of the indicator the action is for"))
                id = nil
            } else {
                id = indicator(indicatorText, at: sheet.location(record, .indicator))
            }
            let action = requiredText(sheet.cell(record, .action), "action", at: sheet.location(record, .action))
            let owner = requiredText(sheet.cell(record, .owner), "owner", at: sheet.location(record, .owner), collapse: false)
            let due = date(sheet.cell(record, .due), "due", at: sheet.location(record, .due), required: true)
            guard let id, let action, let owner, let due else { continue }
            actions.append(PlannedAction(indicatorID: id, due: due, owner: owner, action: action, line: record.row))
        }
        if actions.count > 1000 {
            problems.append(RegisterProblem(RegisterLocation(file: sheet.file, row: sheet.startRow), "\(actions.count) actions; an action plan holds at most 1000"))
        }
        return actions
    }
}
