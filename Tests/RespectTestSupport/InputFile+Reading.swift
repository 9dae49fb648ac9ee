public import Foundation
public import RespectModel

extension InputFile {
    /// Reads and hashes `path`; `nil` when it cannot be read. (The engine reads each input once
    /// through RespectAssessment's `InputDocument`; tests use this to compute expected digests.)
    public init?(role: String, path: String) {
        guard let data = FileManager.default.contents(atPath: path) else { return nil }
        self.init(role: role, path: path, sha256: InputFile.sha256(of: data))
    }
}
