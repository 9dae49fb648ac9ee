/// An XSD `xs:pattern` in the subset the engine matches itself: a sequence of pieces, each one
/// character, `.`, a single-character escape (`\-`, `\.`, …) or a bracketed class of
/// characters, ranges and such escapes (optionally negated with `^`), with an optional
/// quantifier (`?`, `*`, `+`, `{n}`, `{n,}`, `{n,m}`). Anything else (alternatives, groups,
/// `\d`, `\s`, `\p{…}`, class subtraction) is not parsed, and the facet stays with libxml2.
///
/// XSD patterns match the whole value (they are implicitly anchored), on characters (Unicode
/// scalars), with `^` and `$` as ordinary characters.
public struct XSDPattern: Sendable, Equatable {
    /// A class of characters as parsed.
    struct CharacterSet: Sendable, Equatable {
        var ranges: [ClosedRange<UInt32>]
        var negated = false

        func contains(_ scalar: UInt32) -> Bool {
            ranges.contains { $0.contains(scalar) } != negated
        }
    }

    /// One piece as matched: plain values only (no reference counting in the matching loop);
    /// ASCII membership in two bit masks, other characters looked up in `classes[set]`.
    struct Piece: Sendable, Equatable {
        var asciiLow: UInt64 = 0
        var asciiHigh: UInt64 = 0
        var set: Int
        var minimum: Int
        /// `Int.max`: unbounded.
        var maximum: Int

        init(_ characters: CharacterSet, set: Int, minimum: Int, maximum: Int?) {
            self.set = set
            self.minimum = minimum
            self.maximum = maximum ?? Int.max
            for scalar in UInt32(0)..<128 where characters.contains(scalar) {
                if scalar < 64 { asciiLow |= 1 << UInt64(scalar) } else { asciiHigh |= 1 << UInt64(scalar - 64) }
            }
        }
    }

    let pieces: [Piece]
    /// The character classes of the pieces, by `Piece.set`.
    let classes: [CharacterSet]
    /// The pattern as written, for messages and tests.
    public let source: String

    /// Parses `source`; nil when it is outside the subset.
    public init?(_ source: String) {
        var parser = Parser(Array(source.unicodeScalars.map(\.value)))
        guard let parsed = parser.pieces() else { return nil }
        self.classes = parsed.map(\.characters)
        self.pieces = parsed.enumerated().map { Piece($1.characters, set: $0, minimum: $1.minimum, maximum: $1.maximum) }
        self.source = source
    }

    @inline(__always)
    private func piece(_ piece: Piece, contains scalar: UInt32) -> Bool {
        if scalar < 64 { return piece.asciiLow & (1 << UInt64(scalar)) != 0 }
        if scalar < 128 { return piece.asciiHigh & (1 << UInt64(scalar - 64)) != 0 }
        return classes[piece.set].contains(scalar)
    }

    /// True when the whole of `value` matches.
    public func matches(_ value: String) -> Bool {
        var value = value
        return value.withUTF8 { matches(utf8: $0) }
    }

    /// True when the whole of the UTF-8 text matches, code point by code point (ASCII is read
    /// as it is; other text is decoded to code points first, never to `Character`s, so a
    /// combining mark is a character of its own, as in XSD). Text that is not valid UTF-8 (which
    /// libxml2 never hands over) does not match.
    func matches(utf8 bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        if bytes.allSatisfy({ $0 < 0x80 }) {
            return matches(scalars: bytes.lazy.map { UInt32($0) })
        }
        var scalars: [UInt32] = []
        scalars.reserveCapacity(bytes.count)
        var decoder = UTF8()
        var iterator = bytes.makeIterator()
        while true {
            switch decoder.decode(&iterator) {
            case .scalarValue(let scalar): scalars.append(scalar.value)
            case .emptyInput: return matches(scalars: scalars)
            case .error: return false
            }
        }
    }

    /// Tracks every position the pieces so far can end at, so it needs no backtracking:
    /// O(pieces × length × repetitions). Values under 128 characters keep the positions in a
    /// bit mask (no allocation).
    func matches<Scalars: RandomAccessCollection>(scalars: Scalars) -> Bool where Scalars.Element == UInt32, Scalars.Index == Int {
        let count = scalars.count
        guard count < 128 else { return matchesLong(scalars: scalars) }
        var reachable: UInt128 = 1
        for piece in pieces {
            var next: UInt128 = 0
            var positions = reachable
            while positions != 0 {
                let start = positions.trailingZeroBitCount
                positions &= positions - 1
                if piece.minimum == 0 { next |= 1 << UInt128(start) }
                var taken = 0
                let limit = min(piece.maximum, count - start)
                while taken < limit, self.piece(piece, contains: scalars[scalars.startIndex + start + taken]) {
                    taken += 1
                    if taken >= piece.minimum { next |= 1 << UInt128(start + taken) }
                }
            }
            guard next != 0 else { return false }
            reachable = next
        }
        return reachable & (1 << UInt128(count)) != 0
    }

