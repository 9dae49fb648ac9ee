extension SortedJSONEncoder {
    /// The bytes being written, laid out as JSONEncoder lays them out: pretty-printed with two
    /// spaces per level and `" : "` between key and value; strings with `"`, `\`, and control
    /// characters escaped (`\n`, `\r`, `\t`, `\b`, `\f`, else `\u00XX`), slashes and everything
    /// else as UTF-8. The encoder decides what goes where (`StreamEncoder`).
    struct Output {
        let pretty: Bool
        private(set) var bytes: [UInt8] = []

        init(pretty: Bool) {
            self.pretty = pretty
            bytes.reserveCapacity(256 * 1024)
        }

        var count: Int { bytes.count }

        mutating func writeByte(_ byte: UInt8) {
            bytes.append(byte)
        }

        /// What goes between a key and its value.
        mutating func writeColon() {
            if pretty { bytes.append(contentsOf: Self.colon) } else { bytes.append(0x3A) }
        }

        // MARK: Scalars

        mutating func writeLiteral(_ text: StaticString) {
            bytes.append(contentsOf: UnsafeBufferPointer(start: text.utf8Start, count: text.utf8CodeUnitCount))
        }

        mutating func writeText(_ text: String) {
            bytes.append(contentsOf: text.utf8)
        }

        mutating func writeInteger(_ value: some BinaryInteger & CustomStringConvertible) {
            bytes.append(contentsOf: value.description.utf8)
        }

        mutating func writeString(_ text: String) {
            bytes.append(0x22)
            var text = text
            text.withUTF8 { utf8 in
                var start = 0
                var index = 0
                let end = utf8.count
                while index < end {
                    let byte = utf8[index]
                    if byte < 0x20 || byte == 0x22 || byte == 0x5C {
                        if start < index { bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[start..<index])) }
                        escape(byte)
                        start = index + 1
                    }
                    index += 1
                }
                if start < end { bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[start..<end])) }
            }
            bytes.append(0x22)
        }

        private mutating func escape(_ byte: UInt8) {
            bytes.append(0x5C)
            switch byte {
            case 0x22: bytes.append(0x22)
            case 0x5C: bytes.append(0x5C)
            case 0x0A: bytes.append(0x6E)
            case 0x0D: bytes.append(0x72)
            case 0x09: bytes.append(0x74)
            case 0x08: bytes.append(0x62)
            case 0x0C: bytes.append(0x66)
            default:
                bytes.append(contentsOf: [0x75, 0x30, 0x30, Self.hex[Int(byte >> 4)], Self.hex[Int(byte & 0x0F)]])
            }
        }

        mutating func newline(depth: Int) {
            guard pretty else { return }
            bytes.append(0x0A)
            var remaining = 2 * depth
            while remaining > 0 {
                let run = min(remaining, Self.spaces.count)
                bytes.append(contentsOf: Self.spaces[0..<run])
                remaining -= run
            }
        }

        private static let colon: [UInt8] = [0x20, 0x3A, 0x20]
        private static let spaces = [UInt8](repeating: 0x20, count: 64)
        private static let hex: [UInt8] = Array("0123456789abcdef".utf8)
    }
}
