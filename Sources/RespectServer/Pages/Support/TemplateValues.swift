import Mustache
import Synchronization

/// A page's view values made ready for the templates: every view struct becomes a dictionary of
/// its stored properties, once, before rendering.
///
/// swift-mustache reads a struct's property through `Mirror`, listing every property again at
/// every `{{name}}` and at every level of the context stack it climbs; on the dashboard that was
/// three quarters of the time a page view took (profiled with `perf` under `scripts/load.sh`). A
/// dictionary is read by key. The templates see the same names and values: a property that is
/// `nil` is left out, as `Mirror` reading gave "nothing here" for it; arrays stay arrays;
/// strings, numbers, Booleans, and any value that prints itself (`CustomStringConvertible`) or
/// that the template library renders or reads in its own way, stay as they are.
enum TemplateValues {
    static func prepared(_ values: [String: Any]) -> [String: Any] {
        values.compactMapValues(prepared)
    }

    static func prepared(_ value: Any) -> Any? {
        switch value {
        case is String, is Bool, is Int:
            return value
        default:
            break
        }
        switch kind(of: value) {
        case .kept:
            return value
        case .optional:
            return Mirror(reflecting: value).children.first.flatMap { prepared($0.value) }
        case .array:
            return (value as? [Any])?.compactMap(prepared) ?? value
        case .dictionary:
            return (value as? [String: Any]).map(prepared) ?? value
        case .fields:
            var fields: [String: Any] = [:]
            for child in Mirror(reflecting: value).children {
                guard let label = child.label, let field = prepared(child.value) else { continue }
                fields[label] = field
            }
            return fields
        }
    }

    /// What becomes of a value of one type; decided once per type (the protocol checks are the
    /// costly part) and remembered.
    private enum Kind {
        case kept, optional, array, dictionary, fields
    }

    private static let kinds = Mutex<[ObjectIdentifier: Kind]>([:])

    private static func kind(of value: Any) -> Kind {
        let type = ObjectIdentifier(Swift.type(of: value))
        if let known = kinds.withLock({ $0[type] }) { return known }
        let kind: Kind
        if value is [String: Any] {
            kind = .dictionary
        } else if value is MustacheLambda || value is any MustacheCustomRenderable || value is any MustacheCustomRepresentation
                    || value is any MustacheParent {
            kind = .kept
        } else {
            switch Mirror(reflecting: value).displayStyle {
            case .optional: kind = .optional
            case .collection: kind = value is [Any] ? .array : .kept
            case .struct: kind = value is any CustomStringConvertible ? .kept : .fields
            default: kind = .kept
            }
        }
        kinds.withLock { $0[type] = kind }
        return kind
    }
}
