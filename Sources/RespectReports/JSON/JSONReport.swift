public import RespectEvaluation
import Foundation

/// Renders an assessment as JSON: sorted keys, stable order, so identical inputs give
/// byte-identical output that can be diffed and audited.
public enum JSONReport {
    public static func render(_ assessment: Assessment) throws -> String {
        try encode(assessment)
    }

    /// Encodes any result value the same deterministic way.
    public static func encode(_ value: some Encodable) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        let data = try encoder.encode(value)
        return String(decoding: data, as: UTF8.self) + "\n"
    }
}
