/// Whether a schema validates documents through the engine's validation screen.
///
/// The screen (see `XMLSchema`) checks a schema's identity constraints and pattern facets
/// natively and leaves the rest to libxml2, which is faster over many documents; compiling it
/// costs more than one document's validation saves. Whatever the choice, a document is accepted
/// only when libxml2's full validation against the full schema accepts it.
public enum ValidationScreening: Sendable, Hashable {
    /// Every document is validated by libxml2 against the full schema. The default: right for a
    /// run that reads one document or a few.
    case never
    /// Documents are validated through the screen when the schema is one of the shipped XSDs,
    /// recognised by the SHA-256 of its file's bytes; any other schema (an edited copy, one from
    /// `--standards DIR`) is validated as with `never`, and its screen is never compiled. The
    /// screen is compiled when the first document is validated. For batches.
    case whenRecognised
}
