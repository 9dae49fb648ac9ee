import Crypto
public import Foundation

/// The identity of one input file: its role, the path as given, and the SHA-256 of its bytes.
/// Recorded with every result so a run can be reproduced and audited.
public struct InputFile: Sendable, Hashable, Codable {
    /// What the file was used as: `submission`, `framework`, `tender`, `findings`…
    public var role: String
    public var path: String
    /// Lowercase hexadecimal SHA-256 of the file's contents.
    public var sha256: String

    public init(role: String, path: String, sha256: String) {
        self.role = role
        self.path = path
        self.sha256 = sha256
    }

    /// Lowercase hexadecimal SHA-256 of `data`.
    public static func sha256(of data: some DataProtocol) -> String {
        hexadecimal(SHA256.hash(data: data))
    }

    static func hexadecimal(_ digest: SHA256.Digest) -> String {
        let digits: StaticString = "0123456789abcdef"
        return digest.withUnsafeBytes { raw in
            String(unsafeUninitializedCapacity: raw.count * 2) { buffer in
                digits.withUTF8Buffer { hex in
                    for (offset, byte) in raw.enumerated() {
                        buffer[2 * offset] = hex[Int(byte >> 4)]
                        buffer[2 * offset + 1] = hex[Int(byte & 0x0F)]
                    }
                }
                return raw.count * 2
            }
        }
    }
}
