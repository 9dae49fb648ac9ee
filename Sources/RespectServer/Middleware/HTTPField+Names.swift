import HTTPTypes

/// Header names the service uses that `HTTPField.Name` does not define.
extension HTTPField.Name {
    static let referrerPolicy = HTTPField.Name("Referrer-Policy")!
    static let xFrameOptions = HTTPField.Name("X-Frame-Options")!
    static let crossOriginOpenerPolicy = HTTPField.Name("Cross-Origin-Opener-Policy")!
    static let link = HTTPField.Name("Link")!
    /// Sent by browsers: `cross-site` for a request another site started.
    static let secFetchSite = HTTPField.Name("Sec-Fetch-Site")!
    /// The session's CSRF token, on cookie-authenticated API calls that change state.
    static let csrfToken = HTTPField.Name("X-CSRF-Token")!
}
