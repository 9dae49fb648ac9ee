import RespectXML

/// Reads a submission's evidence items one at a time as the parser hands each `<item>` over
/// (`ElementHandOff`), so the element tree of a pack of 20,000 items is never built: each
/// item's elements are made, read into an `EvidenceItem` and freed before the next. Reads
/// exactly as `SubmissionBuilder` reads items from a whole tree, with the same problems, which
/// `SubmissionBuilder.build(_:handedOver:)` reports where the tree's items would be.
final class EvidenceItemReader {
    private var builder: SubmissionBuilder
    private(set) var items: [EvidenceItem] = []

    init(file: String) {
        builder = SubmissionBuilder(file: file)
    }

    /// The items read so far, with the problems found in them.
    var read: HandedOverItems { HandedOverItems(items: items, problems: builder.log.problems) }

    /// Hands `<item>` children of `<evidence>` in the submission namespace to this reader.
    var handOff: ElementHandOff {
        ElementHandOff(namespace: DocumentKind.submission.namespace, localName: "item", parentLocalName: "evidence") { [self] element in
            items.append(builder.readItem(element))
        }
    }
}

/// Evidence items read as the parser handed them over, with the problems found in them.
struct HandedOverItems: Sendable {
    var items: [EvidenceItem]
    var problems: [XMLDiagnostic]
}
