/// A form a page posted, read once by `RouteGuard` before the handler runs: its text fields
/// (a name may repeat, as checkboxes do) and, for a multipart form, its files. Values are kept
/// as sent; handlers validate them.
struct PageForm: Sendable {
    /// Text fields in the order sent.
    var fields: [(name: String, value: String)] = []
    /// Uploaded files (multipart forms only), in the order sent.
    var files: [UploadedFile] = []

    /// The first value of `name`, `nil` when absent.
    subscript(_ name: String) -> String? {
        fields.first { $0.name == name }?.value
    }

    /// The first value of `name` trimmed, "" when absent.
    func text(_ name: String) -> String {
        (self[name] ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// Every value of `name`, in the order sent.
    func all(_ name: String) -> [String] {
        fields.filter { $0.name == name }.map(\.value)
    }

    /// The file sent as `name`, when one was chosen (a browser sends an empty part with an empty
    /// file name when none was).
    func file(_ name: String) -> UploadedFile? {
        files.first { $0.fieldName == name && !($0.fileName.isEmpty && $0.bytes.isEmpty) }
    }
}

/// A file from a multipart form. `fileName` is the name the browser gave, cleaned to its last
/// path component without control characters; it is a label, never a path on this machine.
struct UploadedFile: Sendable {
    var fieldName: String
    var fileName: String
    var mediaType: String
    var bytes: [UInt8]
}
