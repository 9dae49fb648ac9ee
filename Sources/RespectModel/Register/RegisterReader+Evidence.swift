extension RegisterReader {
    /// The evidence section's items, each cell checked.
    mutating func evidenceItems() -> [EvidenceItem] {
        guard let sheet = document.sheet(.evidence), sheet.isComplete else { return [] }
        var items: [EvidenceItem] = []
        var rows: [String: Int] = [:]
        let vocabulary = framework.vocabulary
        for record in sheet.records {
            extraCells(record, sheet)
            let idText = RegisterValues.unprotected(sheet.cell(record, .id)).trimmingSpaces
            var id: String?
            if idText.isEmpty {
                problems.append(RegisterProblem(sheet.location(record, .id), "the id is missing; give every item a short id of its own",
                                                nearest: RegisterValues.suggestedIdentifier(sheet.cell(record, .title))))
            } else if !RegisterValues.isIdentifier(idText) {
                problems.append(RegisterProblem(sheet.location(record, .id), "'\(idText)' is not an id: \(RegisterValues.identifierRule)",
                                                nearest: RegisterValues.suggestedIdentifier(idText)))
            } else if let earlier = rows[idText] {
                problems.append(RegisterProblem(sheet.location(record, .id), "the id '\(idText)' is already used on row \(earlier); each item needs its own"))
            } else {
                rows[idText] = record.row
                id = idText
            }
            let typeText = RegisterValues.unprotected(sheet.cell(record, .type)).trimmingSpaces
            let type = term(typeText, among: vocabulary.evidenceTypes, what: "evidence type", at: sheet.location(record, .type))
            let title = requiredText(sheet.cell(record, .title), "title", at: sheet.location(record, .title))
            let issued = date(sheet.cell(record, .issued), "issue", at: sheet.location(record, .issued), required: true)
            let reviewBy = date(sheet.cell(record, .reviewBy), "review-by", at: sheet.location(record, .reviewBy), required: false)
            if let issued, let reviewBy, reviewBy < issued {
                problems.append(RegisterProblem(sheet.location(record, .reviewBy), "the review-by date \(reviewBy) is before the issue date \(issued); expected a date on or after it"))
            }
            let supports = supportedIndicators(sheet.cell(record, .supports), at: sheet.location(record, .supports))
            let file = fileReference(record, sheet)
            guard let id, let type, let title, let issued, !supports.isEmpty else { continue }
            items.append(EvidenceItem(id: id, type: type, title: title, issued: issued, reviewBy: reviewBy, file: file,
                                      supports: supports, line: record.row))
        }
        return items
    }

    /// The indicators a `supports` cell names (ids or numbers, each once, in order).
    private mutating func supportedIndicators(_ text: String, at location: RegisterLocation) -> [String] {
        let tokens = RegisterValues.tokens(text)
        if tokens.isEmpty {
            problems.append(RegisterProblem(location, "no indicators: list the ids (or numbers) of the indicators this item is evidence for"))
            return []
        }
        var ids: [String] = []
        var bad = false
        for token in tokens {
            guard let id = indicator(token, at: location) else { bad = true; continue }
            if !ids.contains(id) { ids.append(id) }
        }
        if ids.count > 1000 {
            problems.append(RegisterProblem(location, "\(ids.count) indicators; an item supports at most 1000"))
            return []
        }
        return bad ? [] : ids
    }

    /// The item's file and SHA-256: both or neither.
    private mutating func fileReference(_ record: CSVRecord, _ sheet: RegisterDocument.Sheet) -> FileReference? {
        let path = RegisterValues.unprotected(sheet.cell(record, .file))
        let digest = sheet.cell(record, .sha256).trimmingSpaces.lowercased()
        switch (path.allSatisfy(\.isWhitespace), digest.isEmpty) {
        case (true, true): return nil
        case (false, true):
            problems.append(RegisterProblem(sheet.location(record, .sha256), "the file has no SHA-256; add it (sha256sum FILE prints it), or leave the file cell empty"))
            return nil
        case (true, false):
            problems.append(RegisterProblem(sheet.location(record, .file), "a SHA-256 without a file; add the file's path, or leave the sha256 cell empty"))
            return nil
        case (false, false):
            var ok = true
            if RegisterValues.length(path) > 2000 {
                problems.append(RegisterProblem(sheet.location(record, .file), "the file path has more than 2000 characters"))
                ok = false
            }
            if digest.utf8.count != 64 || !digest.utf8.allSatisfy({ ($0 >= 48 && $0 <= 57) || ($0 >= 97 && $0 <= 102) }) {
                problems.append(RegisterProblem(sheet.location(record, .sha256), "'\(digest)' is not a SHA-256; expected 64 hexadecimal digits (0-9, a-f), as sha256sum prints them"))
                ok = false
            }
            return ok ? FileReference(path: path, sha256: digest) : nil
        }
    }

    /// Notes a value in a column without a heading.
    mutating func extraCells(_ record: CSVRecord, _ sheet: RegisterDocument.Sheet) {
        for (index, cell) in record.cells.enumerated() where index > sheet.lastHeadedColumn && !cell.allSatisfy(\.isWhitespace) {
            problems.append(RegisterProblem(RegisterLocation(file: sheet.file, row: record.row, column: index),
                                            "a value in a column without a heading; give the column a heading or move the value"))
            break
        }
    }
}
