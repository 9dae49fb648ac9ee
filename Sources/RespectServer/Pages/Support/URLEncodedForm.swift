/// Reads `application/x-www-form-urlencoded` bodies (`a=1&b=two+words`), keeping repeated names.
enum URLEncodedForm {
    static func parse(_ bytes: [UInt8]) -> PageForm {
        var form = PageForm()
        for pair in String(decoding: bytes, as: UTF8.self).split(separator: "&") {
            let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            form.fields.append((decode(parts[0]), parts.count > 1 ? decode(parts[1]) : ""))
        }
        return form
    }

    private static func decode(_ text: Substring) -> String {
        text.replacingOccurrences(of: "+", with: " ").removingPercentEncoding ?? ""
    }
}
