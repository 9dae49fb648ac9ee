import RespectCorpus

/// The mutations of the differential test: values with characters that compare differently as
/// Swift strings and as XSD values, white space XSD normalises and white space it does not,
/// keys and references that differ only after normalisation, markup full of `=` and `<`, and
/// values around the 4 KiB that the pattern screen leaves to libxml2.
enum DocumentMutations {
    static let all: [DocumentMutation] = valueChanges + keyChanges + markupChanges

    /// One value (an attribute of any kind, or an element's text) changed one way.
    static let valueChanges: [DocumentMutation] = valueEdits.map { name, change in
        DocumentMutation(name: name) { bytes, shape, random in
            var ranges = shape.keys.flatMap { bytes.valueRanges(of: $0) }
                + shape.references.flatMap { bytes.valueRanges(of: $0.reference) }
                + shape.values.flatMap { bytes.valueRanges(of: $0) }
            ranges += shape.texts.flatMap { bytes.textRanges(of: $0) }
            guard !ranges.isEmpty else { return false }
            let range = random.pick(ranges)
            bytes.replaceSubrange(range, with: change(Array(bytes[range])))
            return true
        }
    }

    private static let valueEdits: [(name: String, change: @Sendable ([UInt8]) -> [UInt8])] = [
        ("precomposed é appended", { $0 + utf8("\u{E9}") }),
        ("e and a combining acute appended", { $0 + utf8("e\u{301}") }),
        ("a combining mark first", { utf8("\u{301}") + $0 }),
        ("Hangul syllables appended", { $0 + utf8("\u{D55C}\u{AD6D}") }),
        ("Hangul jamo appended", { $0 + utf8("\u{1112}\u{1161}\u{11AB}") }),
        ("an emoji appended", { $0 + utf8("\u{1F642}") }),
        ("an emoji sequence appended", { $0 + utf8("\u{1F469}\u{200D}\u{1F469}\u{200D}\u{1F467}") }),
        ("CR LF as references inside", { inserted(utf8("&#13;&#10;"), into: $0) }),
        ("CR LF written inside", { inserted([0x0D, 0x0A], into: $0) }),
        ("a lone CR as a reference inside", { inserted(utf8("&#13;"), into: $0) }),
        ("a lone CR written inside", { inserted([0x0D], into: $0) }),
        ("a tab reference before", { utf8("&#9;") + $0 }),
        ("a tab written before", { [0x09] + $0 }),
        ("a no-break space after", { $0 + utf8("\u{A0}") }),
        ("a line separator before", { utf8("\u{2028}") + $0 }),
        ("spaces around", { utf8(" ") + $0 + utf8(" ") }),
        ("a double space inside", { inserted(utf8("  "), into: $0) }),
        ("a space before a combining mark", { $0 + utf8(" \u{301}") }),
        ("padded to 4095 bytes", { padded($0, to: 4095, with: "a") }),
        ("padded to 4096 bytes", { padded($0, to: 4096, with: "a") }),
        ("padded to 4097 bytes", { padded($0, to: 4097, with: "a") }),
        ("padded to about 4 KiB of three-byte characters", { padded($0, to: 4097, with: "\u{20AC}") }),
        ("repeated as a list of about 4 KiB", { repeatedAsList($0, to: 4100) }),
    ]

