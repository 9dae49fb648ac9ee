public import Foundation

/// libxml2's own command-line validator, to cross-check the engine on the files it writes.
public enum XMLLint {
    public static let path = "/usr/bin/xmllint"

    /// Whether xmllint finds `file` valid against `schema` (a file name in `standards/schema/`).
    /// Throws when xmllint is not installed (`scripts/install-deps` installs it).
    public static func validate(_ file: String, schema: String) throws -> Bool {
        try messages(file, schema: schema).valid
    }

    /// xmllint's verdict on `file` against `schema`, and what it printed on standard error.
    public static func messages(_ file: String, schema: String) throws -> (valid: Bool, errors: String) {
        guard FileManager.default.isExecutableFile(atPath: path) else {
            throw CocoaError(.fileNoSuchFile, userInfo: [NSFilePathErrorKey: path, NSLocalizedDescriptionKey: "xmllint (libxml2-utils) is needed; scripts/install-deps installs it"])
        }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: path)
        process.arguments = ["--noout", "--nonet", "--schema", TestSupport.standardsDirectory + "/schema/" + schema, file]
        let errors = Pipe()
        process.standardError = errors
        process.standardOutput = FileHandle.nullDevice
        try process.run()
        let data = errors.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus == 0, String(decoding: data, as: UTF8.self))
    }
}
