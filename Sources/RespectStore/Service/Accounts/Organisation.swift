public import Foundation

/// What an organisation is to the service: a provider (runs programmes, submits evidence, bids)
/// or a commissioner (runs tenders). Assessors and admins belong to none.
public enum OrganisationKind: String, Sendable, Hashable, Codable, CaseIterable {
    case provider
    case commissioner
}

/// An organisation known to the service, identified by its registered number.
public struct Organisation: Sendable, Hashable, Codable {
    public var registeredNumber: RegisteredNumber
    public var name: String
    public var kind: OrganisationKind
    public var createdAt: Date

    public init(registeredNumber: RegisteredNumber, name: String, kind: OrganisationKind, createdAt: Date) {
        self.registeredNumber = registeredNumber
        self.name = name
        self.kind = kind
        self.createdAt = createdAt
    }
}
