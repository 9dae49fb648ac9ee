import Foundation

/// Every framework installed in a standards folder, each loaded in full: what `respect
/// frameworks list` shows. (A run that needs only some editions finds them through
/// RespectAssessment's `StandardsLibrary`, which parses only what it uses.)
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

    /// `id@edition` of everything installed, sorted, for error messages.
    public var installedReferences: [String] {
        entries.map(\.framework.identity.reference).sorted()
    }
}
