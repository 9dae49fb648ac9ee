/// A small, fast, seeded pseudo-random generator (SplitMix64, Steele, Lea and Flood 2014).
///
/// The corpus must be reproducible: the same seed gives the same numbers on every machine and
/// Swift version. So the generator and every helper below (ranges, choices, shuffles) are
/// written here rather than taken from the standard library, whose algorithms for
/// `Int.random(in:using:)` or `shuffled(using:)` are not promised to stay the same.
public struct SplitMix64: Sendable {
    /// The generator's whole state.
    public private(set) var state: UInt64

    /// Creates a generator; the same seed always gives the same sequence.
    public init(seed: UInt64) {
        state = seed
    }

    /// A generator for one item of a series (e.g. submission number `index` of a corpus),
    /// independent of how many numbers the others drew.
    public init(seed: UInt64, stream index: UInt64) {
        var mixer = SplitMix64(seed: seed ^ 0x5DEE_CE66_D1CE_4E5B)
        state = mixer.next() &+ index &* 0x9E37_79B9_7F4A_7C15
        state = next()
    }

    /// The next 64 random bits.
    public mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// A number in `range`, uniformly (rejection sampling, so no modulo bias).
    public mutating func int(in range: ClosedRange<Int>) -> Int {
        let span = UInt64(bitPattern: Int64(range.upperBound &- range.lowerBound)) &+ 1
        if span == 0 { return Int(truncatingIfNeeded: next()) }  // the full 64-bit range
        let limit = UInt64.max - UInt64.max % span
        var value = next()
        while value >= limit { value = next() }
        return range.lowerBound &+ Int(truncatingIfNeeded: value % span)
    }

    /// True with probability `probability` (0…1).
    public mutating func chance(_ probability: Double) -> Bool {
        Double(next() >> 11) * 0x1.0p-53 < probability
    }

    /// One element of a non-empty array.
    public mutating func pick<Element>(_ elements: [Element]) -> Element {
        elements[int(in: 0...(elements.count - 1))]
    }

    /// The elements in a random order (Fisher–Yates).
    public mutating func shuffled<Element>(_ elements: [Element]) -> [Element] {
        var result = elements
        guard result.count > 1 else { return result }
        for index in stride(from: result.count - 1, to: 0, by: -1) {
            result.swapAt(index, int(in: 0...index))
        }
        return result
    }

    /// `count` distinct elements in random order (all of them when there are fewer).
    public mutating func sample<Element>(_ elements: [Element], count: Int) -> [Element] {
        Array(shuffled(elements).prefix(max(0, count)))
    }

    /// `count` random lowercase hexadecimal digits, e.g. for a SHA-256.
    public mutating func hex(count: Int) -> String {
        let digits = Array("0123456789abcdef")
        var text = ""
        text.reserveCapacity(count)
        var bits: UInt64 = 0
        for position in 0..<count {
            if position % 16 == 0 { bits = next() }
            text.append(digits[Int(bits & 15)])
            bits >>= 4
        }
        return text
    }
}
