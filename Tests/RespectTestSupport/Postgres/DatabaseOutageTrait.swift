public import Testing

/// A trait that runs each test case through `DatabaseOutageGate`: as a user of the database
/// (`.usesTheDatabase`) or as a test that stops and starts it (`.stopsTheDatabase`). On a suite
/// it applies to every test in it.
public struct DatabaseOutageTrait: TestTrait, SuiteTrait, TestScoping {
    let stops: Bool

    public var isRecursive: Bool { true }

    /// Each test case on its own: a suite never holds the gate for all its tests at once.
    public func scopeProvider(for test: Test, testCase: Test.Case?) -> Self? {
        testCase == nil ? nil : self
    }

    public func provideScope(for test: Test, testCase: Test.Case?,
                             performing function: @Sendable () async throws -> Void) async throws {
        try await DatabaseOutageGate.shared.run(stops: stops, function)
    }
}

extension Trait where Self == DatabaseOutageTrait {
    /// The test uses the database server and must not run while another test has it stopped.
    public static var usesTheDatabase: Self { DatabaseOutageTrait(stops: false) }
    /// The test stops and starts the database server, so it runs while no other test uses it.
    public static var stopsTheDatabase: Self { DatabaseOutageTrait(stops: true) }
}
