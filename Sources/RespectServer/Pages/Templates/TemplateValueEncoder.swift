import Foundation

/// Turns an `Encodable` page view into the `TemplateValue` its template reads.
///
/// Each struct becomes an object of its stored properties (a property that is `nil` is left
/// out, as the synthesised conformances leave it out); arrays become lists, with their `nil`
/// elements left out; a `[String: …]` dictionary becomes an object; strings stay text, Booleans
/// become flags, and numbers become the text they print as (`String(describing:)`), which is
/// what a template shows for them; a `Decimal` too, which would otherwise encode its parts.
/// (A `Date` would become its seconds since 2001: views hold dates as the text they show.)
enum TemplateValueEncoder {
    /// The template value of `value`; `nil` when it encodes nothing but `nil`.
    static func value(of value: some Encodable) throws -> TemplateValue? {
        try node(for: value).frozen
    }

    /// The commonest leaves, compared by type rather than cast, without an encoder of their own.
    private static func scalar<T: Encodable>(_ value: T) -> TemplateValue? {
        if T.self == String.self, let text = value as? String { return .text(text) }
        if T.self == Bool.self, let flag = value as? Bool { return .flag(flag) }
        if T.self == Int.self, let number = value as? Int { return .text(String(number)) }
        if T.self == Decimal.self, let number = value as? Decimal { return .text(number.description) }
        return nil
    }

    // MARK: - The tree while it is being encoded

    /// A value being built: containers are filled after they are handed out, so they are
    /// references until the whole value has been encoded.
    fileprivate enum Node {
        case value(TemplateValue)
        case object(ObjectNode)
        case list(ListNode)
        /// `nil`: left out of the object or list that holds it.
        case absent
        /// What a `superEncoder` is given, read when the whole value is frozen.
        case encoder(NodeEncoder)

        var frozen: TemplateValue? {
            switch self {
            case .value(let value): value
            case .object(let object): .object(object.frozenFields)
            case .list(let list): .list(list.items.compactMap(\.frozen))
            case .absent: nil
            case .encoder(let encoder): (encoder.root ?? .object(ObjectNode())).frozen
            }
        }
    }

    /// An object's fields in the order they were encoded (a later one of the same name wins),
    /// hashed once, when the object is frozen.
    fileprivate final class ObjectNode {
        var fields: [(name: String, node: Node)] = []

        func set(_ name: String, _ node: Node) {
            fields.append((name, node))
        }

        var frozenFields: [String: TemplateValue] {
            var frozen = [String: TemplateValue](minimumCapacity: fields.count)
            for (name, node) in fields {
                if let value = node.frozen { frozen[name] = value } else { frozen[name] = nil }
            }
            return frozen
        }
    }

    fileprivate final class ListNode {
        var items: [Node] = []
    }

    fileprivate static func node(for value: some Encodable) throws -> Node {
        if let scalar = scalar(value) { return .value(scalar) }
        let encoder = NodeEncoder()
        try value.encode(to: encoder)
        // A value that encodes nothing is an empty object.
        return encoder.root ?? .object(ObjectNode())
    }

    // MARK: - The encoder

    /// The encoder each value is given: it records the one container (or scalar) the value asks for.
    fileprivate final class NodeEncoder: Encoder {
        var codingPath: [any CodingKey] { [] }
        var userInfo: [CodingUserInfoKey: Any] { [:] }
        var root: Node?

        func container<Key: CodingKey>(keyedBy type: Key.Type) -> KeyedEncodingContainer<Key> {
            let object: ObjectNode
            if case .object(let existing)? = root {
                object = existing
            } else {
                object = ObjectNode()
                root = .object(object)
            }
            return KeyedEncodingContainer(KeyedContainer<Key>(object: object))
        }

        func unkeyedContainer() -> any UnkeyedEncodingContainer {
            let list: ListNode
            if case .list(let existing)? = root {
                list = existing
            } else {
                list = ListNode()
                root = .list(list)
            }
            return UnkeyedContainer(list: list)
        }

        func singleValueContainer() -> any SingleValueEncodingContainer {
            SingleValueContainer(encoder: self)
        }
    }

