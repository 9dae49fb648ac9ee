@testable import RespectModel
import RespectTestSupport
import Testing

/// "Did you mean …?": the nearest valid id to a mistyped one.
@Suite("Nearest valid value")
struct NearestMatchTests {
    static let vocabulary = TestSupport.standard2017.vocabulary

    @Test("a misspelt evidence type finds its id, by id or by label")
    func evidenceTypes() {
        #expect(Self.vocabulary.nearestEvidenceType(to: "recruitment-recrod") == "recruitment-record")
        #expect(Self.vocabulary.nearestEvidenceType(to: "Training Record") == "training-record")
        #expect(Self.vocabulary.nearestEvidenceType(to: "policy document") == "policy")
        #expect(Self.vocabulary.nearestEvidenceType(to: "datareport") == "data-report")
    }

    @Test("nothing near gives no suggestion, and neither does a value far too long to be an id")
    func nothingNear() {
        #expect(Self.vocabulary.nearestEvidenceType(to: "minutes-of-the-annual-general-meeting") == nil)
        #expect(Self.vocabulary.nearestEvidenceType(to: "x") == nil)
        #expect(Self.vocabulary.nearestEvidenceType(to: String(repeating: "policy", count: 50)) == nil)
    }

    @Test("indicators are matched by id and by display number; facts by id")
    func indicatorsAndFacts() {
        #expect(TestSupport.standard2017.nearestIndicator(to: "gov-complaint-procedure") == "gov-complaints-procedure")
        #expect(Self.vocabulary.nearestFact(to: "programme-duration-week") == "programme-duration-weeks")
    }

    @Test("edit distance counts a swap of two neighbours as one edit")
    func swaps() {
        let a = NearestMatch.folded("abcd"), b = NearestMatch.folded("abdc")
        #expect(NearestMatch.editDistance(a, b, limit: 4) == 1)
        #expect(NearestMatch.editDistance(NearestMatch.folded("kitten"), NearestMatch.folded("sitting"), limit: 4) == 3)
        #expect(NearestMatch.editDistance(NearestMatch.folded("a"), NearestMatch.folded("abcdefgh"), limit: 2) == 3)
    }
}
