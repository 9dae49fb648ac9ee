public import RespectEvaluation
public import RespectModel

/// A framework edition ready to evaluate against: the framework (marked superseded when an
/// installed edition supersedes it), the record of its file, and its evaluator, made once.
public struct LoadedEdition: Sendable {
    public var framework: Framework
    /// The framework file's role, path and SHA-256, as recorded with every result.
    public var input: InputFile
    public var evaluator: Evaluator
    /// `nil` for the edition as installed; otherwise what changed it (e.g. a tender's
    /// reference, when its stricter thresholds and local indicators are applied).
    public var variant: String?

    public init(framework: Framework, input: InputFile, variant: String? = nil) {
        self.framework = framework
        self.input = input
        self.variant = variant
        evaluator = Evaluator(framework: framework)
    }

    /// `id@edition`.
    public var reference: String { framework.identity.reference }
}

/// The edition a submission is evaluated against, and how it gets there: directly, or carried
/// over from the older edition it was written for through the editions' declared links.
public struct ResolvedEdition: Sendable {
    public var edition: LoadedEdition
    /// Set when the submission targets an older installed edition of the same framework.
    public var migration: EditionMigrationPlan?

    public init(edition: LoadedEdition, migration: EditionMigrationPlan? = nil) {
        self.edition = edition
        self.migration = migration
    }

    /// The records of the framework files used, in the order results list them.
    public var inputs: [InputFile] {
        [edition.input] + (migration.map { [InputFile(role: "framework-migrated-from", path: $0.from.input.path, sha256: $0.from.input.sha256)] } ?? [])
    }
}

/// A submission written for `from` re-assessed under a newer edition through `migration`.
public struct EditionMigrationPlan: Sendable {
    public var from: LoadedEdition
    public var migration: EditionMigration

    public init(from: LoadedEdition, migration: EditionMigration) {
        self.from = from
        self.migration = migration
    }
}