    /// Keys made equal, or nearly equal, to each other; references aimed at keys that differ
    /// from them only in normalisation or code points.
    static let keyChanges: [DocumentMutation] = [
        DocumentMutation(name: "a key duplicated") { bytes, shape, random in
            setKeys(&bytes, shape, &random) { first, _ in (first, first) }
        },
        DocumentMutation(name: "keys equal after white space") { bytes, shape, random in
            let space = random.pick([" ", "&#9;", "&#13;&#10;", "&#13;", "&#10;", "\t"])
            return setKeys(&bytes, shape, &random) { first, _ in (first, first + utf8(space)) }
        },
        DocumentMutation(name: "keys differing only by white space") { bytes, shape, random in
            setKeys(&bytes, shape, &random) { first, second in (first + utf8(" ") + second, first + utf8("  ") + second) }
        },
        DocumentMutation(name: "keys canonically equivalent") { bytes, shape, random in
            setKeys(&bytes, shape, &random) { first, _ in (first + utf8("\u{E9}"), first + utf8("e\u{301}")) }
        },
        DocumentMutation(name: "keys equal but for a space before a combining mark") { bytes, shape, random in
            setKeys(&bytes, shape, &random) { first, _ in (first + utf8("  \u{301}"), first + utf8(" \u{301}")) }
        },
        DocumentMutation(name: "a reference to an existing key") { bytes, shape, random in
            setReference(&bytes, shape, &random) { key in (key, key) }
        },
        DocumentMutation(name: "a reference decomposed, its key precomposed") { bytes, shape, random in
            setReference(&bytes, shape, &random) { key in (key + utf8("\u{E9}"), key + utf8("e\u{301}")) }
        },
        DocumentMutation(name: "a reference with one space, its key with CR LF") { bytes, shape, random in
            setReference(&bytes, shape, &random) { key in (key + utf8("&#13;&#10;x"), key + utf8(" x")) }
        },
        DocumentMutation(name: "a reference with two spaces, its key with CR LF") { bytes, shape, random in
            setReference(&bytes, shape, &random) { key in (key + utf8("&#13;&#10;x"), key + utf8("  x")) }
        },
        DocumentMutation(name: "a reference with spaces around its key") { bytes, shape, random in
            setReference(&bytes, shape, &random) { key in (key, utf8(" ") + key + utf8("&#9;")) }
        },
        DocumentMutation(name: "a reference with a no-break space") { bytes, shape, random in
            setReference(&bytes, shape, &random) { key in (key + utf8(" x"), key + utf8("\u{A0}x")) }
        },
        DocumentMutation(name: "a reference with a combining mark after a space") { bytes, shape, random in
            setReference(&bytes, shape, &random) { key in (key + utf8("  \u{301}"), key + utf8(" \u{301}")) }
        },
    ]

    /// Comments, processing instructions and CDATA sections full of `=` and `<`; quoted values
    /// holding `>` and `=`.
    static let markupChanges: [DocumentMutation] = [
        DocumentMutation(name: "a comment of 300 = and a tag of 300 attributes") { bytes, _, _ in
            insertAfterRoot(&bytes, "<!-- " + String(repeating: "=", count: 300) + " <a " + String(repeating: "b=\"c\" ", count: 300) + "> -->")
        },
        DocumentMutation(name: "a processing instruction of 300 = and <") { bytes, _, _ in
            insertAfterRoot(&bytes, "<?note " + String(repeating: "x=y ", count: 300) + String(repeating: "<z=w> ", count: 10) + "?>")
        },
        DocumentMutation(name: "a CDATA section of = and < as a text") { bytes, shape, random in
            let ranges = shape.texts.flatMap { bytes.textRanges(of: $0) }
            guard !ranges.isEmpty else { return false }
            let range = random.pick(ranges)
            bytes.replaceSubrange(range, with: utf8("<![CDATA[" + String(repeating: "a=b ", count: 300) + String(repeating: "<c=d>", count: 10) + "]]>") + bytes[range])
            return true
        },
        DocumentMutation(name: "a comment inside a text") { bytes, shape, random in
            let ranges = shape.texts.flatMap { bytes.textRanges(of: $0) }
            guard !ranges.isEmpty else { return false }
            let range = random.pick(ranges)
            bytes.replaceSubrange(range, with: inserted(utf8("<!-- " + String(repeating: "=", count: 300) + String(repeating: " <a b=c>", count: 10) + " -->"), into: Array(bytes[range])))
            return true
        },
        DocumentMutation(name: "a quoted value holding > and =") { bytes, shape, random in
            let ranges = (shape.values + shape.keys).flatMap { bytes.valueRanges(of: $0) }
            guard !ranges.isEmpty else { return false }
            let range = random.pick(ranges)
            bytes.replaceSubrange(range, with: bytes[range] + utf8(">=x==>"))
            return true
        },
    ]

    // MARK: - Building blocks

    static func inserted(_ piece: [UInt8], into value: [UInt8]) -> [UInt8] {
        // Between two characters: never inside a UTF-8 sequence.
        var middle = value.count / 2
        while middle < value.count, value[middle] & 0xC0 == 0x80 { middle += 1 }
        return Array(value[..<middle]) + piece + Array(value[middle...])
    }

