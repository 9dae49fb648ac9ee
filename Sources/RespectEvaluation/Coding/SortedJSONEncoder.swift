public import Foundation

/// Encodes a value as JSON exactly as Foundation's `JSONEncoder` does with `.sortedKeys` and
/// `.withoutEscapingSlashes` (and `.prettyPrinted` when asked), byte for byte, at a fraction of
/// its cost: values are collected into a light tree (keys in arrays, not dictionaries; no
/// dynamic casts but for `Decimal`) and written straight into bytes. A check's answer is mostly
/// this encoding, so it bounds how many the server gives a second.
///
/// What it does not do the same way, it refuses (`Unsupported`) rather than guess, and
/// `ResultCoding` then uses `JSONEncoder`: `Date`, `Data` and `URL` values (which `JSONEncoder`
/// writes its own way), numbers that are not finite, and `superEncoder`.
/// `SortedJSONEncoderTests` compares the two on every example result.
struct SortedJSONEncoder {
    /// Something this encoder leaves to `JSONEncoder`.
    struct Unsupported: Error {}

    var pretty: Bool
    var userInfo: [CodingUserInfoKey: Any]

    func encode(_ value: some Encodable) throws -> [UInt8] {
        let root = try NodeEncoder.node(for: value, userInfo: userInfo)
        var writer = Writer(pretty: pretty)
        writer.write(root, depth: 0)
        return writer.bytes
    }

    // MARK: - The tree

    /// One JSON value: a scalar already written as JSON text (number, `true`, `false`, `null`),
    /// a string, or a container.
    enum Node {
        case literal(String)
        case string(String)
        case object(Object)
        case array(List)
    }

    /// An object's members in the order they were encoded; sorted when written.
    final class Object {
        var members: [(key: String, value: Node)] = []
    }

    final class List {
        var items: [Node] = []
    }

    // MARK: - Encoding

    /// The encoder each value is given: it records the one container (or scalar) the value asks for.
    final class NodeEncoder: Encoder {
        let userInfo: [CodingUserInfoKey: Any]
        var codingPath: [any CodingKey] { [] }
        private(set) var result: Node?

        init(userInfo: [CodingUserInfoKey: Any]) {
            self.userInfo = userInfo
        }

        static func node(for value: some Encodable, userInfo: [CodingUserInfoKey: Any]) throws -> Node {
            if let scalar = try scalar(value) { return scalar }
            let encoder = NodeEncoder(userInfo: userInfo)
            try value.encode(to: encoder)
            // A value that encodes nothing is an empty object, as JSONEncoder writes it.
            return encoder.result ?? .object(Object())
        }

        /// The few types JSONEncoder writes its own way: a `Decimal` as a number; `Date`, `Data`
        /// and `URL` are left to JSONEncoder. Compared by type, not cast.
        private static func scalar<T: Encodable>(_ value: T) throws -> Node? {
            // The commonest leaves, without an encoder of their own.
            if T.self == String.self, let string = value as? String { return .string(string) }
            if T.self == Int.self, let number = value as? Int { return .literal(String(number)) }
            if T.self == Bool.self, let flag = value as? Bool { return .literal(flag ? "true" : "false") }
            if T.self == Decimal.self, let decimal = value as? Decimal { return .literal(decimal.description) }
            if T.self == Date.self || T.self == Data.self || T.self == URL.self { throw Unsupported() }
            return nil
        }

        func container<Key: CodingKey>(keyedBy type: Key.Type) -> KeyedEncodingContainer<Key> {
            let object: Object
            if case .object(let existing) = result {
                object = existing
            } else {
                object = Object()
                result = .object(object)
            }
            return KeyedEncodingContainer(KeyedContainer<Key>(object: object, userInfo: userInfo))
        }

        func unkeyedContainer() -> any UnkeyedEncodingContainer {
            let list: List
            if case .array(let existing) = result {
                list = existing
            } else {
                list = List()
                result = .array(list)
            }
            return UnkeyedContainer(list: list, userInfo: userInfo)
        }

        func singleValueContainer() -> any SingleValueEncodingContainer {
            SingleValueContainer(encoder: self)
        }

        fileprivate func set(_ node: Node) {
            result = node
        }
    }

    struct KeyedContainer<Key: CodingKey>: KeyedEncodingContainerProtocol {
        let object: Object
        let userInfo: [CodingUserInfoKey: Any]
        var codingPath: [any CodingKey] { [] }

        private func add(_ key: Key, _ node: Node) {
            object.members.append((key.stringValue, node))
        }

        mutating func encodeNil(forKey key: Key) throws { add(key, .literal("null")) }
        mutating func encode(_ value: Bool, forKey key: Key) throws { add(key, .literal(value ? "true" : "false")) }
        mutating func encode(_ value: String, forKey key: Key) throws { add(key, .string(value)) }
        mutating func encode(_ value: Double, forKey key: Key) throws { add(key, try Numbers.double(value)) }
        mutating func encode(_ value: Float, forKey key: Key) throws { add(key, try Numbers.float(value)) }
        mutating func encode(_ value: Int, forKey key: Key) throws { add(key, .literal(String(value))) }
        mutating func encode(_ value: Int8, forKey key: Key) throws { add(key, .literal(String(value))) }
        mutating func encode(_ value: Int16, forKey key: Key) throws { add(key, .literal(String(value))) }
        mutating func encode(_ value: Int32, forKey key: Key) throws { add(key, .literal(String(value))) }
        mutating func encode(_ value: Int64, forKey key: Key) throws { add(key, .literal(String(value))) }
        mutating func encode(_ value: UInt, forKey key: Key) throws { add(key, .literal(String(value))) }
        mutating func encode(_ value: UInt8, forKey key: Key) throws { add(key, .literal(String(value))) }
        mutating func encode(_ value: UInt16, forKey key: Key) throws { add(key, .literal(String(value))) }
        mutating func encode(_ value: UInt32, forKey key: Key) throws { add(key, .literal(String(value))) }
        mutating func encode(_ value: UInt64, forKey key: Key) throws { add(key, .literal(String(value))) }
        mutating func encode<T: Encodable>(_ value: T, forKey key: Key) throws {
            add(key, try NodeEncoder.node(for: value, userInfo: userInfo))
        }

        mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type,
                                                            forKey key: Key) -> KeyedEncodingContainer<NestedKey> {
            let nested = Object()
            add(key, .object(nested))
            return KeyedEncodingContainer(KeyedContainer<NestedKey>(object: nested, userInfo: userInfo))
        }

        mutating func nestedUnkeyedContainer(forKey key: Key) -> any UnkeyedEncodingContainer {
            let nested = List()
            add(key, .array(nested))
            return UnkeyedContainer(list: nested, userInfo: userInfo)
        }

        mutating func superEncoder() -> any Encoder { RefusingEncoder(userInfo: userInfo) }
        mutating func superEncoder(forKey key: Key) -> any Encoder { RefusingEncoder(userInfo: userInfo) }
    }

    struct UnkeyedContainer: UnkeyedEncodingContainer {
        let list: List
        let userInfo: [CodingUserInfoKey: Any]
        var codingPath: [any CodingKey] { [] }
        var count: Int { list.items.count }

        mutating func encodeNil() throws { list.items.append(.literal("null")) }
        mutating func encode(_ value: Bool) throws { list.items.append(.literal(value ? "true" : "false")) }
        mutating func encode(_ value: String) throws { list.items.append(.string(value)) }
        mutating func encode(_ value: Double) throws { list.items.append(try Numbers.double(value)) }
        mutating func encode(_ value: Float) throws { list.items.append(try Numbers.float(value)) }
        mutating func encode(_ value: Int) throws { list.items.append(.literal(String(value))) }
        mutating func encode(_ value: Int8) throws { list.items.append(.literal(String(value))) }
        mutating func encode(_ value: Int16) throws { list.items.append(.literal(String(value))) }
        mutating func encode(_ value: Int32) throws { list.items.append(.literal(String(value))) }
        mutating func encode(_ value: Int64) throws { list.items.append(.literal(String(value))) }
        mutating func encode(_ value: UInt) throws { list.items.append(.literal(String(value))) }
        mutating func encode(_ value: UInt8) throws { list.items.append(.literal(String(value))) }
        mutating func encode(_ value: UInt16) throws { list.items.append(.literal(String(value))) }
        mutating func encode(_ value: UInt32) throws { list.items.append(.literal(String(value))) }
        mutating func encode(_ value: UInt64) throws { list.items.append(.literal(String(value))) }
        mutating func encode<T: Encodable>(_ value: T) throws {
            list.items.append(try NodeEncoder.node(for: value, userInfo: userInfo))
        }

        mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type) -> KeyedEncodingContainer<NestedKey> {
            let nested = Object()
            list.items.append(.object(nested))
            return KeyedEncodingContainer(KeyedContainer<NestedKey>(object: nested, userInfo: userInfo))
        }

        mutating func nestedUnkeyedContainer() -> any UnkeyedEncodingContainer {
            let nested = List()
            list.items.append(.array(nested))
            return UnkeyedContainer(list: nested, userInfo: userInfo)
        }

        mutating func superEncoder() -> any Encoder { RefusingEncoder(userInfo: userInfo) }
    }

    struct SingleValueContainer: SingleValueEncodingContainer {
        let encoder: NodeEncoder
        var codingPath: [any CodingKey] { [] }

        mutating func encodeNil() throws { encoder.set(.literal("null")) }
        mutating func encode(_ value: Bool) throws { encoder.set(.literal(value ? "true" : "false")) }
        mutating func encode(_ value: String) throws { encoder.set(.string(value)) }
        mutating func encode(_ value: Double) throws { encoder.set(try Numbers.double(value)) }
        mutating func encode(_ value: Float) throws { encoder.set(try Numbers.float(value)) }
        mutating func encode(_ value: Int) throws { encoder.set(.literal(String(value))) }
        mutating func encode(_ value: Int8) throws { encoder.set(.literal(String(value))) }
        mutating func encode(_ value: Int16) throws { encoder.set(.literal(String(value))) }
        mutating func encode(_ value: Int32) throws { encoder.set(.literal(String(value))) }
        mutating func encode(_ value: Int64) throws { encoder.set(.literal(String(value))) }
        mutating func encode(_ value: UInt) throws { encoder.set(.literal(String(value))) }
        mutating func encode(_ value: UInt8) throws { encoder.set(.literal(String(value))) }
        mutating func encode(_ value: UInt16) throws { encoder.set(.literal(String(value))) }
        mutating func encode(_ value: UInt32) throws { encoder.set(.literal(String(value))) }
        mutating func encode(_ value: UInt64) throws { encoder.set(.literal(String(value))) }
        mutating func encode<T: Encodable>(_ value: T) throws {
            encoder.set(try NodeEncoder.node(for: value, userInfo: encoder.userInfo))
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
        static func double(_ value: Double) throws -> Node {
            guard value.isFinite else { throw Unsupported() }
            return .literal(trimmed(value.description))
        }

        static func float(_ value: Float) throws -> Node {
            guard value.isFinite else { throw Unsupported() }
            return .literal(trimmed(value.description))
        }

        private static func trimmed(_ text: String) -> String {
            text.hasSuffix(".0") ? String(text.dropLast(2)) : text
        }
    }
}
