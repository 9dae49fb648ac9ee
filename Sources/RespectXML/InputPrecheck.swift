#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// A fast pass over the raw bytes before libxml2 sees them.
///
/// 1. Only UTF-8 and UTF-16 are read (the parser is told to ignore encoding declarations), so
///    the bytes are decoded exactly as libxml2 will decode them; UCS-4 and EBCDIC are refused.
/// 2. libxml2 2.9 compares the attributes of a start tag pairwise, so one tag with 100,000
///    attributes takes minutes. Attribute values cannot contain `<`, so counting `=` outside
///    quotes from each `<` to the tag's end bounds the attributes libxml2 can collect.
///    Comments, processing instructions and CDATA sections are not tags: their content is
///    skipped (`SkippedMarkup`), so a comment full of `=` is not taken for a crowded tag.
enum InputPrecheck {
    /// The first problem found, or nil when the bytes may be parsed.
    static func problem(in bytes: UnsafeRawBufferPointer, sourceName: String) -> XMLDiagnostic? {
        let limit = XMLLimits.maxAttributesPerElement
        let encoding = detectEncoding(bytes)
        if case .unsupported(let name) = encoding {
            let message = "the file is encoded as \(name); expected UTF-8 or UTF-16"
            return XMLDiagnostic(location: SourceLocation(file: sourceName, line: 1), message: message)
        }
        let mayBeCrowded = encoding == .utf8 ? mayHaveCrowdedTag(utf8: bytes, limit: limit) : mayHaveMoreEquals(than: limit, bytes)
        guard mayBeCrowded else { return nil }
        let offset: Int?, line: Int
        switch encoding {
        case .utf8, .unsupported:
            offset = crowdedTag(utf8: bytes, limit: limit)
            line = offset.map { lineAt($0, UTF8Units(bytes: bytes)) } ?? 0
        case .utf16(let bigEndian):
            let units = UTF16Units(bytes: bytes, bigEndian: bigEndian)
            offset = crowdedTag(units, limit: limit)
            line = offset.map { lineAt($0, units) } ?? 0
        }
        guard offset != nil else { return nil }
        let message = "a start tag has more than \(limit) attributes (namespace declarations included); "
            + "at most \(limit) are allowed per element"
        return XMLDiagnostic(location: SourceLocation(file: sourceName, line: line), message: message)
    }

    enum Encoding: Equatable {
        case utf8
        case utf16(bigEndian: Bool)
        case unsupported(String)
    }

    /// Fast path for UTF-16: every `=` character holds a 0x3D byte, so a file with few such
    /// bytes cannot have a crowded start tag. The loop vectorises.
    private static func mayHaveMoreEquals(than limit: Int, _ bytes: UnsafeRawBufferPointer) -> Bool {
        var count = 0
        for byte in bytes where byte == 0x3D { count &+= 1 }
        return count > limit
    }

    /// UTF-8 fast path, also for files with many `=` in all (see `CrowdedTagScreen`).
    private static func mayHaveCrowdedTag(utf8 bytes: UnsafeRawBufferPointer, limit: Int) -> Bool {
        var screen = CrowdedTagScreen(limit: limit)
        return screen.mayBeCrowded(adding: bytes)
    }

    /// The UTF-8 screen for crowded start tags, over a file read whole or piece by piece.
    /// `scanTag` ends a tag at the next `<` at the latest (and counts nothing in skipped
    /// markup), so a tag's `=` all lie in the blocks from the one holding its `<` to the one
    /// holding the next `<`. When no such run of blocks holds more than `limit` `=`, no tag
    /// can. That holds however the bytes are cut into blocks, so the pieces of a file read in
    /// parts may end anywhere. (In UTF-8, unlike UTF-16, a 0x3C byte is always `<`.)
    struct CrowdedTagScreen {
        let limit: Int
        /// `=` from the start of the last block holding a `<` to the end of what was added.
        private var run = 0

        init(limit: Int = XMLLimits.maxAttributesPerElement) {
            self.limit = limit
        }

        /// Adds the next bytes of the file; true when a tag may have more than `limit`
        /// attributes (then `InputPrecheck.problem` on the whole file tells).
        mutating func mayBeCrowded(adding bytes: UnsafeRawBufferPointer) -> Bool {
            guard let base = bytes.baseAddress else { return false }
            let blockSize = 1024
            var start = 0
            while start < bytes.count {
                let end = min(start + blockSize, bytes.count)
                var equals = 0, openWords: UInt64 = 0
                var offset = start
                // Eight bytes at a time (the compiler does not vectorise a byte loop with two counts).
                while offset + 8 <= end {
                    let word = base.loadUnaligned(fromByteOffset: offset, as: UInt64.self)
                    equals += InputPrecheck.zeroBytes(word ^ 0x3D3D_3D3D_3D3D_3D3D).nonzeroBitCount  // `=`
                    openWords |= InputPrecheck.zeroBytes(word ^ 0x3C3C_3C3C_3C3C_3C3C)  // `<`
                    offset += 8
                }
                var opens = openWords != 0
                while offset < end {
                    let byte = base.load(fromByteOffset: offset, as: UInt8.self)
                    if byte == 0x3D { equals += 1 } else if byte == 0x3C { opens = true }
                    offset += 1
                }
                if run + equals > limit { return true }
                run = opens ? equals : run + equals
                start = end
            }
            return false
        }
    }

