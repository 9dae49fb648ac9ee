/// One thing a migrated submission's new indicator asks beyond the old edition: a note of the
/// migration checklist.
///
/// Encoded as a flat JSON object: `code` (`Kind`'s raw value), its figures (for
/// `requirement-changed`, the change's own code and figures under `change`; for `provide`, the
/// provision under `provision`) and `message` when a wording is given.
public enum MigrationNote: Sendable, Hashable {
    /// No indicator of the old edition carries into this one.
    case newIndicator(oldEdition: String, newEdition: String)
    /// The new edition asks for something else than the indicators it carries.
    case requirementChanged(RequirementChange)
    /// What to provide, when the old evidence does not cover the new indicator.
    case provide(Provision)

    /// The kind of note; its raw value is the stable `code` in JSON.
    public enum Kind: String, Sendable, Codable, CaseIterable {
        case newIndicator = "new-indicator"
        case requirementChanged = "requirement-changed"
        case provide
    }

    public var kind: Kind {
        switch self {
        case .newIndicator: .newIndicator
        case .requirementChanged: .requirementChanged
        case .provide: .provide
        }
    }
}

extension MigrationNote: Codable {
    public init(from decoder: any Decoder) throws {
        let fields = try decoder.container(keyedBy: FieldKey.self)
        switch try fields.figure("code", as: Kind.self) {
        case .newIndicator:
            self = .newIndicator(oldEdition: try fields.figure("oldEdition"), newEdition: try fields.figure("newEdition"))
        case .requirementChanged:
            self = .requirementChanged(try fields.figure("change"))
        case .provide:
            self = .provide(try fields.figure("provision"))
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var fields = encoder.container(keyedBy: FieldKey.self)
        try fields.encode(kind, forKey: "code")
        switch self {
        case .newIndicator(let old, let new):
            try fields.encode(old, forKey: "oldEdition")
            try fields.encode(new, forKey: "newEdition")
        case .requirementChanged(let change):
            try fields.encode(change, forKey: "change")
        case .provide(let provision):
            try fields.encode(provision, forKey: "provision")
        }
        if let wording = encoder.resultWording { try fields.encode(wording.message(self), forKey: "message") }
    }
}
