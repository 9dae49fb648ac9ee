import RespectAssessment
import RespectModel

/// A tender made from the form rather than uploaded: what the commissioner chose, written as a
/// tender XML through the `tender-xml` template (every value escaped) and then read exactly as
/// an uploaded tender is, so both routes give the same tender. Each rule cites a clause whose
/// wording comes from the catalogue, filled in with the figures chosen.
struct TenderDraft: Sendable, Encodable {
    struct Clause: Sendable, Encodable {
        var id: String
        var heading: String
        var text: String
    }

    struct RequiredService: Sendable, Encodable {
        var type: String
        var risks: String
    }

    var reference: String
    var title: String
    var commissioner: String
    var deadline: String
    var contractStart: String?
    var framework: String
    var edition: String
    var accept: String
    var services: [RequiredService]
    var hasServices: Bool
    var threshold: Threshold?
    var actionsByContractStart: Bool
    var clauses: [Clause]

    struct Threshold: Sendable, Encodable {
        var fact: String
        var value: String
        var unit: String?
    }
}
