import Foundation

/// Encodes a value as JSON exactly as Foundation's `JSONEncoder` does with `.sortedKeys` and
/// `.withoutEscapingSlashes` (and `.prettyPrinted` when asked), byte for byte, at a fraction of
/// its cost: values are written straight into bytes (see `StreamEncoder`), with no tree in
/// between and no dynamic casts but for `Decimal`. A check's answer is mostly this encoding, so
/// it bounds how many the server gives a second.
///
/// What it does not do the same way, it refuses (`Unsupported`) rather than guess, and
/// `ResultCoding` then uses `JSONEncoder`: `Date`, `Data` and `URL` values (which `JSONEncoder`
/// writes its own way), numbers that are not finite, nested containers and `superEncoder`, and
/// a value that asks for a second container of another kind. No type of this project's results
/// does any of these. `SortedJSONEncoderTests` compares the two on every example result.
struct SortedJSONEncoder {
    /// Something this encoder leaves to `JSONEncoder`.
    struct Unsupported: Error {}

    var pretty: Bool
    var userInfo: [CodingUserInfoKey: Any]

    func encode(_ value: some Encodable) throws -> [UInt8] {
        let encoder = StreamEncoder(pretty: pretty, userInfo: userInfo)
        try encoder.write(value, depth: 0)
        guard !encoder.refused else { throw Unsupported() }
        return encoder.output.bytes
    }

    // MARK: - Encoding

    /// The one encoder every value of an encoding is given. It writes into `output` and knows
    /// the value being encoded now (its slot): the depth it is written at, where its bytes
    /// begin, and the container it opened, if any, which is closed when the value is done.
    ///
    /// A list's items are written as they come. An object's members are held until the object
    /// is closed (a string or a number as it is, anything else as the call that will encode
    /// it) and then written once, in key order, the last of equal keys winning: most objects'
    /// keys come in declaration order, not key order, and holding them costs less than moving
    /// bytes already written. Containers nest strictly (nested containers are refused), so the
    /// open ones are a stack, and so are the members they hold.
    final class StreamEncoder: Encoder {
        let userInfo: [CodingUserInfoKey: Any]
        var codingPath: [any CodingKey] { [] }
        // The encoder is used by one encoding on one thread, and never hands out a reference to
        // its state, so the run-time exclusivity checks of its properties (about a sixth of its
        // cost under `perf`) are left out.
        @exclusivity(unchecked) fileprivate(set) var output: Output
        /// Set when a value did something left to JSONEncoder; the encoding is then refused.
        @exclusivity(unchecked) fileprivate(set) var refused = false

        @exclusivity(unchecked) private var depth = 0
        @exclusivity(unchecked) private var slotStart = 0
        @exclusivity(unchecked) private var slotContainer: Int?
        /// The containers open now, outermost first.
        @exclusivity(unchecked) private var open: [Container] = []
        /// The members held by the open objects, in the order they were encoded.
        @exclusivity(unchecked) private var held: [Member] = []
        @exclusivity(unchecked) private var nextID = 0

        struct Container {
            let id: Int
            let isObject: Bool
            let depth: Int
            /// Where its first member is in `held` (objects).
            let firstMember: Int
            /// How many items it has (lists).
            var count = 0
        }

        struct Member {
            let key: String
            let value: MemberValue
        }

        enum MemberValue {
            case string(String)
            case literal(String)
            /// Anything else, encoded when the object is closed, at `depth`.
            case encoded(any Encodable, depth: Int)
        }

        init(pretty: Bool, userInfo: [CodingUserInfoKey: Any]) {
            self.userInfo = userInfo
            self.output = Output(pretty: pretty)
        }

