/// A form as a page shows it: the values as the user typed them, which boxes are ticked, and
/// each error beside its field and again in a summary at the top that links to the field. A
/// form that fails validation comes back with everything typed still in it.
struct FormState: Sendable, Encodable {
    struct Problem: Sendable, Encodable {
        /// The `id` of the field the problem is about.
        var field: String
        var message: String
    }

    /// Text values by field name.
    var values: [String: String] = [:]
    /// Ticked boxes and chosen options, by `name:value`.
    var chosen: [String: Bool] = [:]
    /// Error messages by field name.
    var errors: [String: String] = [:]
    var problems: [Problem] = []
    var hasProblems = false

    init() {}

    /// The values a posted form carried, every text field kept as sent.
    init(_ form: PageForm) {
        for (name, value) in form.fields where name != "csrf" {
            if values[name] == nil { values[name] = value }
            chosen[name + ":" + value] = true
        }
    }

    mutating func set(_ name: String, _ value: String?) {
        values[name] = value ?? ""
    }

    mutating func choose(_ name: String, _ value: String) {
        chosen[name + ":" + value] = true
    }

    func isChosen(_ name: String, _ value: String) -> Bool {
        chosen[name + ":" + value] == true
    }

    /// Records a problem with `field` (the first one for a field is shown beside it).
    mutating func fail(_ field: String, _ message: String) {
        if errors[field] == nil { errors[field] = message }
        problems.append(Problem(field: field, message: message))
        hasProblems = true
    }
}
