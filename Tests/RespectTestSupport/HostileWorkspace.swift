public import Foundation
public import RespectModel
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A temporary folder holding the hostile inputs too big or too odd to commit (generated once
/// per test run), a standards folder with the mini framework installed as `mini@1`, and a local
/// TCP listener that any network fetch would reach.
public final class HostileWorkspace: Sendable {
    public static let shared: HostileWorkspace = {
        do { return try HostileWorkspace() } catch { fatalError("cannot create the hostile-input workspace: \(error)") }
    }()

    /// The marker written into secret files; it must never appear in any output.
    public static let secretMarker = "RESPECT-HOSTILE-SECRET"

    public let folder: String
    /// A standards folder: the real schemas and the mini framework as `mini-1.xml`.
    public let standards: String
    public let listener: LocalListener

    /// Evidence items in the generated over-the-limit submission (one more than the default).
    public static let manyItems = DocumentLoader.defaultMaxEvidenceItems + 1
    /// The line of the first evidence item past the default limit in `many-evidence.xml`.
    public static let firstItemPastLimitLine = 11 + DocumentLoader.defaultMaxEvidenceItems

    private init() throws {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("respect-hostile-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        folder = url.path
        standards = folder + "/standards"
        try FileManager.default.createDirectory(atPath: standards, withIntermediateDirectories: true)
        try FileManager.default.createSymbolicLink(atPath: standards + "/schema",
                                                   withDestinationPath: TestSupport.standardsDirectory + "/schema")
        try FileManager.default.copyItem(atPath: TestSupport.fixture("engine/mini-framework.xml"), toPath: standards + "/mini-1.xml")
        listener = try LocalListener()
        try generate()
        // The folder holds about 20 MB (and an 8 GiB sparse file); remove it when the tests end.
        atexit { try? FileManager.default.removeItem(atPath: HostileWorkspace.shared.folder) }
    }

    public func path(_ name: String) -> String { folder + "/" + name }

    private var mini: String { TestSupport.miniAchievedText }

    private func write(_ name: String, _ text: String) throws {
        try Data(text.utf8).write(to: URL(fileURLWithPath: path(name)))
    }

    private func generate() throws {
        // A secret only an external entity could reveal, by absolute path and file: URL.
        try write("secret.txt", Self.secretMarker + "-\(UUID().uuidString)\n")
        try write("xxe-absolute-path.xml", withDoctype("<!DOCTYPE submission [<!ENTITY secret SYSTEM \"\(path("secret.txt"))\">]>",
                                                       mini.replacingOccurrences(of: "name=\"Mini Test Services\"", with: "name=\"&secret;\"")))
        try write("xxe-file-url.xml", withDoctype("<!DOCTYPE submission [<!ENTITY secret SYSTEM \"file://\(path("secret.txt"))\">]>",
                                                  mini.replacingOccurrences(of: "<title>Safeguarding policy</title>", with: "<title>&secret;</title>")))
        // Every way an XML file can ask for the network, aimed at the local listener.
        let url = "http://127.0.0.1:\(listener.port)"
        try write("xxe-local-listener.xml", withDoctype("""
            <!DOCTYPE submission SYSTEM "\(url)/submission.dtd" [
              <!ENTITY remote SYSTEM "\(url)/secret">
              <!ENTITY % parameter SYSTEM "\(url)/evil.dtd">
              %parameter;
            ]>
            """, mini.replacingOccurrences(of: "name=\"Mini Test Services\"", with: "name=\"&remote;\"")))
        // Quadratic blow-up: one large entity referenced many times (no nesting needed).
        let big = String(repeating: "a", count: 50_000)
        try write("quadratic-blowup.xml", withDoctype("<!DOCTYPE submission [<!ENTITY a \"\(big)\">]>",
                                                      mini.replacingOccurrences(of: "<title>Safeguarding policy</title>",
                                                                                with: "<title>" + String(repeating: "&a;", count: 20_000) + "</title>")))
        // 100,000 levels of nesting inside a submission, on line 6.
        let deep = String(repeating: "<x>", count: 100_000) + String(repeating: "</x>", count: 100_000)
        try write("deep-nesting.xml", mini.replacingOccurrences(of: "  <services>\n", with: "  <services>" + deep + "\n"))
        // A million empty elements on line 6, twice the default element limit.
        try write("million-elements.xml", mini.replacingOccurrences(of: "  <services>\n",
                                                                    with: "  <services>" + String(repeating: "<a/>", count: 1_000_000) + "\n"))
        // One more evidence item than the default limit, each on its own line.
        try write("many-evidence.xml", withItems(Self.manyItems))
        // One item offered for 1,002 indicators (the limit is 1,000), on line 18.
        let ids = (0..<1_001).map { "u\($0)" }.joined(separator: " ")
        try write("many-supports.xml", mini.replacingOccurrences(of: "<supports>training-recent</supports>",
                                                                 with: "<supports>training-recent \(ids)</supports>"))
        // 2,000 items each offered for 150 indicators the framework does not have.
        let unknown = (0..<150).map { "x\($0)" }.joined(separator: " ")
        let offered = (0..<2_000).map {
            "    <item id=\"U\($0)\" type=\"policy\" issued=\"2025-01-01\"><title>t</title><supports>\(unknown)</supports></item>\n"
        }
        try write("many-unknown-supports.xml", mini.replacingOccurrences(of: "  <evidence>\n", with: "  <evidence>\n" + offered.joined()))
        // 5,000 schema errors: the report keeps the first 1,000 and counts the rest.
        let badItems = (0..<5_000).map { "    <item id=\"B\($0)\" type=\"policy\" issued=\"2026-13-01\"><title>t</title><supports>policy-current</supports></item>\n" }
        try write("many-errors.xml", mini.replacingOccurrences(of: "  <evidence>\n", with: "  <evidence>\n" + badItems.joined()))
        // A 10 MB text node (libxml2 accepts it; the XSD allows 2,000 characters).
        try write("huge-text-node.xml", mini.replacingOccurrences(of: "<title>Safeguarding policy</title>",
                                                                  with: "<title>" + String(repeating: "x", count: 10_000_001) + "</title>"))
        // Just over a small --max-file-size, and an 8 GiB sparse file over the default limit:
        // both must be refused from their size alone, without reading them.
        try write("over-small-limit.xml", mini)
        let sparse = open(path("sparse-8GiB.xml"), O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        guard sparse >= 0, ftruncate(sparse, 8 << 30) == 0 else { throw WorkspaceError(what: "sparse file") }
        close(sparse)
        // Not regular files.
        try FileManager.default.createDirectory(atPath: path("folder.xml"), withIntermediateDirectories: true)
        guard mkfifo(path("fifo.xml"), 0o600) == 0 else { throw WorkspaceError(what: "FIFO") }
        // An endless device behind an innocent name, and a link to itself.
        try FileManager.default.createSymbolicLink(atPath: path("zero.xml"), withDestinationPath: "/dev/zero")
        try FileManager.default.createSymbolicLink(atPath: path("loop.xml"), withDestinationPath: path("loop.xml"))
    }

    /// The mini submission with `declaration` inserted after the XML declaration (line 2).
    private func withDoctype(_ declaration: String, _ text: String) -> String {
        let xmlDeclaration = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
        return xmlDeclaration + declaration + "\n" + text.dropFirst(xmlDeclaration.count)
    }

    /// The mini submission with `count` extra evidence items, one per line from line 11.
    public func withItems(_ count: Int) -> String {
        var items = ""
        items.reserveCapacity(count * 110)
        for index in 0..<count {
            items += "    <item id=\"X\(index)\" type=\"policy\" issued=\"2025-01-01\"><title>t</title><supports>policy-current</supports></item>\n"
        }
        return mini.replacingOccurrences(of: "  <evidence>\n", with: "  <evidence>\n" + items)
    }

    public struct WorkspaceError: Error {
        public var what: String
    }
}

/// A TCP socket listening on 127.0.0.1 that never accepts: a connection attempt by the engine
/// (to fetch a DTD or an entity) would be queued, and `connectionAttempted` would see it.
public final class LocalListener: Sendable {
    public let port: Int
    private let socketDescriptor: Int32

    public init() throws {
        let descriptor = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard descriptor >= 0 else { throw HostileWorkspace.WorkspaceError(what: "socket") }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = 0
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let bound = withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { pointer in
                bind(descriptor, pointer, length) == 0 && listen(descriptor, 64) == 0
                    && getsockname(descriptor, pointer, &length) == 0
            }
        }
        guard bound else {
            close(descriptor)
            throw HostileWorkspace.WorkspaceError(what: "listening socket")
        }
        socketDescriptor = descriptor
        port = Int(UInt16(bigEndian: address.sin_port))
    }

    /// True when anything has tried to connect since the listener was created.
    public var connectionAttempted: Bool {
        var poller = pollfd(fd: socketDescriptor, events: Int16(POLLIN), revents: 0)
        return poll(&poller, 1, 0) > 0 && poller.revents & Int16(POLLIN) != 0
    }

    deinit { close(socketDescriptor) }
}
