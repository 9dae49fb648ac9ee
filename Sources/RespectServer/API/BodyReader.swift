import Hummingbird
import NIOCore

/// Reads request bodies within a limit, refusing while reading: a declared `Content-Length`
/// over the limit is refused before any of the body is read, and a body that grows past it
/// (chunked, or longer than declared) is refused as soon as it does, so a large upload costs at
/// most `limit` bytes of memory. The rest of a refused body is read and discarded by the
/// server, never kept.
///
/// Bodies that may be large (a `limit` over `ServerConfiguration.smallBodyBytes`) are counted against
/// the server's `UploadMemory` through the request's `UploadAccount`: a declared length before
/// anything is read, a chunked body as it grows. One that does not fit is refused with `busy`
/// (503) at once.
enum BodyReader {
    static func read(_ request: Request, limit: Int) async throws -> [UInt8] {
        let declared = request.headers[.contentLength].flatMap(Int.init)
        if let declared, declared > limit {
            throw ServiceError(.tooLarge, detail: "at most \(limit) bytes are accepted, and the body declares \(declared)")
        }
        let account = limit > ServerConfiguration.smallBodyBytes ? UploadAccount.current : nil
        var counted = 0
        if let account, let declared, declared > 0 {
            guard account.take(declared) else { throw busy(account) }
            counted = declared
        }
        // Collected straight into the array the engine reads, with room for a declared length
        // at once: grown by doubling, a 32 MiB body would pass through buffers of 64 MiB, and
        // collected in a buffer first it would sit in memory twice while copied out.
        var collected: [UInt8] = []
        if let declared, declared > 0 {
            collected.reserveCapacity(declared)
        }
        for try await part in request.body {
            let total = collected.count + part.readableBytes
            guard total <= limit else {
                throw ServiceError(.tooLarge, detail: "at most \(limit) bytes are accepted")
            }
            if let account, total > counted {
                guard account.take(total - counted) else { throw busy(account) }
                counted = total
            }
            part.withUnsafeReadableBytes { collected.append(contentsOf: $0) }
        }
        return collected
    }

    /// The refusal of a body the server cannot hold now.
    private static func busy(_ account: UploadAccount) -> ServiceError {
        let mebibytes = account.memory.capacity / (1024 * 1024)
        return ServiceError(.busy, detail: "The server receives at most \(mebibytes) MiB of large files at a time, and other "
                            + "uploads are taking all of it now.")
    }
}
