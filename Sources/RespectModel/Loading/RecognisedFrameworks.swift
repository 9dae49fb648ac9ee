/// The shipped framework files, recognised by the SHA-256 of their bytes together with that of
/// the framework XSD they were validated against.
///
/// Validating a framework against `framework-v1.xsd` means compiling that 26 KB schema first;
/// together they took about a sixth of a short `respect check`. A file with exactly these bytes,
/// read beside exactly this XSD, is valid: the tests validate every listed file against the
/// listed XSD with libxml2 and compare the element tree read without validation with the one
/// read with it (`RecognisedFrameworkTests`). Such a file is therefore read without validating
/// it again. Any other bytes, or any other XSD (`--standards` with a changed schema), are
/// validated in full as always. When a shipped framework or the XSD changes, the tests fail and
/// say which line to change here.
public enum RecognisedFrameworks {
    /// SHA-256 of `standards/schema/framework-v1.xsd`, in lowercase hexadecimal.
    public static let schemaSHA256 = "d56901d0c77a49e14effe60e20cddaf779391a4919dd014b62019f9c55c21dbe"

    /// File name in `standards` → SHA-256 of its bytes, in lowercase hexadecimal.
    public static let sha256: [String: String] = [
        "home-office-2023.xml": "18783d7967e01fd009b8e8be36fdf5866afecc1f92517e0cdd65347a5ce5037a",
        "respect-standard-2012.xml": "38afc766b4235c10453fc517e1707c927823ccb91140a7747fce465ddac18063",
        "respect-standard-2017.xml": "ac38fc3a02b75f79d2c2c2ab9ec18c02fd150adecaea0d7d098e04f35f4738d1",
    ]

    /// True when a framework with digest `sha256`, read beside a framework XSD with digest
    /// `schemaSHA256`, is one of the files known valid.
    public static func knownValid(sha256: String, schemaSHA256: String?) -> Bool {
        schemaSHA256 == Self.schemaSHA256 && sha256s.contains(sha256)
    }

    private static let sha256s = Array(sha256.values)
}
