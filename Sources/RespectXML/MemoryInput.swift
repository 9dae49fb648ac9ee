import CLibXML2

/// Hands bytes already in memory to libxml2 as an input stream (`xmlCtxtReadIO`), a few
/// kilobytes per read. Parsing from memory (`xmlCtxtReadMemory`) makes libxml2 copy the whole
/// input into its own buffer first, so a 32 MiB document sat in memory twice while it was read;
/// fed this way, libxml2 holds only the chunk it is parsing and discards what it has read.
/// The bytes are the caller's: they must stay valid until the parse returns.
final class MemoryInput {
    private let bytes: UnsafeRawBufferPointer
    private var offset = 0

    init(_ bytes: UnsafeRawBufferPointer) {
        self.bytes = bytes
    }

    /// Parses the bytes with `parser` (as `xmlCtxtReadIO` does, with `options`); the document
    /// libxml2 built, if it built one.
    func read(with parser: xmlParserCtxtPtr, options: Int32) -> xmlDocPtr? {
        withExtendedLifetime(self) {
            xmlCtxtReadIO(parser, Self.next, nil, Unmanaged.passUnretained(self).toOpaque(), nil, nil, options)
        }
    }

    /// libxml2's read callback: copies up to `length` more bytes; 0 at the end.
    private static let next: xmlInputReadCallback = { context, buffer, length in
        guard let context, let buffer, length > 0 else { return 0 }
        let input = Unmanaged<MemoryInput>.fromOpaque(context).takeUnretainedValue()
        let count = min(Int(length), input.bytes.count - input.offset)
        guard count > 0, let base = input.bytes.baseAddress else { return 0 }
        UnsafeMutableRawPointer(buffer).copyMemory(from: base + input.offset, byteCount: count)
        input.offset += count
        return Int32(count)
    }
}
