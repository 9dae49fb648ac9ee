public import RespectStore
public import Testing

/// A run store implementation the contract is run against: its name and how to make a fresh,
/// empty store of it. `RespectStoreTests` lists the implementations; each contract case is a
/// `@Test` parameterised over that list, so adding one (PostgreSQL) is one more element.
public struct RunStoreImplementation: Sendable, CustomTestStringConvertible {
    public let name: String
    /// A fresh, empty store, in storage no other test uses.
    public let makeStore: @Sendable () async throws -> FreshRunStore

    public init(name: String, makeStore: @escaping @Sendable () async throws -> FreshRunStore) {
        self.name = name
        self.makeStore = makeStore
    }

    public var testDescription: String { name }
}

/// A fresh store, and two more ways into the same storage.
public struct FreshRunStore: Sendable {
    public let store: any RunStore
    /// Opens the same storage again, as another process would.
    public let reopen: @Sendable () async throws -> any RunStore
    /// Opens the same storage with a store whose every `record` fails inside its transaction,
    /// after every row of the run has been written and before the commit.
    public let interruptingWrites: @Sendable () async throws -> any RunStore

    public init(store: any RunStore, reopen: @escaping @Sendable () async throws -> any RunStore,
                interruptingWrites: @escaping @Sendable () async throws -> any RunStore) {
        self.store = store
        self.reopen = reopen
        self.interruptingWrites = interruptingWrites
    }
}
