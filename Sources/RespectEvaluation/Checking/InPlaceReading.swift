extension Array {
    // `for element in array`, `contains(where:)`, `filter` and `forEach` hand each element over
    // as a copy; for an indicator's result (a dozen strings and lists) that is a dozen retains
    // and releases per element per pass, and an evaluation makes many passes over a hundred
    // results (the planner, many evaluations). These read each element where it is instead.

    /// Whether some element satisfies `predicate`, read in place.
    func containsInPlace(where predicate: (borrowing Element) -> Bool) -> Bool {
        for index in indices where predicate(self[index]) { return true }
        return false
    }

    /// How many elements satisfy `predicate`, read in place.
    func countInPlace(where predicate: (borrowing Element) -> Bool) -> Int {
        var count = 0
        for index in indices where predicate(self[index]) { count += 1 }
        return count
    }

    /// The elements that satisfy `predicate`, in order; only those are copied.
    func filterInPlace(_ isIncluded: (borrowing Element) -> Bool) -> [Element] {
        var kept: [Element] = []
        for index in indices where isIncluded(self[index]) { kept.append(self[index]) }
        return kept
    }

    /// `transform` of the elements that satisfy `isIncluded`, in order, each read in place.
    func mapInPlace<T>(where isIncluded: (borrowing Element) -> Bool, _ transform: (borrowing Element) -> T) -> [T] {
        var mapped: [T] = []
        for index in indices where isIncluded(self[index]) { mapped.append(transform(self[index])) }
        return mapped
    }
}