    /// The high bit set in each byte of `word` that is zero, and nothing else (no carries cross
    /// bytes: each byte's low seven bits plus 0x7F stay below 0x100).
    @inline(__always)
    fileprivate static func zeroBytes(_ word: UInt64) -> UInt64 {
        let low7: UInt64 = 0x7F7F_7F7F_7F7F_7F7F
        return ~(((word & low7) &+ low7) | word | low7)
    }

    /// Mirrors libxml2's `xmlDetectCharEncoding` on the first bytes.
    static func detectEncoding(_ bytes: UnsafeRawBufferPointer) -> Encoding {
        let b = Array(bytes.prefix(4)) + [UInt8](repeating: 0xAA, count: max(0, 4 - bytes.count))
        switch (b[0], b[1], b[2], b[3]) {
        case (0x00, 0x00, 0x00, 0x3C), (0x3C, 0x00, 0x00, 0x00), (0x00, 0x00, 0x3C, 0x00),
             (0x00, 0x3C, 0x00, 0x00), (0x00, 0x00, 0xFE, 0xFF), (0xFF, 0xFE, 0x00, 0x00):
            return .unsupported("UCS-4 (UTF-32)")
        case (0x4C, 0x6F, 0xA7, 0x94):
            return .unsupported("EBCDIC")
        case (0x3C, 0x00, 0x3F, 0x00), (0xFF, 0xFE, _, _):
            return .utf16(bigEndian: false)
        case (0x00, 0x3C, 0x00, 0x3F), (0xFE, 0xFF, _, _):
            return .utf16(bigEndian: true)
        default:
            return .utf8
        }
    }

    /// UTF-8 fast path: `memchr` skips text between tags.
    private static func crowdedTag(utf8 bytes: UnsafeRawBufferPointer, limit: Int) -> Int? {
        guard let base = bytes.baseAddress else { return nil }
        let units = UTF8Units(bytes: bytes)
        var index = 0
        while index < bytes.count {
            guard let found = memchr(base + index, 0x3C, bytes.count - index) else { return nil }
            let start = UnsafeRawPointer(found) - base
            switch scanTag(units, after: start, limit: limit) {
            case .crowded: return start
            case .endsAt(let next): index = next
            }
        }
        return nil
    }

    /// The unit offset of the first start tag with more than `limit` attributes, or nil.
    private static func crowdedTag<Units: CodeUnits>(_ units: Units, limit: Int) -> Int? {
        var index = 0
        while index < units.count {
            if units[index] != 0x3C { index += 1; continue }
            switch scanTag(units, after: index, limit: limit) {
            case .crowded: return index
            case .endsAt(let next): index = next
            }
        }
        return nil
    }

    private enum TagScan { case crowded, endsAt(Int) }

    /// Skips the comment, processing instruction or CDATA section at `start`, if there is one;
    /// otherwise counts `=` outside quotes from the `<` at `start` to the closing `>` (or the
    /// next `<`, which cannot occur inside an attribute value; a `>` or `=` inside quotes is
    /// part of a value).
    @inline(__always)
    private static func scanTag<Units: CodeUnits>(_ units: Units, after start: Int, limit: Int) -> TagScan {
        if let end = SkippedMarkup.end(of: units, at: start) { return .endsAt(end) }
        var index = start + 1, count = 0
        var openQuote: UInt16 = 0
        while index < units.count {
            let unit = units[index]
            if unit == 0x3C { return .endsAt(index) }  // `<`
            index += 1
            if openQuote != 0 {
                if unit == openQuote { openQuote = 0 }
            } else if unit == 0x22 || unit == 0x27 {  // `"` or `'`
                openQuote = unit
            } else if unit == 0x3D {  // `=`
                count += 1
                if count > limit { return .crowded }
            } else if unit == 0x3E {  // `>`
                return .endsAt(index)
            }
        }
        return .endsAt(index)
    }

    /// The 1-based line of a unit offset (only computed when reporting a problem).
    private static func lineAt<Units: CodeUnits>(_ offset: Int, _ units: Units) -> Int {
        var line = 1
        for index in 0..<offset where units[index] == 0x0A { line += 1 }
        return line
    }
}
