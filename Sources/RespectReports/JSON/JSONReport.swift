public import RespectEvaluation
import Foundation

/// Renders results as JSON for people and programs: `ResultCoding`'s deterministic encoding
/// (sorted keys, stable order: identical inputs give byte-identical output), indented, with a
/// `message` in the given wording beside each typed value's `code` and figures.
public enum JSONReport {
    public static func render(_ assessment: Assessment, wording: any Wording = EnglishWording()) throws -> String {
        try encode(assessment, wording: wording)
    }

    /// Encodes any result value the same deterministic way.
    public static func encode(_ value: some Encodable, wording: any Wording = EnglishWording()) throws -> String {
        let data = try ResultCoding.encode(value, pretty: true, userInfo: [.resultWording: wording])
        return String(decoding: data, as: UTF8.self) + "\n"
    }
}
