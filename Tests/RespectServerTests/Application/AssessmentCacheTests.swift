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
        cache.keep(.planned(assessment), for: try Self.key("a"))
        if case .planned(let kept)? = cache.entry(try Self.key("a")) {
            #expect(kept.outcome.verdict == assessment.outcome.verdict)
        } else {
            Issue.record("the kept assessment is found under its key")
        }
        #expect(cache.entry(try Self.key("a", today: "2026-11-28")) == nil, "another day is another key")
        #expect(cache.entry(try Self.key("a", planned: false)) == nil, "a plain assessment is not a planned one")
        #expect(cache.entry(try Self.key("b")) == nil)

        cache.keep(.planned(assessment), for: try Self.key("b"))
        cache.keep(.planned(assessment), for: try Self.key("a"))  // kept again: no second place in the queue
        #expect(cache.count == 2)
        cache.keep(.planned(assessment), for: try Self.key("c"))
        #expect(cache.count == 2)
        #expect(cache.entry(try Self.key("a")) == nil, "the oldest entry went first")
        let (b, c) = (try Self.key("b"), try Self.key("c"))
        #expect(cache.entry(b) != nil && cache.entry(c) != nil)
    }
}
