public import RespectModel

/// A skeleton submission for one edition and the services a provider offers: the provider,
/// the target, the services with their risk levels, and no evidence yet; with the reference of
/// what each applicable indicator needs, for the guidance a template file carries.
public struct SubmissionTemplate: Sendable {
    public var submission: Submission
    public var reference: FrameworkReference
}

extension AssessmentEngine {
    /// The reference of an installed edition (or a framework file): every indicator, or with
    /// `services` (ids or labels) only those that apply to them at `riskLevels` (ids or labels;
    /// `nil`: every risk level).
    ///
    /// - Throws: `.load` when the edition is not installed or does not load; `.invalidChoice`
    ///   for a service type or risk level the edition does not define.
    public func reference(edition reference: String, services: [String]? = nil,
                          riskLevels: [String]? = nil) throws(AssessmentError) -> FrameworkReference {
        let framework = try loadEdition(reference).framework
        guard let services else { return FrameworkReference(framework: framework) }
        return FrameworkReference(framework: framework, services: try offered(services, riskLevels: riskLevels, in: framework))
    }

    /// A skeleton submission targeting `edition` for `provider`, offering `services` (ids or
    /// labels, at least one) at `riskLevels` (`nil`: every risk level of the edition). It is
    /// valid as it stands and contains nothing that would not count.
    ///
    /// - Throws: as `reference(edition:services:riskLevels:)`.
    public func template(edition reference: String, services: [String], riskLevels: [String]? = nil,
                         provider: Provider) throws(AssessmentError) -> SubmissionTemplate {
        let framework = try loadEdition(reference).framework
        let offered = try offered(services, riskLevels: riskLevels, in: framework)
        let identity = framework.identity
        let submission = Submission(provider: provider, target: FrameworkTarget(framework: identity.id, edition: identity.edition),
                                    asOf: nil, services: offered, evidence: [], facts: [], actionPlan: [], source: "template")
        return SubmissionTemplate(submission: submission, reference: FrameworkReference(framework: framework, services: offered))
    }

    private func loadEdition(_ reference: String) throws(AssessmentError) -> LoadedEdition {
        do {
            return try library.edition(reference)
        } catch {
            throw .load(error)
        }
    }

    /// The services named, each at the risk levels named (or all of the edition's).
    func offered(_ services: [String], riskLevels: [String]?,
                         in framework: Framework) throws(AssessmentError) -> [OfferedService] {
        let vocabulary = framework.vocabulary
        let edition = framework.identity.reference
        do throws(InvalidChoice) {
            var levels: [String] = []
            for level in riskLevels ?? vocabulary.riskLevels.map(\.id) {
                let id = try InvalidChoice.choose(level, among: vocabulary.riskLevels, vocabulary: .riskLevel, edition: edition).id
                if !levels.contains(id) { levels.append(id) }
            }
            var offered: [OfferedService] = []
            for service in services {
                let id = try InvalidChoice.choose(service, among: vocabulary.serviceTypes, vocabulary: .serviceType, edition: edition).id
                if !offered.contains(where: { $0.serviceType == id }) { offered.append(OfferedService(serviceType: id, riskLevels: levels)) }
            }
            return offered
        } catch {
            throw .invalidChoice(error)
        }
    }
}