    private func matchesLong<Scalars: RandomAccessCollection>(scalars: Scalars) -> Bool where Scalars.Element == UInt32, Scalars.Index == Int {
        let count = scalars.count
        var reachable = [Bool](repeating: false, count: count + 1)
        reachable[0] = true
        for piece in pieces {
            var next = [Bool](repeating: false, count: count + 1)
            var any = false
            for start in 0...count where reachable[start] {
                if piece.minimum == 0 { next[start] = true; any = true }
                var taken = 0
                let limit = min(piece.maximum, count - start)
                while taken < limit, self.piece(piece, contains: scalars[scalars.startIndex + start + taken]) {
                    taken += 1
                    if taken >= piece.minimum { next[start + taken] = true; any = true }
                }
            }
            guard any else { return false }
            reachable = next
        }
        return reachable[count]
    }

    /// Reads the subset's grammar from the pattern's scalars.
    private struct Parser {
        let text: [UInt32]
        var index = 0

        init(_ text: [UInt32]) { self.text = text }

        static let metacharacters = Set(".\\?*+{}()[]|".unicodeScalars.map(\.value))
        /// Characters `\` may escape to stand for themselves (`\n`, `\r`, `\t` name controls).
        static let escapable = Set("\\|.-^?*+{}()[]".unicodeScalars.map(\.value))

        var current: UInt32? { index < text.count ? text[index] : nil }

        mutating func pieces() -> [(characters: CharacterSet, minimum: Int, maximum: Int?)]? {
            var pieces: [(characters: CharacterSet, minimum: Int, maximum: Int?)] = []
            while current != nil {
                guard let characters = atom(), let (minimum, maximum) = quantifier() else { return nil }
                pieces.append((characters, minimum, maximum))
            }
            return pieces
        }

        mutating func atom() -> CharacterSet? {
            guard let scalar = current else { return nil }
            switch scalar {
            case 0x2E: // "."
                index += 1
                return CharacterSet(ranges: [0x0A...0x0A, 0x0D...0x0D], negated: true)
            case 0x5C: // "\"
                guard let escaped = escape() else { return nil }
                return CharacterSet(ranges: [escaped...escaped])
            case 0x5B: // "["
                return characterClass()
            default:
                guard !Self.metacharacters.contains(scalar) else { return nil }
                index += 1
                return CharacterSet(ranges: [scalar...scalar])
            }
        }

        /// A single-character escape after `\`; nil for multi-character or category escapes.
        mutating func escape() -> UInt32? {
            index += 1
            guard let scalar = current else { return nil }
            index += 1
            switch scalar {
            case 0x6E: return 0x0A // \n
            case 0x72: return 0x0D // \r
            case 0x74: return 0x09 // \t
            default: return Self.escapable.contains(scalar) ? scalar : nil
            }
        }

        mutating func characterClass() -> CharacterSet? {
            index += 1 // "["
            var set = CharacterSet(ranges: [])
            if current == 0x5E { set.negated = true; index += 1 } // "^"
            var first = true
            while current != nil && current != 0x5D { // up to "]"
                guard let low = classCharacter(first: first) else { return nil }
                first = false
                // "a-z"; a "-" just before "]" is itself; "-[" (subtraction) is not supported.
                if current == 0x2D, index + 1 < text.count, text[index + 1] != 0x5D {
                    index += 1
                    guard current != 0x5B, let high = classCharacter(first: false), low <= high else { return nil }
                    set.ranges.append(low...high)
                } else {
                    set.ranges.append(low...low)
                }
            }
            guard current == 0x5D, !set.ranges.isEmpty else { return nil }
            index += 1
            return set
        }

        /// One character inside brackets: plain, or a single-character escape.
        mutating func classCharacter(first: Bool) -> UInt32? {
            guard let scalar = current else { return nil }
            if scalar == 0x5C { return escape() }
            // "[" inside a class and "-" in the middle of one are outside the subset.
            guard scalar != 0x5B, scalar != 0x5D, scalar != 0x2D || first || (index + 1 < text.count && text[index + 1] == 0x5D)
            else { return nil }
            index += 1
            return scalar
        }

        /// `?`, `*`, `+`, `{n}`, `{n,}`, `{n,m}` or nothing (exactly once).
        mutating func quantifier() -> (Int, Int?)? {
            switch current {
            case 0x3F: index += 1; return (0, 1)
            case 0x2A: index += 1; return (0, nil)
            case 0x2B: index += 1; return (1, nil)
            case 0x7B:
                index += 1
                guard let minimum = number() else { return nil }
                var maximum: Int? = minimum
                if current == 0x2C { // ","
                    index += 1
                    maximum = current == 0x7D ? nil : number()
                    if let bound = maximum, bound < minimum { return nil }
                    if maximum == nil && current != 0x7D { return nil }
                }
                guard current == 0x7D else { return nil }
                index += 1
                return (minimum, maximum)
            default:
                return (1, 1)
            }
        }

        mutating func number() -> Int? {
            var value = 0
            var digits = 0
            while let scalar = current, scalar >= 0x30, scalar <= 0x39, digits < 6 {
                value = value * 10 + Int(scalar - 0x30)
                digits += 1
                index += 1
            }
            return digits > 0 && !(current.map { $0 >= 0x30 && $0 <= 0x39 } ?? false) ? value : nil
        }
    }
}
