@testable import RespectReports
import Testing

/// The text report's word wrap splits on UTF-8 bytes; it must find exactly the words splitting
/// by `Character` finds, whatever sits beside the spaces.
@Suite("Text report word splitting")
struct TextWrappingTests {
    static let samples: [String] = [
        "plain words here", "  leading, double  and trailing spaces  ", "", " ", "one",
        "an em dash — between words", "“Working towards the Standard” next", "✗ 2 safety-critical",
        "a space then a combining acute: x \u{301}y z", "combining after the last space \u{308}",
        "a prepended mark \u{600} 12 and more", "emoji and modifier 👍 \u{1F3FB} done",
        "zero width joiner \u{200D} here", "e\u{301} caf\u{E9} na\u{EF}ve r\u{E9}sum\u{E9} words",
        "tabs\tare not\tspaces", "line\nbreaks stay", "\u{1B}[1mBOLD\u{1B}[0m: styled words",
    ]

    @Test("the same words as split(separator: \" \")", arguments: samples)
    func sameWords(sample: String) {
        #expect(TextBuffer.words(of: sample) == sample.split(separator: " ").map(String.init))
    }
}
