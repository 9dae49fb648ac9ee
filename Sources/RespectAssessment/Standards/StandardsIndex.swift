import Foundation
public import RespectModel
public import RespectXML

/// The framework editions in a standards folder, known from each file's root element alone:
/// id, edition, publication date and what it supersedes. Building it reads each `*.xml` file
/// once, parses none and hashes none; an edition is parsed, validated and hashed only when a run
/// uses it (by `StandardsLibrary`, which keeps the bytes read here so no file is read twice).
public struct StandardsIndex: Sendable {
    /// One framework file, as its root element announces it.
    public struct Entry: Sendable {
        public var path: String
        public var id: String
        public var edition: String
        /// `nil` when the attribute is missing or not a date (the full load will say so).
        public var published: CalendarDate?
        public var supersedes: String?
        /// The file's bytes, read once.
        public var bytes: [UInt8]

        /// The file as an input, its digest computed now: only the editions a run uses need one.
        public var document: InputDocument { InputDocument(name: path, bytes: bytes) }

        /// `id@edition`.
        public var reference: String { "\(id)@\(edition)" }
    }

    public let directory: String
    /// In file-name order.
    public let entries: [Entry]

    /// Scans `directory` (not its subfolders). Files that are not framework documents, or
    /// cannot be read, are left out: `respect frameworks list` loads every file and reports them.
    public init(directory: String, reader: XMLDocumentReader) throws(DocumentLoadError) {
        self.directory = directory
        let names: [String]
        do {
            names = try FileManager.default.contentsOfDirectory(atPath: directory)
        } catch {
            throw .input(.fileNotFound(path: directory))
        }
        var entries: [Entry] = []
        for name in names.sorted() where name.hasSuffix(".xml") {
            let path = (directory as NSString).appendingPathComponent(name)
            guard let bytes = try? reader.bytes(contentsOf: path),
                  let root = XMLRootScanner.root(of: bytes),
                  DocumentKind(root: root.name) == .framework,
                  let id = root.attributes["id"], let edition = root.attributes["edition"] else { continue }
            entries.append(Entry(path: path, id: id, edition: edition,
                                 published: root.attributes["published"].flatMap { CalendarDate($0) },
                                 supersedes: root.attributes["supersedes"], bytes: bytes))
        }
        self.entries = entries
    }

    /// The entry for `id` and `edition`, if installed.
    public func entry(id: String, edition: String) -> Entry? {
        entries.first { $0.id == id && $0.edition == edition }
    }

    /// The installed edition of the same framework that declares it supersedes `edition`.
    public func successor(of id: String, edition: String) -> String? {
        entries.first { $0.id == id && $0.supersedes == edition && $0.edition != edition }?.edition
    }

    /// `id@edition` of everything installed, sorted, for messages.
    public var references: [String] { entries.map(\.reference).sorted() }

    /// Finds the entry a reference names: `id@edition`, a bare `id` when only one edition is
    /// installed, or a file name in the folder.
    ///
    /// - Throws: `.ambiguousEdition` for a bare id with several editions, `.notInstalled`
    ///   otherwise, each listing what is installed.
    public func entry(reference: String) throws(DocumentLoadError) -> Entry {
        let parts = reference.split(separator: "@", maxSplits: 1).map(String.init)
        if parts.count == 2, let found = entry(id: parts[0], edition: parts[1]) { return found }
        if parts.count == 1 {
            let editions = entries.filter { $0.id == reference }
            if editions.count == 1 { return editions[0] }
            if editions.count > 1 {
                throw .ambiguousEdition(reference: reference, directory: directory, editions: editions.map(\.reference).sorted())
            }
            if let byName = entries.first(where: { ($0.path as NSString).lastPathComponent == reference }) { return byName }
        }
        throw .notInstalled(reference: reference, directory: directory, installed: references)
    }
}
