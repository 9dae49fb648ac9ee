public import RespectStore
public import Testing

/// A service store implementation the contract is run against: its name and how to make a
/// fresh, empty store of it. `RespectStoreTests` lists the implementations
/// (`ServiceStoreImplementations.all`); each contract case is a `@Test` parameterised over that
/// list, so adding PostgreSQL is one more element.
public struct ServiceStoreImplementation: Sendable, CustomTestStringConvertible {
    public let name: String
    /// A fresh, empty store, in storage no other test uses.
    public let makeStore: @Sendable () async throws -> FreshServiceStore

    public init(name: String, makeStore: @escaping @Sendable () async throws -> FreshServiceStore) {
        self.name = name
        self.makeStore = makeStore
    }

    public var testDescription: String { name }
}

/// A fresh store, and two more ways into the same storage.
public struct FreshServiceStore: Sendable {
    public let store: any ServiceStore
    /// Opens the same storage again, as another server process would.
    public let reopen: @Sendable () async throws -> any ServiceStore
    /// Opens the same storage with a store whose every write fails inside its transaction,
    /// after every statement of the change and its audit entry, before the commit.
    public let interruptingWrites: @Sendable () async throws -> any ServiceStore

    public init(store: any ServiceStore, reopen: @escaping @Sendable () async throws -> any ServiceStore,
                interruptingWrites: @escaping @Sendable () async throws -> any ServiceStore) {
        self.store = store
        self.reopen = reopen
        self.interruptingWrites = interruptingWrites
    }
}
