import Foundation

/// The files a batch scores, from the paths given on the command line.
public enum SubmissionFiles {
    /// A path that does not exist.
    public struct Missing: Error, Sendable, CustomStringConvertible {
        public var path: String
        public var description: String { "\(path): no such file or folder" }
    }

    /// Files as given (whatever their name) and, for folders, every `*.xml` file found
    /// recursively (hidden files and folders skipped), without repeats, sorted by path so the
    /// order is the same on every run and machine.
    public static func collect(_ paths: [String]) throws(Missing) -> [String] {
        let fileManager = FileManager.default
        var files: [String] = []
        var seen: Set<String> = []
        func add(_ path: String) {
            if seen.insert(URL(fileURLWithPath: path).standardizedFileURL.path).inserted { files.append(path) }
        }
        for path in paths {
            var isDirectory: ObjCBool = false
            guard fileManager.fileExists(atPath: path, isDirectory: &isDirectory) else { throw Missing(path: path) }
            guard isDirectory.boolValue else {
                add(path)
                continue
            }
            guard let walker = fileManager.enumerator(atPath: path) else { continue }
            while let relative = walker.nextObject() as? String {
                let name = (relative as NSString).lastPathComponent
                if name.hasPrefix(".") {
                    if (walker.fileAttributes?[.type] as? FileAttributeType) == .typeDirectory { walker.skipDescendants() }
                    continue
                }
                guard name.lowercased().hasSuffix(".xml") else { continue }
                let full = path.hasSuffix("/") ? path + relative : path + "/" + relative
                if (walker.fileAttributes?[.type] as? FileAttributeType) == .typeDirectory { continue }
                add(full)
            }
        }
        return files.sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }
    }
}
