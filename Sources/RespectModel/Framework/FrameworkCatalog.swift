import Foundation

/// The frameworks installed in a standards folder, indexed by id and edition.
///
/// Every `*.xml` file directly in the folder whose root is a framework is loaded; other
/// documents are skipped. A file that fails to load is kept as a problem so `respect
/// frameworks` can show it, and never hides the others.
public struct FrameworkCatalog: Sendable {
    /// One installed framework and the file it came from.
    public struct Entry: Sendable {
        public var framework: Framework
        public var path: String
    }

    public private(set) var entries: [Entry]
    /// Files that look like frameworks but could not be loaded.
    public private(set) var problems: [(path: String, error: DocumentLoadError)]
    public let directory: String

    /// Loads every framework file in `directory`.
    public init(directory: String, loader: DocumentLoader) throws(DocumentLoadError) {
        self.directory = directory
        entries = []
        problems = []
        let names: [String]
        do {
            names = try FileManager.default.contentsOfDirectory(atPath: directory)
        } catch {
            throw .input(.fileNotFound(path: directory))
        }
        for name in names.sorted() where name.hasSuffix(".xml") {
            let path = (directory as NSString).appendingPathComponent(name)
            do {
                entries.append(Entry(framework: try loader.loadFramework(contentsOf: path), path: path))
            } catch .wrongKind {
                continue
            } catch {
                problems.append((path, error))
            }
        }
    }

    /// The framework with this id and edition, if installed.
    public func entry(id: String, edition: String) -> Entry? {
        entries.first { $0.framework.identity.id == id && $0.framework.identity.edition == edition }
    }

    /// Finds a framework from a reference written `id@edition`, `id` (when only one edition is
    /// installed) or a file name in the folder.
    public func entry(reference: String) -> Entry? {
        let parts = reference.split(separator: "@", maxSplits: 1).map(String.init)
        if parts.count == 2 { return entry(id: parts[0], edition: parts[1]) }
        let editions = entries.filter { $0.framework.identity.id == reference }
        if editions.count == 1 { return editions[0] }
        return entries.first { ($0.path as NSString).lastPathComponent == reference }
    }

    /// The installed edition of the same framework that declares it supersedes `identity`'s
    /// edition, if any (a file need not name its own successor).
    public func supersedingEdition(of identity: FrameworkIdentity) -> String? {
        entries.first {
            $0.framework.identity.id == identity.id && $0.framework.identity.supersedes == identity.edition
                && $0.framework.identity.edition != identity.edition
        }?.framework.identity.edition
    }

    /// `framework` with `supersededBy` filled in from the installed editions when the file
    /// does not say it, so every report can say that the edition is superseded.
    public func markingSuperseded(_ framework: Framework) -> Framework {
        guard framework.identity.supersededBy == nil, let successor = supersedingEdition(of: framework.identity) else { return framework }
        var marked = framework
        marked.identity.supersededBy = successor
        return marked
    }

    /// `id@edition` of everything installed, sorted, for error messages.
    public var installedReferences: [String] {
        entries.map(\.framework.identity.reference).sorted()
    }
}

extension FrameworkCatalog {
    /// Finds one framework without loading the whole folder when it can: a path to a file, or
    /// a reference (`id@edition`, or `id` when one edition is installed) looked up first under
    /// the conventional file name `id-edition.xml`, then by loading every framework file.
    public static func locate(_ reference: String, directory: String, loader: DocumentLoader) throws(DocumentLoadError) -> Entry {
        var isDirectory: ObjCBool = false
        if reference.hasSuffix(".xml") || reference.contains("/"),
           FileManager.default.fileExists(atPath: reference, isDirectory: &isDirectory) {
            return Entry(framework: try loader.loadFramework(contentsOf: reference), path: reference)
        }
        let parts = reference.split(separator: "@", maxSplits: 1).map(String.init)
        if parts.count == 2 {
            let conventional = (directory as NSString).appendingPathComponent("\(parts[0])-\(parts[1]).xml")
            if FileManager.default.fileExists(atPath: conventional) {
                let framework = try loader.loadFramework(contentsOf: conventional)
                if framework.identity.id == parts[0] && framework.identity.edition == parts[1] {
                    return Entry(framework: framework, path: conventional)
                }
            }
        }
        let catalog = try FrameworkCatalog(directory: directory, loader: loader)
        if let entry = catalog.entry(reference: reference) { return entry }
        let editions = catalog.entries.filter { $0.framework.identity.id == reference }.map(\.framework.identity.reference).sorted()
        if editions.count > 1 {
            throw .ambiguousEdition(reference: reference, directory: directory, editions: editions)
        }
        throw .notInstalled(reference: reference, directory: directory, installed: catalog.installedReferences)
    }
}
