import Foundation
@testable import RespectEvaluation
import RespectModel
import RespectReports
import RespectTestSupport
import Testing

/// `SortedJSONEncoder`, which `ResultCoding` uses, must write exactly the bytes Foundation's
/// `JSONEncoder` writes with the same options: checked on the full result (plan included) of
/// every example submission and bid, in words and without, pretty and compact; on every typed
/// value; and on the awkward corners (every ASCII character and others in strings, numbers,
/// empty containers, odd and repeated keys, top-level scalars). What it leaves to JSONEncoder
/// (a `Date`, a number that is not finite) must come out as JSONEncoder writes it, or fail as
/// JSONEncoder fails.
@Suite struct SortedJSONEncoderTests {
    static let wording: [CodingUserInfoKey: any Sendable] = [.resultWording: EnglishWording()]

    /// Both encodings of `value`, pretty and compact, with and without words, expected equal.
    static func expectSame(_ value: some Encodable, _ name: String,
                           sourceLocation: SourceLocation = #_sourceLocation) throws {
        for pretty in [true, false] {
            for userInfo in [wording, [:]] {
                let ours = try ResultCoding.encode(value, pretty: pretty, userInfo: userInfo)
                let foundation = try ResultCoding.foundationEncode(value, pretty: pretty, userInfo: userInfo)
                let difference = ours == foundation ? "" : "ours:        \(String(decoding: ours.prefix(400), as: UTF8.self))\n"
                    + "JSONEncoder: \(String(decoding: foundation.prefix(400), as: UTF8.self))"
                #expect(ours == foundation, "\(name) (pretty: \(pretty), words: \(!userInfo.isEmpty)):\n\(difference)",
                        sourceLocation: sourceLocation)
            }
        }
    }

    @Test("the full result of every example submission and bid, with its plan, encodes as JSONEncoder encodes it")
    func exampleResults() throws {
        let loader = DocumentLoader(schemas: SchemaSet(directory: TestSupport.standardsDirectory + "/schema"))
        let evaluator = Evaluator(framework: TestSupport.standard2017)
        var paths: [String] = []
        for folder in ["submissions", "tender/bids"] {
            let directory = TestSupport.examplesDirectory + "/" + folder
            paths += try FileManager.default.contentsOfDirectory(atPath: directory).filter { $0.hasSuffix(".xml") }.sorted()
                .map { directory + "/" + $0 }
        }
        var encoded = 0
        for path in paths {
            let submission = try loader.loadSubmission(contentsOf: path)
            guard submission.target.edition == "2017" else { continue }
            let asOf = try #require(CalendarDate("2026-11-01"))
            var assessment = try evaluator.evaluate(submission, asOf: asOf)
            assessment.plan = try VerdictPlanner(evaluator: evaluator).plan(submission, asOf: asOf)
            try Self.expectSame(assessment, path)
            encoded += 1
        }
        #expect(encoded >= 7, "the examples and bids were encoded")
    }

    @Test("every typed value encodes as JSONEncoder encodes it")
    func typedValues() throws {
        try Self.expectSame(TypedSamples.reasons, "reasons")
        try Self.expectSame(TypedSamples.provisions, "provisions")
        try Self.expectSame(TypedSamples.warnings, "warnings")
        try Self.expectSame(TypedSamples.conditions, "conditions")
        try Self.expectSame(TypedSamples.tenderReasons, "tender reasons")
        try Self.expectSame(TypedSamples.requirementChanges, "requirement changes")
        try Self.expectSame(TypedSamples.migrationNotes, "migration notes")
        try Self.expectSame(TypedSamples.automatedViews, "automated views")
        try Self.expectSame(TypedSamples.advisories, "advisories")
        try Self.expectSame(TypedSamples.planCauses, "plan causes")
        try Self.expectSame(TypedSamples.planAdditions, "plan additions")
        try Self.expectSame(TypedSamples.planChanges, "plan changes")
    }

    /// Encodes the same key twice, the second time with another value (JSONEncoder keeps the
    /// last; it traps on a nested container for a key already encoded, so that is not tried).
    struct RepeatedKey: Encodable {
        enum Keys: String, CodingKey { case b, a }
        func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: Keys.self)
            try container.encode(1, forKey: .b)
            try container.encode("first", forKey: .a)
            try container.encodeNil(forKey: .b)
            try container.encode("second", forKey: .a)
        }
    }

    struct Scalars: Encodable {
        var strings: [String]
        var doubles: [Double]
        var floats: [Float]
        var decimals: [Decimal]
        var integers: [Int64]
        var unsigned: UInt64 = .max
        var flags = [true, false]
        var nothing: String?
        var emptyList: [Int] = []
        var emptyObject: [String: Int] = [:]
        var nestedEmpty: [[String: [Int]]] = [[:], ["a": []]]
        var keys: [String: Int] = ["b": 1, "B": 2, "a10": 3, "a9": 4, "aB": 5, "ab": 6, "Ab": 7, "a_b": 8, "aé": 9, "a-b": 10, "": 11, "a\"b": 12]
    }

    @Test("strings, numbers, empty containers, odd and repeated keys and top-level scalars encode as JSONEncoder encodes them")
    func corners() throws {
        let ascii = String(String.UnicodeScalarView((0...0x7F).compactMap(Unicode.Scalar.init)))
        let scalars = Scalars(
            strings: [ascii, "", "a/b\\c\"d", "é – “quoted” \u{2028}\u{2029} 😀 \u{301}e", "\u{0}", "line\nbreak\r\ttab"],
            doubles: [0, -0.0, 1, -1, 100, 95.5, 0.1, 1e20, 1e21, 1.5e-7, 123_456_789.125, -3.75, 1e-5, 2.5e15, 1 / 3,
                      .leastNonzeroMagnitude, .greatestFiniteMagnitude],
            floats: [0.1, 100, 1e10, 3.25],
            decimals: [Decimal(string: "12.50")!, Decimal(string: "-0.001")!, 0, Decimal(string: "123456789012.123456")!],
            integers: [0, -1, .min, .max])
        try Self.expectSame(scalars, "scalars")
        try Self.expectSame(RepeatedKey(), "a repeated key")
        try Self.expectSame([RepeatedKey(), RepeatedKey()], "repeated keys in a list")
        try Self.expectSame("top-level string", "a top-level string")
        try Self.expectSame(42, "a top-level number")
        try Self.expectSame([String](), "a top-level empty list")
        try Self.expectSame([String: String](), "a top-level empty object")
        try Self.expectSame(Optional<Int>.none, "a top-level null")
    }

    /// Members out of key order, each holding objects and lists whose own keys are out of order,
    /// so that an object is put in order around others already put in order.
    struct Unordered: Encodable {
        enum Keys: String, CodingKey { case zeta, alpha, mu, beta }
        var depth = 2
        func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: Keys.self)
            try container.encode("last", forKey: .zeta)
            if depth > 0 {
                try container.encode([Unordered(depth: depth - 1), Unordered(depth: depth - 1)], forKey: .alpha)
                try container.encode(Unordered(depth: depth - 1), forKey: .mu)
            }
            try container.encode(["b": [2], "a": [1], "c": []], forKey: .beta)
        }
    }

    /// Asks for its keyed container twice, and hands the encoder to another value first.
    struct TwoContainers: Encodable {
        enum Keys: String, CodingKey { case b, a, c }
        func encode(to encoder: any Encoder) throws {
            try Unordered(depth: 0).encode(to: encoder)
            var first = encoder.container(keyedBy: Keys.self)
            try first.encode(2, forKey: .b)
            var second = encoder.container(keyedBy: Keys.self)
            try second.encode(["x": 1], forKey: .a)
            try first.encode(true, forKey: .c)
        }
    }

    /// Asks for its list twice.
    struct TwoLists: Encodable {
        func encode(to encoder: any Encoder) throws {
            var first = encoder.unkeyedContainer()
            try first.encode(1)
            var second = encoder.unkeyedContainer()
            try second.encode(["k": "v"])
            try first.encode("three")
        }
    }

    /// A single value that is itself an object, and one that is nothing at all.
    struct Wrapped: Encodable {
        var inner: Unordered? = Unordered(depth: 1)
        func encode(to encoder: any Encoder) throws {
            var container = encoder.singleValueContainer()
            try container.encode(inner)
        }
    }

    struct Silent: Encodable {
        func encode(to encoder: any Encoder) throws {}
    }

    /// Nested containers, which this encoder leaves to JSONEncoder.
    struct Nested: Encodable {
        enum Keys: String, CodingKey { case outer, list }
        func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: Keys.self)
            var outer = container.nestedContainer(keyedBy: Keys.self, forKey: .outer)
            try outer.encode(1, forKey: .list)
            var list = container.nestedUnkeyedContainer(forKey: .list)
            try list.encode("a")
        }
    }

    @Test("objects out of key order at every depth, containers asked for twice, wrapped and silent values encode as JSONEncoder encodes them")
    func shapes() throws {
        try Self.expectSame(Unordered(), "members out of order at every depth")
        try Self.expectSame([Unordered(depth: 1), Unordered(depth: 0)], "a list of them")
        try Self.expectSame(TwoContainers(), "a keyed container asked for twice")
        try Self.expectSame(TwoLists(), "a list asked for twice")
        try Self.expectSame(Wrapped(), "an object as a single value")
        try Self.expectSame(Wrapped(inner: nil), "null as a single value")
        try Self.expectSame(["silent": Silent()], "a value that encodes nothing")
        try Self.expectSame(Nested(), "nested containers (left to JSONEncoder)")
        #expect(throws: SortedJSONEncoder.Unsupported.self) { try SortedJSONEncoder(pretty: true, userInfo: [:]).encode(Nested()) }
    }

    struct Dated: Encodable {
        var date = Date(timeIntervalSince1970: 1_800_000_000.5)
        var name = "dated"
    }

    @Test("what it leaves to JSONEncoder comes out as JSONEncoder writes it, or fails as JSONEncoder fails")
    func leftToJSONEncoder() throws {
        #expect(throws: SortedJSONEncoder.Unsupported.self) { try SortedJSONEncoder(pretty: true, userInfo: [:]).encode(Dated()) }
        try Self.expectSame(Dated(), "a date")
        try Self.expectSame([Data([1, 2, 3])], "data")
        try Self.expectSame(["url": URL(string: "https://example.org/a/b")!], "a URL")
        #expect(throws: (any Error).self) { try ResultCoding.encode([Double.nan]) }
        #expect(throws: (any Error).self) { try ResultCoding.foundationEncode([Double.nan], pretty: false, userInfo: [:]) }
    }
}
