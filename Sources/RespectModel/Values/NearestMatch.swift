/// The valid value nearest to a mistyped one ("did you mean `recruitment-record`?"): the
/// candidate whose id, or one of whose other names (a label), is closest by edit distance
/// (insertions, deletions, substitutions and swaps of two neighbours), compared ignoring case
/// and treating spaces, hyphens and underscores alike. A candidate further than a third of
/// the word (at least 2, at most 4 edits) is no suggestion.
public enum NearestMatch {
    /// One valid value and the names it may be written as.
    public struct Candidate: Sendable {
        public var value: String
        public var names: [String]

        public init(value: String, names: [String] = []) {
            self.value = value
            self.names = names
        }
    }

    /// The nearest candidate's value, or `nil` when none is near enough. Ties go to the
    /// earlier candidate, so the answer is deterministic.
    public static func nearest(to text: String, among candidates: [Candidate]) -> String? {
        let typed = folded(text)
        guard !typed.isEmpty, typed.count <= maximumLength else { return nil }
        let limit = min(4, max(2, typed.count / 3))
        var best: (value: String, distance: Int)?
        for candidate in candidates {
            for name in [candidate.value] + candidate.names {
                let distance = editDistance(typed, folded(name), limit: limit)
                if distance <= limit, distance < (best?.distance ?? Int.max) {
                    best = (candidate.value, distance)
                }
            }
        }
        return best?.value
    }

    /// Longer values (no genuine id is this long) get no suggestion, so hostile input costs little.
    public static let maximumLength = 100

    /// Lower case, with spaces and underscores as hyphens.
    static func folded(_ text: String) -> [Unicode.Scalar] {
        text.lowercased().unicodeScalars.map { $0 == " " || $0 == "_" ? "-" : $0 }
    }

    /// Optimal string alignment distance; `limit + 1` at once when the lengths alone differ by
    /// more than `limit`.
    static func editDistance(_ a: [Unicode.Scalar], _ b: [Unicode.Scalar], limit: Int) -> Int {
        if abs(a.count - b.count) > limit { return limit + 1 }
        if a.isEmpty || b.isEmpty { return max(a.count, b.count) }
        var previousPrevious = [Int](repeating: 0, count: b.count + 1)
        var previous = Array(0...b.count)
        var current = [Int](repeating: 0, count: b.count + 1)
        for i in 1...a.count {
            current[0] = i
            for j in 1...b.count {
                let cost = a[i - 1] == b[j - 1] ? 0 : 1
                var value = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
                if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] {
                    value = min(value, previousPrevious[j - 2] + 1)
                }
                current[j] = value
            }
            (previousPrevious, previous, current) = (previous, current, previousPrevious)
        }
        return previous[b.count]
    }
}

extension Vocabulary {
    /// The evidence type nearest to a mistyped id, matching ids and labels.
    public func nearestEvidenceType(to text: String) -> String? {
        NearestMatch.nearest(to: text, among: evidenceTypes.map { .init(value: $0.id, names: [$0.label]) })
    }

    /// The fact nearest to a mistyped id, matching ids and labels.
    public func nearestFact(to text: String) -> String? {
        NearestMatch.nearest(to: text, among: facts.map { .init(value: $0.id, names: [$0.label]) })
    }
}

extension Framework {
    /// The indicator nearest to a mistyped id, matching ids and display numbers.
    public func nearestIndicator(to text: String) -> String? {
        NearestMatch.nearest(to: text, among: indicators.map { .init(value: $0.id, names: [$0.number]) })
    }
}
