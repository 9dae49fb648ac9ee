public import RespectEvaluation
public import RespectModel

/// Status badges and tags. Each one spells its meaning out in words, with a glyph hidden from
/// screen readers and a colour on a light background as extra signals, so nothing depends on
/// colour and everything survives black-and-white printing.
public enum HTMLBadge {
    /// An indicator status, e.g. "✓ met", "◑ partly met", "✗ not met", in `wording`'s words.
    public static func status(_ status: IndicatorStatus, wording: any Wording = EnglishWording()) -> HTMLNode {
        badge(glyph: glyph(status), words: wording.status(status), className: "badge status-" + status.rawValue)
    }

    /// The glyph shown before a status's words.
    public static func glyph(_ status: IndicatorStatus) -> String {
        switch status {
        case .met: "✓"
        case .partlyMet: "◑"
        case .notMet: "✗"
        case .needsAssessor: "?"
        case .notApplicable: "–"
        }
    }

    /// The glyph shown before a verdict's words.
    public static func glyph(_ verdict: Verdict) -> String {
        switch verdict {
        case .achieved: "✓"
        case .workingTowards: "◑"
        case .notYet: "✗"
        }
    }

    /// The CSS class of a verdict box (`verdict verdict-achieved`, …).
    public static func verdictClass(_ verdict: Verdict) -> String {
        "verdict verdict-" + verdict.rawValue
    }

    /// A verdict badge with the outcome's own label, e.g. "✗ Not yet ready".
    public static func verdict(_ verdict: Verdict, label: String) -> HTMLNode {
        let statusClass: String
        switch verdict {
        case .achieved: statusClass = "status-met"
        case .workingTowards: statusClass = "status-partly-met"
        case .notYet: statusClass = "status-not-met"
        }
        return badge(glyph: glyph(verdict), words: label, className: "badge " + statusClass)
    }

    /// The tag of an indicator's weight: "safety-critical", "mandatory" or "desirable".
    public static func level(_ level: Level, safetyCritical: Bool) -> HTMLNode {
        if safetyCritical { return .element("span", class: "tag tag-safety", text: "safety-critical") }
        return .element("span", class: "tag tag-" + level.rawValue, text: level.rawValue)
    }

    /// A rule condition's result: "✓ holds" or "✗ does not hold".
    public static func condition(holds: Bool) -> HTMLNode {
        holds ? badge(glyph: "✓", words: "holds", className: "badge status-met")
              : badge(glyph: "✗", words: "does not hold", className: "badge status-not-met")
    }

    private static func badge(glyph: String, words: String, className: String) -> HTMLNode {
        .element("span", class: className, [
            .element("span", attributes: [HTMLAttribute("aria-hidden", "true")], text: glyph),
            .text(" " + words),
        ])
    }
}
