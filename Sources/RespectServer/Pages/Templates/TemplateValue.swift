/// A value a page template reads: text (strings, and numbers as they print), a yes/no flag, a
/// list, or an object of named values. An absent value is `nil`; there is no "null" case.
///
/// Page views reach the templates as these values through `TemplateValueEncoder` (their
/// `Encodable` conformances), so a template reads a field by a dictionary look-up instead of
/// reflecting over the view at every `{{name}}`.
enum TemplateValue: Sendable, Equatable {
    case text(String)
    case flag(Bool)
    case list([TemplateValue])
    case object([String: TemplateValue])

    /// The value's own field `name`, when it is an object that has one.
    func field(_ name: String) -> TemplateValue? {
        if case .object(let fields) = self { return fields[name] }
        return nil
    }

    /// An object with `other`'s fields added to its own (`other`'s win where both have one);
    /// anything else is left as it is.
    func adding(_ other: TemplateValue?) -> TemplateValue {
        guard case .object(var fields) = self, case .object(let more)? = other else { return self }
        fields.merge(more) { _, added in added }
        return .object(fields)
    }
}
