import CLibXML2

/// Reading attributes and text of a parsed document in place, without libxml2 allocating.
extension LibXML {
    /// The attribute `name` of `node`, or nil when absent.
    static func attribute(_ name: NodeName, of node: xmlNodePtr) -> xmlAttrPtr? {
        var attribute = node.pointee.properties
        while let current = attribute {
            if name.matches(name: current.pointee.name, namespace: current.pointee.ns?.pointee.href) { return current }
            attribute = current.pointee.next
        }
        return nil
    }

    /// True when a NUL-terminated libxml2 string holds exactly the UTF-8 bytes of `text`
    /// (nil equals nothing).
    static func equal(_ string: UnsafePointer<xmlChar>?, _ text: String) -> Bool {
        guard let string else { return false }
        var index = 0
        for byte in text.utf8 {
            // A shorter string stops at its NUL; `text` itself never matches a NUL.
            if byte == 0 || string[index] != byte { return false }
            index += 1
        }
        return string[index] == 0
    }

    /// Calls `body` with the UTF-8 text of a run of sibling nodes (an element's or attribute's
    /// children): their text nodes joined (comments and instructions are not text), read in
    /// place when there is only one.
    static func withText<T>(from first: xmlNodePtr?, _ body: (UnsafeBufferPointer<UInt8>) -> T) -> T {
        var only: UnsafePointer<xmlChar>?
        var count = 0
        var part = first
        while let piece = part {
            if isText(piece), let content = piece.pointee.content {
                only = UnsafePointer(content)
                count += 1
            }
            part = piece.pointee.next
        }
        if count <= 1 {
            guard let only else { return body(UnsafeBufferPointer(start: nil, count: 0)) }
            return body(UnsafeBufferPointer(start: only, count: Int(xmlStrlen(only))))
        }
        var joined: [UInt8] = []
        part = first
        while let piece = part {
            if isText(piece), let content = piece.pointee.content {
                joined.append(contentsOf: UnsafeBufferPointer(start: content, count: Int(xmlStrlen(content))))
            }
            part = piece.pointee.next
        }
        return joined.withUnsafeBufferPointer(body)
    }

    private static func isText(_ node: xmlNodePtr) -> Bool {
        node.pointee.type == XML_TEXT_NODE || node.pointee.type == XML_CDATA_SECTION_NODE
    }
}
