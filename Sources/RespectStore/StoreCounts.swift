/// How much a store holds.
public struct StoreCounts: Sendable, Hashable {
    public var runs: Int
    /// Input files over all runs.
    public var inputs: Int
    /// Findings considered over all runs.
    public var findings: Int

    public init(runs: Int, inputs: Int, findings: Int) {
        self.runs = runs
        self.inputs = inputs
        self.findings = findings
    }
}