    /// `value` followed by copies of `filler` up to `length` bytes (a multi-byte filler may end
    /// a little past it).
    static func padded(_ value: [UInt8], to length: Int, with filler: String) -> [UInt8] {
        var result = value
        let unit = utf8(filler)
        while result.count + unit.count <= length || (unit.count > 1 && result.count < length) { result += unit }
        return result
    }

    /// `value` repeated, separated by spaces, to at least `length` bytes.
    static func repeatedAsList(_ value: [UInt8], to length: Int) -> [UInt8] {
        guard !value.isEmpty else { return value }
        var result = value
        while result.count < length { result += [0x20] + value }
        return result
    }

    /// Sets two occurrences of one key place to `values(first, second)` of their current values
    /// (and the references to each to its new value).
    static func setKeys(_ bytes: inout [UInt8], _ shape: DocumentShape, _ random: inout SplitMix64,
                        _ values: ([UInt8], [UInt8]) -> ([UInt8], [UInt8])) -> Bool {
        let places = shape.keys.filter { bytes.valueRanges(of: $0).count >= 2 }
        guard !places.isEmpty else { return false }
        let place = random.pick(places)
        let ranges = bytes.valueRanges(of: place)
        let chosen = random.sample(Array(ranges.indices), count: 2).sorted()
        let (first, second) = (ranges[chosen[0]], ranges[chosen[1]])
        let (newFirst, newSecond) = values(Array(bytes[first]), Array(bytes[second]))
        apply(keyChange(first, of: place, to: newFirst, in: bytes, shape) + keyChange(second, of: place, to: newSecond, in: bytes, shape),
              to: &bytes)
        return true
    }

    /// Sets one key to `values(key).key`, the references to it to the same, except one, which
    /// gets `values(key).reference`.
    static func setReference(_ bytes: inout [UInt8], _ shape: DocumentShape, _ random: inout SplitMix64,
                             _ values: ([UInt8]) -> (key: [UInt8], reference: [UInt8])) -> Bool {
        let pairs = shape.references.filter { !bytes.valueRanges(of: $0.reference).isEmpty && !bytes.valueRanges(of: $0.key).isEmpty }
        guard !pairs.isEmpty else { return false }
        let pair = random.pick(pairs)
        let key = random.pick(bytes.valueRanges(of: pair.key))
        let reference = random.pick(bytes.valueRanges(of: pair.reference))
        let (newKey, newReference) = values(Array(bytes[key]))
        let edits = keyChange(key, of: pair.key, to: newKey, in: bytes, shape).filter { $0.range != reference }
        apply(edits + [(reference, newReference)], to: &bytes)
        return true
    }

    /// The edits that set the key at `range` to `value` together with every reference to it
    /// (equal to it once white space is collapsed), so that the change breaks nothing else.
    static func keyChange(_ range: Range<Int>, of place: AttributePlace, to value: [UInt8], in bytes: [UInt8],
                          _ shape: DocumentShape) -> [(range: Range<Int>, value: [UInt8])] {
        let old = collapsed(Array(bytes[range]))
        var edits = [(range: range, value: value)]
        for pair in shape.references where pair.key == place {
            for reference in bytes.valueRanges(of: pair.reference) where collapsed(Array(bytes[reference])) == old {
                edits.append((reference, value))
            }
        }
        return edits
    }

    /// Applies edits of separate ranges, the last first, so the others stay where they are.
    static func apply(_ edits: [(range: Range<Int>, value: [UInt8])], to bytes: inout [UInt8]) {
        for edit in edits.sorted(by: { $0.range.lowerBound > $1.range.lowerBound }) {
            bytes.replaceSubrange(edit.range, with: edit.value)
        }
    }

    /// `value` with runs of ASCII white space made one space and trimmed.
    static func collapsed(_ value: [UInt8]) -> [UInt8] {
        value.split(whereSeparator: { $0 == 0x20 || $0 == 0x09 || $0 == 0x0A || $0 == 0x0D })
            .map(Array.init).joined(separator: [0x20]).map { $0 }
    }

    static func insertAfterRoot(_ bytes: inout [UInt8], _ markup: String) -> Bool {
        guard let offset = bytes.afterRootStartTag else { return false }
        bytes.insert(contentsOf: utf8(markup), at: offset)
        return true
    }
}
