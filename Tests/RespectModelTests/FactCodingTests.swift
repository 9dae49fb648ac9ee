import Foundation
import RespectModel
import Testing

/// Fact values and thresholds in JSON: exact numbers (never through `Double`), booleans, units.
@Suite("Fact values in JSON")
struct FactCodingTests {
    private func json(_ value: some Encodable) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        return String(decoding: try encoder.encode(value), as: UTF8.self)
    }

    @Test("decimals keep every digit, both ways", arguments: ["22", "22.5", "-0.125", "999999999999.999999", "0.000001", "-999999999999"])
    func exactDecimals(text: String) throws {
        let value = try #require(ExactDecimal(text))
        #expect(try json([value]) == "[\(text)]")
        #expect(try JSONDecoder().decode([ExactDecimal].self, from: Data("[\(text)]".utf8)) == [value])
    }

    @Test("a decimal too precise for a fact is refused when read")
    func tooPrecise() {
        #expect(throws: DecodingError.self) { try JSONDecoder().decode([ExactDecimal].self, from: Data("[1.0000001]".utf8)) }
    }

    @Test("a threshold is its fact, comparison, value and unit; yes/no values are JSON booleans")
    func thresholds() throws {
        let weeks = FactThreshold(factID: "programme-weeks", comparison: .ge, value: .number(ExactDecimal(22)), unit: "weeks")
        #expect(try json(weeks) == #"{"comparison":"ge","fact":"programme-weeks","unit":"weeks","value":22}"#)
        let yesNo = FactThreshold(factID: "separate-workers", comparison: .eq, value: .boolean(true), unit: nil)
        #expect(try json(yesNo) == #"{"comparison":"eq","fact":"separate-workers","value":true}"#)
        for threshold in [weeks, yesNo] {
            #expect(try JSONDecoder().decode(FactThreshold.self, from: Data(try json(threshold).utf8)) == threshold)
        }
    }
}
