/// Comments, processing instructions and CDATA sections: markup whose content libxml2 reads as
/// text up to its terminator (`-->`, `?>`, `]]>`), so `InputPrecheck` must not count the `=` in
/// it as attributes.
///
/// libxml2 leaves such a construct early, and parses what follows as markup, when it meets a
/// code point that is not an XML character, a name it cannot read after `<?`, or a construct
/// over 10,000,000 bytes. The precheck skips a construct only when none of that can happen
/// before the terminator; otherwise it reads the `<` as it reads a start tag, which may refuse
/// the file but can never let a crowded start tag through.
enum SkippedMarkup {
    /// Constructs longer than this many code units (at most 3,000,000 UTF-8 bytes) are not
    /// skipped; libxml2 stops reading one at 10,000,000.
    static let maxLength = 1_000_000
    /// The longest processing-instruction target skipped over; libxml2 gives up on a name over
    /// 50,000 characters.
    static let maxTargetLength = 1_000

    /// The offset just past the comment, processing instruction or CDATA section starting with
    /// the `<` at `start`, or nil when there is none to skip there.
    static func end<Units: CodeUnits>(of units: Units, at start: Int) -> Int? {
        if units.has("<!--", at: start) {
            return close(units, from: start + 4, terminator: "-->")
        }
        if units.has("<![CDATA[", at: start) {
            return close(units, from: start + 9, terminator: "]]>")
        }
        if units.has("<?", at: start) {
            // The XML declaration is read by its own rules (up to the next `>` after an error):
            // scanned like a start tag.
            if units.has("<?xml", at: start), start + 5 < units.count, isSpace(units[start + 5]) { return nil }
            guard hasTarget(units, at: start + 2) else { return nil }
            return close(units, from: start + 2, terminator: "?>")
        }
        return nil
    }

    /// The offset just past the first `terminator` from `index`, when every unit up to it is
    /// an XML character and it comes within `maxLength`; nil otherwise.
    private static func close<Units: CodeUnits>(_ units: Units, from index: Int, terminator: StaticString) -> Int? {
        let limit = min(units.count, index + maxLength)
        var offset = index
        while offset < limit {
            if units.has(terminator, at: offset) { return offset + terminator.utf8CodeUnitCount }
            guard let length = units.characterLength(at: offset) else { return nil }
            offset += length
        }
        return nil
    }

    /// True when a processing-instruction target libxml2 can read starts at `index`: an ASCII
    /// letter, `_` or `:`, then at most `maxTargetLength` units before white space or `?`.
    private static func hasTarget<Units: CodeUnits>(_ units: Units, at index: Int) -> Bool {
        guard index < units.count else { return false }
        let first = units[index]
        guard (0x41...0x5A).contains(first) || (0x61...0x7A).contains(first) || first == 0x5F || first == 0x3A else { return false }
        var offset = index + 1
        while offset < units.count, offset - index <= maxTargetLength {
            let unit = units[offset]
            if isSpace(unit) || unit == 0x3F { return true }  // white space or `?`
            offset += 1
        }
        return false
    }

    private static func isSpace(_ unit: UInt16) -> Bool {
        unit == 0x20 || unit == 0x09 || unit == 0x0A || unit == 0x0D
    }
}
