#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif
import CLibXML2

/// Feeds an open file to libxml2 piece by piece (`xmlCtxtReadIO`), so a document is parsed
/// without its bytes ever being in memory whole: only the piece being read is. Each piece is
/// shown to `observe` (to hash the file as it is read) and screened for crowded start tags
/// (`InputPrecheck.CrowdedTagScreen`) before libxml2 sees it.
///
/// It stops the parse (its callback reports a read error) when the file cannot be read, grows
/// past `limit` bytes, or may hold a crowded tag; `stopped` then says so, and the caller reads
/// the file the whole-bytes way, whose checks give the exact error. The descriptor is the
/// caller's.
final class FileInput {
    /// Why the parse was stopped.
    enum Stop: Equatable {
        case unreadable(Int32)
        case tooLarge
        case mayBeCrowded
    }

    private let descriptor: Int32
    private let limit: Int
    private let observe: (UnsafeRawBufferPointer) -> Void
    private var screen = InputPrecheck.CrowdedTagScreen()
    /// The piece being handed to libxml2, a few kilobytes at a time, and how far it has gone.
    private var piece: [UInt8]
    private var pieceLength = 0
    private var offset = 0
    private(set) var total = 0
    private(set) var stopped: Stop?
    private(set) var reachedEnd = false

    /// How much is read from the file at a time.
    static let pieceSize = 64 * 1024

    /// `first`: the file's first bytes, already read from `descriptor`.
    init(descriptor: Int32, first: [UInt8], limit: Int, observe: @escaping (UnsafeRawBufferPointer) -> Void) {
        self.descriptor = descriptor
        self.limit = limit
        self.observe = observe
        piece = first
        if piece.count < Self.pieceSize { piece += repeatElement(0, count: Self.pieceSize - piece.count) }
        accept(first.count)
    }

    /// Parses the file with `parser` (as `xmlCtxtReadIO` does, with `options`); the document
    /// libxml2 built, if it built one.
    func read(with parser: xmlParserCtxtPtr, options: Int32) -> xmlDocPtr? {
        withExtendedLifetime(self) {
            xmlCtxtReadIO(parser, Self.next, nil, Unmanaged.passUnretained(self).toOpaque(), nil, nil, options)
        }
    }

    /// Takes the `length` bytes just read into `piece`: counted against the limit, screened,
    /// then shown to `observe`.
    private func accept(_ length: Int) {
        pieceLength = length
        offset = 0
        total += length
        if total > limit { stopped = .tooLarge; return }
        let bytes = piece.withUnsafeBytes { UnsafeRawBufferPointer(rebasing: $0[..<length]) }
        if screen.mayBeCrowded(adding: bytes) { stopped = .mayBeCrowded; return }
        observe(bytes)
    }

    /// Copies up to `count` bytes into `buffer`, reading the next piece of the file when the
    /// last is used up; 0 at the end of the file, -1 once stopped.
    private func fill(_ buffer: UnsafeMutableRawPointer, _ count: Int) -> Int32 {
        if stopped != nil { return -1 }
        if offset == pieceLength {
            var length = 0
            while true {
                length = piece.withUnsafeMutableBytes { systemRead(descriptor, $0.baseAddress!, $0.count) }
                if length >= 0 { break }
                let code = errno
                if code != EINTR { stopped = .unreadable(code); return -1 }
            }
            if length == 0 { reachedEnd = true; return 0 }
            accept(length)
            if stopped != nil { return -1 }
        }
        let length = min(count, pieceLength - offset)
        piece.withUnsafeBytes { buffer.copyMemory(from: $0.baseAddress! + offset, byteCount: length) }
        offset += length
        return Int32(length)
    }

    /// libxml2's read callback.
    private static let next: xmlInputReadCallback = { context, buffer, length in
        guard let context, let buffer, length > 0 else { return 0 }
        let input = Unmanaged<FileInput>.fromOpaque(context).takeUnretainedValue()
        return input.fill(UnsafeMutableRawPointer(buffer), Int(length))
    }
}
