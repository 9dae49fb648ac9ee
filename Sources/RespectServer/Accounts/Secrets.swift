import Foundation
import RespectModel

/// Random secrets (session ids, CSRF tokens, bearer tokens) and the digests the store keeps of
/// them. `SystemRandomNumberGenerator` reads the operating system's cryptographic generator.
enum Secrets {
    /// 32 random bytes as 64 lowercase hexadecimal characters.
    static func random() -> String {
        var generator = SystemRandomNumberGenerator()
        var text = ""
        text.reserveCapacity(64)
        for _ in 0..<4 {
            let word = generator.next() as UInt64
            text += String(word, radix: 16).leftPadded(to: 16)
        }
        return text
    }

    /// A bearer token: `rsp_` and 64 hexadecimal characters.
    static func token() -> String { "rsp_" + random() }

    /// The lowercase hexadecimal SHA-256 of a secret, as the store keeps it.
    static func digest(_ secret: String) -> String {
        InputFile.sha256(of: Array(secret.utf8))
    }

    /// Compares two secrets in time that does not depend on where they differ.
    static func equal(_ lhs: String, _ rhs: String) -> Bool {
        let left = Array(lhs.utf8), right = Array(rhs.utf8)
        guard left.count == right.count else { return false }
        var difference: UInt8 = 0
        for index in left.indices { difference |= left[index] ^ right[index] }
        return difference == 0
    }
}

private extension String {
    func leftPadded(to length: Int) -> String {
        count >= length ? self : String(repeating: "0", count: length - count) + self
    }
}
