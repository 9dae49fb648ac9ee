/// Code units of the input as `InputPrecheck` reads them, widened to 16 bits.
protocol CodeUnits {
    var count: Int { get }
    subscript(_ index: Int) -> UInt16 { get }
    /// The number of units of the XML character (`Char` in XML 1.0) at `index`, or nil when the
    /// units there do not encode one (a control character, a surrogate, U+FFFE, U+FFFF, a
    /// broken or overlong sequence, or the end of the input).
    func characterLength(at index: Int) -> Int?
}

extension CodeUnits {
    /// True when the units from `index` are the ASCII characters of `text`.
    func has(_ text: StaticString, at index: Int) -> Bool {
        let count = text.utf8CodeUnitCount
        guard index >= 0, index + count <= self.count else { return false }
        let bytes = text.utf8Start
        for offset in 0..<count where self[index + offset] != UInt16(bytes[offset]) { return false }
        return true
    }

    /// Tab, line feed, carriage return and every code point from U+0020 (callers exclude
    /// surrogates, U+FFFE and U+FFFF).
    @inline(__always)
    static func isCharacter(_ unit: UInt16) -> Bool {
        unit >= 0x20 || unit == 0x09 || unit == 0x0A || unit == 0x0D
    }
}

struct UTF8Units: CodeUnits {
    let bytes: UnsafeRawBufferPointer
    var count: Int { bytes.count }
    @inline(__always) subscript(_ index: Int) -> UInt16 { UInt16(bytes[index]) }

    func characterLength(at index: Int) -> Int? {
        guard index < count else { return nil }
        let lead = bytes[index]
        if lead < 0x80 { return Self.isCharacter(UInt16(lead)) ? 1 : nil }
        // The second byte's range depends on the lead (no overlong forms, no surrogates
        // U+D800–U+DFFF, nothing past U+10FFFF); later bytes are 80–BF.
        let length: Int, second: ClosedRange<UInt8>
        switch lead {
        case 0xC2...0xDF: (length, second) = (2, 0x80...0xBF)
        case 0xE0: (length, second) = (3, 0xA0...0xBF)
        case 0xE1...0xEC, 0xEE, 0xEF: (length, second) = (3, 0x80...0xBF)
        case 0xED: (length, second) = (3, 0x80...0x9F)
        case 0xF0: (length, second) = (4, 0x90...0xBF)
        case 0xF1...0xF3: (length, second) = (4, 0x80...0xBF)
        case 0xF4: (length, second) = (4, 0x80...0x8F)
        default: return nil
        }
        guard index + length <= count, second.contains(bytes[index + 1]) else { return nil }
        for offset in 2..<max(length, 2) where !(0x80...0xBF).contains(bytes[index + offset]) { return nil }
        // U+FFFE and U+FFFF are not characters.
        if lead == 0xEF, bytes[index + 1] == 0xBF, bytes[index + 2] >= 0xBE { return nil }
        return length
    }
}

struct UTF16Units: CodeUnits {
    let bytes: UnsafeRawBufferPointer
    let bigEndian: Bool
    var count: Int { bytes.count / 2 }
    @inline(__always) subscript(_ index: Int) -> UInt16 {
        let first = UInt16(bytes[2 * index]), second = UInt16(bytes[2 * index + 1])
        return bigEndian ? first << 8 | second : second << 8 | first
    }

    func characterLength(at index: Int) -> Int? {
        guard index < count else { return nil }
        let unit = self[index]
        switch unit {
        case 0xD800...0xDBFF:
            guard index + 1 < count, (0xDC00...0xDFFF).contains(self[index + 1]) else { return nil }
            return 2
        case 0xDC00...0xDFFF, 0xFFFE, 0xFFFF:
            return nil
        default:
            return Self.isCharacter(unit) ? 1 : nil
        }
    }
}
