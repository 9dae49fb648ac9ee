/// A cap on how many times one element may occur in a document, counted while parsing, so a
/// file with too many of them is refused before it is validated or converted (the evidence-item
/// limit of submissions: a 32 MiB file of tiny items would otherwise take hundreds of megabytes
/// before the model could refuse it).
public struct ElementCap: Sendable, Hashable {
    /// The element's namespace (nil: no namespace).
    public var namespace: String?
    /// The element's local name.
    public var localName: String
    /// The most occurrences accepted.
    public var limit: Int
    /// The document the cap is about, for the message: "the submission".
    public var document: String
    /// What the elements are, plural, for the message: "evidence items".
    public var what: String
    /// The option that raises the limit: "--max-evidence-items".
    public var option: String

    public init(namespace: String?, localName: String, limit: Int, document: String, what: String, option: String) {
        self.namespace = namespace
        self.localName = localName
        self.limit = limit
        self.document = document
        self.what = what
        self.option = option
    }

    /// The message a user sees when a file goes over the cap.
    var summary: String {
        "\(document) has more than \(limit) \(what); if \(document) is genuine, raise the limit with \(option)"
    }
}