    fileprivate struct KeyedContainer<Key: CodingKey>: KeyedEncodingContainerProtocol {
        let object: ObjectNode
        var codingPath: [any CodingKey] { [] }

        mutating func encodeNil(forKey key: Key) throws { object.set(key.stringValue, .absent) }
        mutating func encode(_ value: Bool, forKey key: Key) throws { object.set(key.stringValue, .value(.flag(value))) }
        mutating func encode(_ value: String, forKey key: Key) throws { object.set(key.stringValue, .value(.text(value))) }
        mutating func encode(_ value: Int, forKey key: Key) throws { object.set(key.stringValue, .value(.text(String(value)))) }
        mutating func encode<T: Encodable>(_ value: T, forKey key: Key) throws {
            object.set(key.stringValue, try TemplateValueEncoder.node(for: value))
        }

        mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type, forKey key: Key)
            -> KeyedEncodingContainer<NestedKey> {
            let nested = ObjectNode()
            object.set(key.stringValue, .object(nested))
            return KeyedEncodingContainer(KeyedContainer<NestedKey>(object: nested))
        }

        mutating func nestedUnkeyedContainer(forKey key: Key) -> any UnkeyedEncodingContainer {
            let nested = ListNode()
            object.set(key.stringValue, .list(nested))
            return UnkeyedContainer(list: nested)
        }

        mutating func superEncoder() -> any Encoder { superEncoder(named: "super") }
        mutating func superEncoder(forKey key: Key) -> any Encoder { superEncoder(named: key.stringValue) }

        private func superEncoder(named name: String) -> any Encoder {
            let encoder = NodeEncoder()
            object.set(name, .encoder(encoder))
            return encoder
        }
    }

    fileprivate struct UnkeyedContainer: UnkeyedEncodingContainer {
        let list: ListNode
        var codingPath: [any CodingKey] { [] }
        var count: Int { list.items.count }

        mutating func encodeNil() throws { list.items.append(.absent) }
        mutating func encode(_ value: Bool) throws { list.items.append(.value(.flag(value))) }
        mutating func encode(_ value: String) throws { list.items.append(.value(.text(value))) }
        mutating func encode(_ value: Int) throws { list.items.append(.value(.text(String(value)))) }
        mutating func encode<T: Encodable>(_ value: T) throws { list.items.append(try TemplateValueEncoder.node(for: value)) }

        mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type) -> KeyedEncodingContainer<NestedKey> {
            let nested = ObjectNode()
            list.items.append(.object(nested))
            return KeyedEncodingContainer(KeyedContainer<NestedKey>(object: nested))
        }

        mutating func nestedUnkeyedContainer() -> any UnkeyedEncodingContainer {
            let nested = ListNode()
            list.items.append(.list(nested))
            return UnkeyedContainer(list: nested)
        }

        mutating func superEncoder() -> any Encoder {
            let encoder = NodeEncoder()
            list.items.append(.encoder(encoder))
            return encoder
        }
    }

    /// A single value: a scalar as its text, or whatever container its own encoding asks for.
    fileprivate struct SingleValueContainer: SingleValueEncodingContainer {
        let encoder: NodeEncoder
        var codingPath: [any CodingKey] { [] }

        mutating func encodeNil() throws { encoder.root = .absent }
        mutating func encode(_ value: Bool) throws { encoder.root = .value(.flag(value)) }
        mutating func encode(_ value: String) throws { encoder.root = .value(.text(value)) }
        mutating func encode(_ value: Double) throws { encoder.root = .value(.text(String(describing: value))) }
        mutating func encode(_ value: Float) throws { encoder.root = .value(.text(String(describing: value))) }
        mutating func encode(_ value: Int) throws { encoder.root = .value(.text(String(value))) }
        mutating func encode(_ value: Int8) throws { encoder.root = .value(.text(String(value))) }
        mutating func encode(_ value: Int16) throws { encoder.root = .value(.text(String(value))) }
        mutating func encode(_ value: Int32) throws { encoder.root = .value(.text(String(value))) }
        mutating func encode(_ value: Int64) throws { encoder.root = .value(.text(String(value))) }
        mutating func encode(_ value: UInt) throws { encoder.root = .value(.text(String(value))) }
        mutating func encode(_ value: UInt8) throws { encoder.root = .value(.text(String(value))) }
        mutating func encode(_ value: UInt16) throws { encoder.root = .value(.text(String(value))) }
        mutating func encode(_ value: UInt32) throws { encoder.root = .value(.text(String(value))) }
        mutating func encode(_ value: UInt64) throws { encoder.root = .value(.text(String(value))) }
        mutating func encode<T: Encodable>(_ value: T) throws { encoder.root = try TemplateValueEncoder.node(for: value) }
    }
}
