extension SortedJSONEncoder {
    /// Writes the tree as JSONEncoder lays it out: members sorted by key (by Unicode scalar, as
    /// `String` orders; the last of two equal keys wins, as in a dictionary); pretty-printed with
    /// two spaces per level and `" : "` between key and value, an empty container as its
    /// brackets around an empty line; strings with `"`, `\`, and control characters escaped
    /// (`\n`, `\r`, `\t`, `\b`, `\f`, else `\u00XX`), slashes and everything else as UTF-8.
    struct Writer {
        let pretty: Bool
        private(set) var bytes: [UInt8] = []

        init(pretty: Bool) {
            self.pretty = pretty
            bytes.reserveCapacity(64 * 1024)
        }

        mutating func write(_ node: Node, depth: Int) {
            switch node {
            case .literal(let text):
                bytes.append(contentsOf: text.utf8)
            case .string(let text):
                writeString(text)
            case .object(let object):
                let members = Self.sortedMembers(object.members)
                open(0x7B, empty: members.isEmpty, depth: depth)
                for (index, member) in members.enumerated() {
                    if index > 0 { bytes.append(0x2C) }
                    newline(depth: depth + 1)
                    writeString(member.key)
                    if pretty { bytes.append(contentsOf: [0x20, 0x3A, 0x20]) } else { bytes.append(0x3A) }
                    write(member.value, depth: depth + 1)
                }
                close(0x7D, depth: depth)
            case .array(let list):
                open(0x5B, empty: list.items.isEmpty, depth: depth)
                for (index, item) in list.items.enumerated() {
                    if index > 0 { bytes.append(0x2C) }
                    newline(depth: depth + 1)
                    write(item, depth: depth + 1)
                }
                close(0x5D, depth: depth)
            }
        }

        /// The opening bracket; for an empty container pretty-printed, the empty line after it.
        private mutating func open(_ bracket: UInt8, empty: Bool, depth: Int) {
            bytes.append(bracket)
            if empty && pretty { bytes.append(0x0A) }
        }

        private mutating func close(_ bracket: UInt8, depth: Int) {
            newline(depth: depth)
            bytes.append(bracket)
        }

        private mutating func newline(depth: Int) {
            guard pretty else { return }
            bytes.append(0x0A)
            bytes.append(contentsOf: repeatElement(0x20, count: 2 * depth))
        }

        /// Members in key order, the last of equal keys kept.
        static func sortedMembers(_ members: [(key: String, value: Node)]) -> [(key: String, value: Node)] {
            guard members.count > 1 else { return members }
            // Most objects have distinct keys: sort them as they are.
            var sorted = members
            sorted.sort { $0.key < $1.key }
            if !zip(sorted, sorted.dropFirst()).contains(where: { $0.key == $1.key }) { return sorted }
            return lastOfEqualKeys(members)
        }

        /// Members sorted stably, and of equal keys only the last encoded.
        private static func lastOfEqualKeys(_ members: [(key: String, value: Node)]) -> [(key: String, value: Node)] {
            let order = members.indices.sorted { lhs, rhs in
                members[lhs].key == members[rhs].key ? lhs < rhs : members[lhs].key < members[rhs].key
            }
            var sorted: [(key: String, value: Node)] = []
            sorted.reserveCapacity(members.count)
            for index in order {
                if let last = sorted.last, last.key == members[index].key {
                    sorted[sorted.count - 1] = members[index]
                } else {
                    sorted.append(members[index])
                }
            }
            return sorted
        }

        private mutating func writeString(_ text: String) {
            bytes.append(0x22)
            var text = text
            text.withUTF8 { utf8 in
                var start = 0
                for (index, byte) in utf8.enumerated() where byte < 0x20 || byte == 0x22 || byte == 0x5C {
                    bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[start..<index]))
                    switch byte {
                    case 0x22: bytes.append(contentsOf: [0x5C, 0x22])
                    case 0x5C: bytes.append(contentsOf: [0x5C, 0x5C])
                    case 0x0A: bytes.append(contentsOf: [0x5C, 0x6E])
                    case 0x0D: bytes.append(contentsOf: [0x5C, 0x72])
                    case 0x09: bytes.append(contentsOf: [0x5C, 0x74])
                    case 0x08: bytes.append(contentsOf: [0x5C, 0x62])
                    case 0x0C: bytes.append(contentsOf: [0x5C, 0x66])
                    default:
                        let hex: [UInt8] = Array("0123456789abcdef".utf8)
                        bytes.append(contentsOf: [0x5C, 0x75, 0x30, 0x30, hex[Int(byte >> 4)], hex[Int(byte & 0x0F)]])
                    }
                    start = index + 1
                }
                bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[start...]))
            }
            bytes.append(0x22)
        }
    }
}
