/// The shipped XSDs the validation screen serves, recognised by the SHA-256 of their bytes.
///
/// The screen is proven equal to libxml2's full validation on exactly these files by the
/// differential tests (`ScreenDifferentialTests`); a schema with any other bytes is validated
/// by libxml2 alone. Each file is self-contained (no include, import or redefine), so its bytes
/// fix the whole schema. When a shipped XSD changes, `RecognisedSchemaTests` fails and says
/// which line to change here.
enum RecognisedSchemas {
    /// File name in `standards/schema` → SHA-256 of its bytes, in lowercase hexadecimal.
    static let sha256: [String: String] = [
        "crosswalk-v1.xsd": "f6cf9440fdce90914aff5b43b0e575cfa8c1e405bf77ffe95829028256938dc1",
        "submission-v1.xsd": "1867d1fbd0885430cac6aa065bc1bc79c2df0324cd22f9ed263da13d85f53b72",
    ]

    /// True when `bytes` are exactly one of the recognised files.
    static func recognise(_ bytes: [UInt8]) -> Bool {
        sha256.values.contains(SHA256Digest.hex(of: bytes))
    }
}