        /// Writes `value` at `depth`: a common scalar directly, anything else through its
        /// `encode(to:)`, closing the container it opened; a value that encodes nothing is an
        /// empty object, as JSONEncoder writes it.
        func write<T: Encodable>(_ value: T, depth: Int) throws {
            if let scalar = try scalar(value) {
                write(scalar)
                return
            }
            let saved = (self.depth, slotStart, slotContainer)
            defer { (self.depth, slotStart, slotContainer) = saved }
            self.depth = depth
            slotStart = output.count
            slotContainer = nil
            try value.encode(to: self)
            if let container = slotContainer {
                guard open.last?.id == container else { throw refuse() }
                try close()
            } else if output.count == slotStart {
                _ = openContainer(object: true)
                try close()
            }
        }

        /// The commonest leaves, without a container; the few types JSONEncoder writes its own
        /// way: a `Decimal` as a number; `Date`, `Data` and `URL` are left to JSONEncoder.
        /// Compared by type, not cast.
        fileprivate func scalar<T: Encodable>(_ value: T) throws -> MemberValue? {
            if T.self == String.self, let string = value as? String { return .string(string) }
            if T.self == Int.self, let number = value as? Int { return .literal(number.description) }
            if T.self == Bool.self, let flag = value as? Bool { return .literal(flag ? "true" : "false") }
            if T.self == Decimal.self, let decimal = value as? Decimal { return .literal(decimal.description) }
            if T.self == Date.self || T.self == Data.self || T.self == URL.self { throw refuse() }
            return nil
        }

        private func write(_ value: MemberValue) {
            switch value {
            case .string(let string): output.writeString(string)
            case .literal(let text): output.writeText(text)
            case .encoded: preconditionFailure("an encoded member is written by close()")
            }
        }

        /// Marks the encoding refused; the error to throw.
        fileprivate func refuse() -> Unsupported {
            refused = true
            return Unsupported()
        }

        // MARK: Containers

        private func openContainer(object: Bool) -> Int {
            nextID += 1
            open.append(Container(id: nextID, isObject: object, depth: depth, firstMember: held.count))
            if !object { output.writeByte(0x5B) }
            slotContainer = nextID
            return nextID
        }

        /// Checks that a container may be written to: it is the innermost open one.
        fileprivate func admit(_ container: Int) throws {
            guard open.last?.id == container else { throw refuse() }
        }

        /// Holds a member of the innermost object until it is closed.
        fileprivate func hold(_ key: String, _ value: MemberValue) {
            held.append(Member(key: key, value: value))
        }

        /// Starts an item of the innermost list: the separator and the line break.
        fileprivate func beginItem() {
            let index = open.count - 1
            if open[index].count > 0 { output.writeByte(0x2C) }
            open[index].count += 1
            output.newline(depth: open[index].depth + 1)
        }

        /// Closes the innermost container: a list's closing bracket; an object whole, its
        /// members in key order. An empty container is its brackets around an empty line.
        private func close() throws {
            let container = open.removeLast()
            if !container.isObject {
                if container.count == 0 && output.pretty { output.writeByte(0x0A) }
                output.newline(depth: container.depth)
                output.writeByte(0x5D)
                return
            }
            let members = container.firstMember..<held.count
            defer { held.removeSubrange(members) }
            output.writeByte(0x7B)
            if members.isEmpty && output.pretty { output.writeByte(0x0A) }
            for (position, index) in order(members).enumerated() {
                if position > 0 { output.writeByte(0x2C) }
                output.newline(depth: container.depth + 1)
                output.writeString(held[index].key)
                output.writeColon()
                if case .encoded(let value, let depth) = held[index].value {
                    try write(value, depth: depth)
                } else {
                    write(held[index].value)
                }
            }
            output.newline(depth: container.depth)
            output.writeByte(0x7D)
        }

        /// The held members in key order (by Unicode scalar, as `String` orders), stably, and of
        /// equal keys only the last.
        private func order(_ members: Range<Int>) -> [Int] {
            var order = Array(members)
            if zip(members, members.dropFirst()).allSatisfy({ held[$0].key < held[$1].key }) { return order }
            order.sort { held[$0].key == held[$1].key ? $0 < $1 : held[$0].key < held[$1].key }
            var kept: [Int] = []
            kept.reserveCapacity(order.count)
            for index in order {
                if let last = kept.last, held[last].key == held[index].key {
                    kept[kept.count - 1] = index
                } else {
                    kept.append(index)
                }
            }
            return kept
        }

