import Hummingbird
import NIOCore

/// Reads request bodies within a limit, refusing while reading: a declared `Content-Length`
/// over the limit is refused before any of the body is read, and a body that grows past it
/// (chunked, or longer than declared) is refused as soon as it does, so a large upload costs at
/// most `limit` bytes of memory. The rest of a refused body is read and discarded by the
/// server, never kept.
enum BodyReader {
    static func read(_ request: Request, limit: Int) async throws -> [UInt8] {
        if let declared = request.headers[.contentLength].flatMap(Int.init), declared > limit {
            throw ServiceError(.tooLarge, detail: "at most \(limit) bytes are accepted, and the body declares \(declared)")
        }
        // Collected straight into the array the engine reads, with room for a declared length
        // at once: grown by doubling, a 32 MiB body would pass through buffers of 64 MiB, and
        // collected in a buffer first it would sit in memory twice while copied out.
        var collected: [UInt8] = []
        if let declared = request.headers[.contentLength].flatMap(Int.init), declared > 0 {
            collected.reserveCapacity(declared)
        }
        for try await part in request.body {
            guard collected.count + part.readableBytes <= limit else {
                throw ServiceError(.tooLarge, detail: "at most \(limit) bytes are accepted")
            }
            part.withUnsafeReadableBytes { collected.append(contentsOf: $0) }
        }
        return collected
    }
}
