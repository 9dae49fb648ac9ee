import CLibXML2

/// What the engine checks natively in front of libxml2 for one schema (see `XMLSchema`):
/// identity constraints, pattern facets, or both. Each part is nil when libxml2 keeps it.
struct ValidationScreen: Sendable {
    let identity: NativeIdentityChecks?
    let patterns: NativePatternChecks?

    /// True when every native check holds for the document.
    func hold(in document: xmlDocPtr) -> Bool {
        (identity?.hold(in: document) ?? true) && (patterns?.hold(in: document) ?? true)
    }
}
