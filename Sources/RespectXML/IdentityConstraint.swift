import CLibXML2

/// An XSD identity constraint (`xs:key`, `xs:unique` or `xs:keyref`) in the simple shape the
/// engine checks itself: a selector of child steps (`s:evidence/s:item`) and one attribute field
/// (`@id`) whose type is derived from `xs:string`, so that two values are equal exactly when
/// their UTF-8 bytes are equal after the type's white-space rule (XSD compares code points:
/// canonically equivalent texts such as "é" and "e" + U+0301 are different values).
///
/// libxml2 2.9 checks identity constraints by comparing every new value with every value before
/// it, which made them more than a third of the cost of validating a 300-item submission; the
/// engine checks the same rules with hash sets instead (see `NativeIdentityChecks`).
struct IdentityConstraint: Sendable, Equatable {
    enum Kind: Sendable, Equatable {
        case unique
        case key
        /// Refers to the `xs:key` or `xs:unique` of that name on the same element.
        case keyref(refer: String)
    }

    /// How the field's type normalises white space before values are compared (`xs:whiteSpace`).
    enum WhiteSpace: Sendable, Equatable {
        case preserve, replace, collapse
    }

    let name: String
    let kind: Kind
    /// The selector's child steps, from the element that declares the constraint.
    let path: [NodeName]
    /// The field: an attribute in no namespace.
    let attribute: NodeName
    let whiteSpace: WhiteSpace
}

/// An element or attribute name as bytes, compared with libxml2's names without making strings.
struct NodeName: Sendable, Hashable, CustomStringConvertible {
    /// The namespace URI, or nil for none.
    let namespace: [UInt8]?
    let local: [UInt8]

    init(namespace: String?, local: String) {
        self.namespace = namespace.map { Array($0.utf8) }
        self.local = Array(local.utf8)
    }

    var description: String {
        let name = String(decoding: local, as: UTF8.self)
        guard let namespace else { return name }
        return "{\(String(decoding: namespace, as: UTF8.self))}\(name)"
    }

    /// True when `node` (an element or attribute) has this name and namespace.
    func matches(name: UnsafePointer<xmlChar>?, namespace href: UnsafePointer<xmlChar>?) -> Bool {
        guard Self.equal(name, local) else { return false }
        switch (namespace, href) {
        case (nil, nil): return true
        case (let wanted?, let href?): return Self.equal(href, wanted)
        default: return false
        }
    }

    /// Compares a NUL-terminated string with bytes that contain no NUL.
    @inline(__always)
    private static func equal(_ string: UnsafePointer<xmlChar>?, _ bytes: [UInt8]) -> Bool {
        guard let string else { return false }
        var index = 0
        while index < bytes.count {
            // A shorter string stops at its NUL, which differs from every byte here.
            if string[index] != bytes[index] { return false }
            index += 1
        }
        return string[index] == 0
    }
}
