public import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A FIFO in a test folder with a reader on its own thread, as a user's `mkfifo` and `cat`
/// would be: whatever the writer sends is collected until the writer closes it.
public final class FIFOReader: @unchecked Sendable {
    public let path: String
    private let done = DispatchSemaphore(value: 0)
    // Written by the reading thread before it signals `done`; read only after waiting on it.
    private var received = Data()

    /// Makes the FIFO at `path` and starts reading it.
    public init(path: String) throws {
        guard mkfifo(path, 0o600) == 0 else { throw SpecialFileError(what: "FIFO at \(path)", code: errno) }
        self.path = path
        let thread = Thread { [self] in
            let descriptor = open(path, O_RDONLY)  // waits for a writer
            if descriptor >= 0 {
                var chunk = [UInt8](repeating: 0, count: 1 << 16)
                while true {
                    let count = read(descriptor, &chunk, chunk.count)
                    if count > 0 { received.append(contentsOf: chunk[..<count]); continue }
                    if count < 0 && errno == EINTR { continue }
                    break
                }
                close(descriptor)
            }
            done.signal()
        }
        thread.start()
    }

    /// What the writer sent, once it has closed the FIFO; `nil` when the reader could not be
    /// released. Call after the writer has exited: if it never opened the FIFO, the reader is
    /// released and nothing was received. If the FIFO was replaced (the bug this catches), the
    /// reader cannot be reached any more and is left waiting.
    public func finish() -> Data? {
        // Opening for writing succeeds only while the reader waits in its open; closing at once
        // gives it end-of-file. Repeated, in case the reader had not reached its open yet.
        for _ in 0..<50 {
            let release = open(path, O_WRONLY | O_NONBLOCK)
            if release >= 0 { close(release) }
            if done.wait(timeout: .now() + .milliseconds(100)) == .success { return received }
        }
        return nil
    }
}

/// A Unix domain socket listening in a test folder, accepting one connection on its own thread
/// and collecting what is sent until the sender closes it.
public final class UnixSocketReader: @unchecked Sendable {
    public let path: String
    private let listener: Int32
    private let done = DispatchSemaphore(value: 0)
    // Written by the accepting thread before it signals `done`; read only after waiting on it.
    private var received = Data()

    public init(path: String) throws {
        var address = sockaddr_un()
        address.sun_family = sa_family_t(AF_UNIX)
        let bytes = Array(path.utf8)
        guard bytes.count < MemoryLayout.size(ofValue: address.sun_path) else { throw SpecialFileError(what: "socket path \(path)", code: ENAMETOOLONG) }
        withUnsafeMutableBytes(of: &address.sun_path) { raw in
            raw.copyBytes(from: bytes)
            raw[bytes.count] = 0
        }
        let descriptor = socket(AF_UNIX, Int32(SOCK_STREAM.rawValue), 0)
        let bound = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(descriptor, $0, socklen_t(MemoryLayout<sockaddr_un>.size)) }
        }
        guard descriptor >= 0, bound == 0, listen(descriptor, 1) == 0 else {
            let code = errno
            if descriptor >= 0 { close(descriptor) }
            throw SpecialFileError(what: "socket at \(path)", code: code)
        }
        self.path = path
        listener = descriptor
        let thread = Thread { [self] in
            let connection = accept(listener, nil, nil)
            if connection >= 0 {
                var chunk = [UInt8](repeating: 0, count: 1 << 16)
                while true {
                    let count = read(connection, &chunk, chunk.count)
                    if count > 0 { received.append(contentsOf: chunk[..<count]); continue }
                    if count < 0 && errno == EINTR { continue }
                    break
                }
                close(connection)
            }
            done.signal()
        }
        thread.start()
    }

    /// What the sender sent, once it has closed the connection. Call after the sender has
    /// exited: if it never connected, the listener is released (and nothing was received).
    public func finish() -> Data {
        shutdown(listener, Int32(SHUT_RDWR))  // wakes an accept that is still waiting
        done.wait()
        close(listener)
        return received
    }
}

public struct SpecialFileError: Error, CustomStringConvertible {
    public var what: String
    public var code: Int32
    public var description: String { "cannot make a \(what): \(String(cString: strerror(code)))" }
}