        func container<Key: CodingKey>(keyedBy type: Key.Type) -> KeyedEncodingContainer<Key> {
            if let existing = slotContainer {
                if open.last?.id != existing || open.last?.isObject != true { refused = true }
                return KeyedEncodingContainer(KeyedContainer<Key>(encoder: self, id: existing, depth: depth))
            }
            if output.count != slotStart { refused = true }
            let id = openContainer(object: true)
            return KeyedEncodingContainer(KeyedContainer<Key>(encoder: self, id: id, depth: depth))
        }

        func unkeyedContainer() -> any UnkeyedEncodingContainer {
            if let existing = slotContainer {
                if open.last?.id != existing || open.last?.isObject != false { refused = true }
                return UnkeyedContainer(encoder: self, id: existing, depth: depth, count: open.last?.count ?? 0)
            }
            if output.count != slotStart { refused = true }
            let id = openContainer(object: false)
            return UnkeyedContainer(encoder: self, id: id, depth: depth, count: 0)
        }

        func singleValueContainer() -> any SingleValueEncodingContainer {
            SingleValueContainer(encoder: self)
        }

        /// Writes a single value into the current slot, which must still be empty.
        fileprivate func single(_ write: (StreamEncoder) throws -> Void) throws {
            guard slotContainer == nil, output.count == slotStart else { throw refuse() }
            try write(self)
        }

        fileprivate var currentDepth: Int { depth }
    }

    struct KeyedContainer<Key: CodingKey>: KeyedEncodingContainerProtocol {
        let encoder: StreamEncoder
        let id: Int
        let depth: Int
        var codingPath: [any CodingKey] { [] }

        private func hold(_ key: Key, _ value: StreamEncoder.MemberValue) throws {
            try encoder.admit(id)
            encoder.hold(key.stringValue, value)
        }

        mutating func encodeNil(forKey key: Key) throws { try hold(key, .literal("null")) }
        mutating func encode(_ value: Bool, forKey key: Key) throws { try hold(key, .literal(value ? "true" : "false")) }
        mutating func encode(_ value: String, forKey key: Key) throws { try hold(key, .string(value)) }
        mutating func encode(_ value: Double, forKey key: Key) throws { try hold(key, .literal(Numbers.double(value))) }
        mutating func encode(_ value: Float, forKey key: Key) throws { try hold(key, .literal(Numbers.float(value))) }
        mutating func encode(_ value: Int, forKey key: Key) throws { try hold(key, .literal(value.description)) }
        mutating func encode(_ value: Int8, forKey key: Key) throws { try hold(key, .literal(value.description)) }
        mutating func encode(_ value: Int16, forKey key: Key) throws { try hold(key, .literal(value.description)) }
        mutating func encode(_ value: Int32, forKey key: Key) throws { try hold(key, .literal(value.description)) }
        mutating func encode(_ value: Int64, forKey key: Key) throws { try hold(key, .literal(value.description)) }
        mutating func encode(_ value: UInt, forKey key: Key) throws { try hold(key, .literal(value.description)) }
        mutating func encode(_ value: UInt8, forKey key: Key) throws { try hold(key, .literal(value.description)) }
        mutating func encode(_ value: UInt16, forKey key: Key) throws { try hold(key, .literal(value.description)) }
        mutating func encode(_ value: UInt32, forKey key: Key) throws { try hold(key, .literal(value.description)) }
        mutating func encode(_ value: UInt64, forKey key: Key) throws { try hold(key, .literal(value.description)) }
        mutating func encode<T: Encodable>(_ value: T, forKey key: Key) throws {
            if let scalar = try encoder.scalar(value) {
                try hold(key, scalar)
            } else {
                try hold(key, .encoded(value, depth: depth + 1))
            }
        }

        mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type,
                                                            forKey key: Key) -> KeyedEncodingContainer<NestedKey> {
            _ = encoder.refuse()
            return KeyedEncodingContainer(RefusingContainer<NestedKey>())
        }

