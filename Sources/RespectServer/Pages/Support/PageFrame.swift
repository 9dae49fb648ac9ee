import RespectStore

/// What every page shows around its content (the layout partials read it): the page title, the
/// signed-in user and the navigation of their role, and the session's CSRF token for the
/// sign-out form and every other form on the page.
struct PageFrame: Sendable, Encodable {
    struct Link: Sendable, Encodable {
        var href: String
        var label: String
        /// `aria-current="page"` on the link of the section the page belongs to.
        var current: Bool
    }

    var title: String
    var email: String?
    var roleName: String?
    var navigation: [Link] = []
    var csrf = ""
    /// Stored, not computed: templates read the stored properties (through `Encodable`).
    var hasNavigation = false

    /// The frame of a signed-in page; `section` is the navigation link's path the page belongs to.
    init(title: String, context: RespectRequestContext, catalogue: Catalogue, section: String? = nil) {
        self.title = title
        guard let user = context.signedIn?.user else { return }
        email = user.email.value
        roleName = catalogue["home_role_\(user.role.rawValue)"]
        if case .session(_, let token)? = context.signedIn?.credential { csrf = token }
        navigation = Self.links(for: user.role).map { path, key in
            Link(href: path, label: catalogue[key], current: path == section)
        }
        hasNavigation = true
    }

    /// A frame for a page seen signed out (sign-in, errors).
    init(title: String) {
        self.title = title
    }

    /// Each role's navigation: the paths of its pages, and the catalogue keys of their names.
    static func links(for role: Role) -> [(String, String)] {
        switch role {
        case .provider:
            [("/home", "nav_home"), ("/self-assessments/new", "nav_newSelfAssessment"), ("/self-assessments/import", "nav_import"),
             ("/tenders", "nav_tenders")]
        case .assessor:
            [("/home", "nav_home"), ("/assessments", "nav_queue"), ("/moderation", "nav_moderation"), ("/rounds", "nav_rounds"),
             ("/audit", "nav_audit")]
        case .commissioner:
            [("/home", "nav_home"), ("/tenders", "nav_tenders"), ("/tenders/new", "nav_newTender")]
        case .admin:
            [("/home", "nav_home"), ("/admin/users", "nav_users"), ("/admin/organisations", "nav_organisations"),
             ("/audit", "nav_audit")]
        }
    }
}
