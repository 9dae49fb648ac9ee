@testable import RespectServer
import RespectModel
import RespectTestSupport
import Testing

/// The per-process cache of assessments behind the pages.
@Suite("Assessment cache")
struct AssessmentCacheTests {
    static func key(_ sha: String, today: String = "2026-11-27", planned: Bool = true) throws -> AssessmentCache.Key {
        AssessmentCache.Key(sha256: sha, fileName: "a.xml", asOf: nil, today: try #require(CalendarDate(today)),
                            findings: [], planned: planned)
    }

    @Test("an assessment is found again only under the same version, dates, findings and kind; the oldest goes first when full")
    func keysAndBound() throws {
        let assessment = try TestSupport.assessMini()
        let cache = AssessmentCache(capacity: 2)
        cache.keep(.planned(assessment), for: try Self.key("a"), bytes: 100)
        if case .planned(let kept)? = cache.entry(try Self.key("a")) {
            #expect(kept.outcome.verdict == assessment.outcome.verdict)
        } else {
            Issue.record("the kept assessment is found under its key")
        }
        #expect(cache.entry(try Self.key("a", today: "2026-11-28")) == nil, "another day is another key")
        #expect(cache.entry(try Self.key("a", planned: false)) == nil, "a plain assessment is not a planned one")
        #expect(cache.entry(try Self.key("b")) == nil)

        cache.keep(.planned(assessment), for: try Self.key("b"), bytes: 100)
        cache.keep(.planned(assessment), for: try Self.key("a"), bytes: 100)  // kept again: no second place in the queue
        #expect(cache.count == 2)
        cache.keep(.planned(assessment), for: try Self.key("c"), bytes: 100)
        #expect(cache.count == 2)
        #expect(cache.entry(try Self.key("a")) == nil, "the oldest entry went first")
        let (b, c) = (try Self.key("b"), try Self.key("c"))
        #expect(cache.entry(b) != nil && cache.entry(c) != nil)
    }

    @Test("the files the kept assessments were read from stay within the byte budget; a file over it is not kept")
    func byteBudget() throws {
        let assessment = try TestSupport.assessMini()
        let cache = AssessmentCache(capacity: 10, byteBudget: 1_000)
        cache.keep(.planned(assessment), for: try Self.key("a"), bytes: 400)
        cache.keep(.planned(assessment), for: try Self.key("b"), bytes: 400)
        #expect(cache.count == 2 && cache.bytes == 800)
        cache.keep(.planned(assessment), for: try Self.key("c"), bytes: 400)
        #expect(cache.entry(try Self.key("a")) == nil, "the oldest went to make room")
        #expect(cache.count == 2 && cache.bytes == 800)
        cache.keep(.planned(assessment), for: try Self.key("b"), bytes: 500)  // kept again, larger
        #expect(cache.bytes == 900 && cache.count == 2)
        cache.keep(.planned(assessment), for: try Self.key("d"), bytes: 1_001)
        #expect(cache.entry(try Self.key("d")) == nil, "a file over the whole budget is not kept")
        #expect(cache.count == 2 && cache.bytes == 900, "and nothing was let go for it")
        cache.keep(.planned(assessment), for: try Self.key("e"), bytes: 1_000)
        #expect(cache.count == 1 && cache.bytes == 1_000, "a file of exactly the budget is kept alone")
    }

    @Test("a value derived from a kept assessment is made once and kept beside it, goes with it, and is never kept without it")
    func derivedValues() throws {
        let assessment = try TestSupport.assessMini()
        let cache = AssessmentCache(capacity: 1, byteBudget: 1_000)
        let (a, b) = (try Self.key("a"), try Self.key("b"))
        var made = 0
        func value(_ key: AssessmentCache.Key, _ name: String, _ text: String) -> TemplateValue? {
            cache.derived(key, name) { made += 1; return .object(["text": .text(text)]) }
        }

        #expect(value(a, "dashboard /x/1", "first") == .object(["text": .text("first")]))
        #expect(value(a, "dashboard /x/1", "second") == .object(["text": .text("second")]), "no assessment is kept: made again")
        #expect(made == 2)

        cache.keep(.planned(assessment), for: a, bytes: 10)
        #expect(value(a, "dashboard /x/1", "kept") == .object(["text": .text("kept")]))
        #expect(value(a, "dashboard /x/1", "not made") == .object(["text": .text("kept")]), "found beside its assessment")
        #expect(value(a, "dashboard /x/2", "other path") == .object(["text": .text("other path")]), "another name is another value")
        #expect(made == 4)
        #expect(cache.derived(a, "nothing") { nil } == nil, "a value that cannot be made is nil, and nothing is kept")
        #expect(value(a, "nothing", "made now") == .object(["text": .text("made now")]))

        cache.keep(.planned(assessment), for: b, bytes: 10)  // capacity 1: a's assessment goes, and its values with it
        #expect(value(a, "dashboard /x/1", "after") == .object(["text": .text("after")]))
        cache.keep(.planned(assessment), for: a, bytes: 10)
        #expect(value(a, "dashboard /x/1", "afresh") == .object(["text": .text("afresh")]), "kept again: its old values are not back")

        for number in 0..<(AssessmentCache.derivedCapacity * 3) {
            _ = value(a, "dashboard /x/\(number)", "path \(number)")
        }
        made = 0
        let last = AssessmentCache.derivedCapacity * 3 - 1
        #expect(value(a, "dashboard /x/\(last)", "again") == .object(["text": .text("path \(last)")]), "the latest is kept")
        #expect(value(a, "dashboard /x/0", "again") == .object(["text": .text("again")]), "the values beside one assessment are bounded")
        #expect(made == 1)
    }
}