        mutating func nestedUnkeyedContainer(forKey key: Key) -> any UnkeyedEncodingContainer {
            _ = encoder.refuse()
            return RefusingContainer<RefusedKey>()
        }

        mutating func superEncoder() -> any Encoder { RefusingEncoder(userInfo: encoder.userInfo) }
        mutating func superEncoder(forKey key: Key) -> any Encoder { RefusingEncoder(userInfo: encoder.userInfo) }
    }

    struct UnkeyedContainer: UnkeyedEncodingContainer {
        let encoder: StreamEncoder
        let id: Int
        let depth: Int
        var codingPath: [any CodingKey] { [] }
        private(set) var count: Int

        init(encoder: StreamEncoder, id: Int, depth: Int, count: Int) {
            self.encoder = encoder
            self.id = id
            self.depth = depth
            self.count = count
        }

        private mutating func item(_ write: (StreamEncoder) throws -> Void) throws {
            try encoder.admit(id)
            encoder.beginItem()
            count += 1
            try write(encoder)
        }

        mutating func encodeNil() throws { try item { $0.output.writeLiteral("null") } }
        mutating func encode(_ value: Bool) throws { try item { $0.output.writeLiteral(value ? "true" : "false") } }
        mutating func encode(_ value: String) throws { try item { $0.output.writeString(value) } }
        mutating func encode(_ value: Double) throws { try item { try $0.output.writeText(Numbers.double(value)) } }
        mutating func encode(_ value: Float) throws { try item { try $0.output.writeText(Numbers.float(value)) } }
        mutating func encode(_ value: Int) throws { try item { $0.output.writeInteger(value) } }
        mutating func encode(_ value: Int8) throws { try item { $0.output.writeInteger(value) } }
        mutating func encode(_ value: Int16) throws { try item { $0.output.writeInteger(value) } }
        mutating func encode(_ value: Int32) throws { try item { $0.output.writeInteger(value) } }
        mutating func encode(_ value: Int64) throws { try item { $0.output.writeInteger(value) } }
        mutating func encode(_ value: UInt) throws { try item { $0.output.writeInteger(value) } }
        mutating func encode(_ value: UInt8) throws { try item { $0.output.writeInteger(value) } }
        mutating func encode(_ value: UInt16) throws { try item { $0.output.writeInteger(value) } }
        mutating func encode(_ value: UInt32) throws { try item { $0.output.writeInteger(value) } }
        mutating func encode(_ value: UInt64) throws { try item { $0.output.writeInteger(value) } }
        mutating func encode<T: Encodable>(_ value: T) throws {
            let depth = depth
            try item { try $0.write(value, depth: depth + 1) }
        }

        mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type) -> KeyedEncodingContainer<NestedKey> {
            _ = encoder.refuse()
            return KeyedEncodingContainer(RefusingContainer<NestedKey>())
        }

        mutating func nestedUnkeyedContainer() -> any UnkeyedEncodingContainer {
            _ = encoder.refuse()
            return RefusingContainer<RefusedKey>()
        }

        mutating func superEncoder() -> any Encoder { RefusingEncoder(userInfo: encoder.userInfo) }
    }

    struct SingleValueContainer: SingleValueEncodingContainer {
        let encoder: StreamEncoder
        var codingPath: [any CodingKey] { [] }

        mutating func encodeNil() throws { try encoder.single { $0.output.writeLiteral("null") } }
        mutating func encode(_ value: Bool) throws { try encoder.single { $0.output.writeLiteral(value ? "true" : "false") } }
        mutating func encode(_ value: String) throws { try encoder.single { $0.output.writeString(value) } }
        mutating func encode(_ value: Double) throws { try encoder.single { try $0.output.writeText(Numbers.double(value)) } }
        mutating func encode(_ value: Float) throws { try encoder.single { try $0.output.writeText(Numbers.float(value)) } }
        mutating func encode(_ value: Int) throws { try encoder.single { $0.output.writeInteger(value) } }
        mutating func encode(_ value: Int8) throws { try encoder.single { $0.output.writeInteger(value) } }
        mutating func encode(_ value: Int16) throws { try encoder.single { $0.output.writeInteger(value) } }
        mutating func encode(_ value: Int32) throws { try encoder.single { $0.output.writeInteger(value) } }
        mutating func encode(_ value: Int64) throws { try encoder.single { $0.output.writeInteger(value) } }
        mutating func encode(_ value: UInt) throws { try encoder.single { $0.output.writeInteger(value) } }
        mutating func encode(_ value: UInt8) throws { try encoder.single { $0.output.writeInteger(value) } }
        mutating func encode(_ value: UInt16) throws { try encoder.single { $0.output.writeInteger(value) } }
        mutating func encode(_ value: UInt32) throws { try encoder.single { $0.output.writeInteger(value) } }
        mutating func encode(_ value: UInt64) throws { try encoder.single { $0.output.writeInteger(value) } }
        mutating func encode<T: Encodable>(_ value: T) throws {
            try encoder.single { try $0.write(value, depth: $0.currentDepth) }
        }
    }

    /// What `superEncoder` returns: any use of it leaves the whole value to JSONEncoder.
    struct RefusingEncoder: Encoder {
        let userInfo: [CodingUserInfoKey: Any]
        var codingPath: [any CodingKey] { [] }

        func container<Key: CodingKey>(keyedBy type: Key.Type) -> KeyedEncodingContainer<Key> {
            KeyedEncodingContainer(RefusingContainer<Key>())
        }

        func unkeyedContainer() -> any UnkeyedEncodingContainer { RefusingContainer<RefusedKey>() }
        func singleValueContainer() -> any SingleValueEncodingContainer { RefusingContainer<RefusedKey>() }
    }

    struct RefusedKey: CodingKey {
        var stringValue: String { "" }
        var intValue: Int? { nil }
        init?(stringValue: String) { nil }
        init?(intValue: Int) { nil }
    }

    /// Refuses every value (see `RefusingEncoder`).
    struct RefusingContainer<Key: CodingKey>: KeyedEncodingContainerProtocol, UnkeyedEncodingContainer, SingleValueEncodingContainer {
        var codingPath: [any CodingKey] { [] }
        var count: Int { 0 }

        mutating func encodeNil(forKey key: Key) throws { throw Unsupported() }
        mutating func encode<T: Encodable>(_ value: T, forKey key: Key) throws { throw Unsupported() }
        mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type,
                                                            forKey key: Key) -> KeyedEncodingContainer<NestedKey> {
            KeyedEncodingContainer(RefusingContainer<NestedKey>())
        }
        mutating func nestedUnkeyedContainer(forKey key: Key) -> any UnkeyedEncodingContainer { self }
        mutating func superEncoder() -> any Encoder { RefusingEncoder(userInfo: [:]) }
        mutating func superEncoder(forKey key: Key) -> any Encoder { RefusingEncoder(userInfo: [:]) }
        mutating func encodeNil() throws { throw Unsupported() }
        mutating func encode<T: Encodable>(_ value: T) throws { throw Unsupported() }
        mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type) -> KeyedEncodingContainer<NestedKey> {
            KeyedEncodingContainer(RefusingContainer<NestedKey>())
        }
        mutating func nestedUnkeyedContainer() -> any UnkeyedEncodingContainer { self }
    }

    /// Numbers as JSONEncoder writes them: the shortest text that reads back the same, without
    /// a trailing `.0`; not-finite numbers are left to JSONEncoder (which refuses them).
    enum Numbers {
        static func double(_ value: Double) throws -> String {
            guard value.isFinite else { throw Unsupported() }
            return trimmed(value.description)
        }

        static func float(_ value: Float) throws -> String {
            guard value.isFinite else { throw Unsupported() }
            return trimmed(value.description)
        }

        private static func trimmed(_ text: String) -> String {
            text.hasSuffix(".0") ? String(text.dropLast(2)) : text
        }
    }
}
